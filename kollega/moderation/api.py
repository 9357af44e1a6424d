"""Moderation in the JSON API, mounted at /api/v1/moderation.

Reporting fetches the item through kollega.access (404 for what you may not read); deciding
is for the owners of the item's community and for administrators (403 for others who can
read it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import ErrorOut, Id, PersonRef, Text
from kollega.api.schemas.places import PlaceRef
from kollega.moderation import actions, queries
from kollega.moderation.models import MAX_NOTE

router = Router(tags=["moderation"])


class ReportIn(Schema):
    reason: Literal["spam", "offensive", "confidential", "other"]
    note: Text = Field("", max_length=MAX_NOTE, description="Required when the reason is other.")


class ReportOut(Schema):
    id: int
    item_id: int
    reason: str
    note: str
    state: str = Field(description="open, removed or dismissed.")
    created: datetime


class QueueReportOut(Schema):
    reporter: PersonRef
    reason: str
    note: str
    created: datetime


class ReportedItemOut(Schema):
    id: int
    kind: str
    title: str
    excerpt: str
    author: PersonRef
    place: PlaceRef
    created: datetime

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.display_title

    @staticmethod
    def resolve_excerpt(obj) -> str:
        text = " ".join(obj.body.split())
        return text[:300] + ("…" if len(text) > 300 else "")


class QueueEntryOut(Schema):
    item: ReportedItemOut
    count: int = Field(description="Open reports about the item.")
    reasons: dict[str, int] = Field(description="Open reports per reason.")
    first_reported: datetime
    reports: list[QueueReportOut]

    @staticmethod
    def resolve_reasons(obj) -> dict[str, int]:
        counts: dict[str, int] = {}
        for report in obj.reports:
            counts[report.reason] = counts.get(report.reason, 0) + 1
        return counts


class DecisionIn(Schema):
    decision: Literal["remove", "dismiss"]
    note: Text = Field("", max_length=MAX_NOTE, description="The author sees it on removal.")


class DecisionOut(Schema):
    item_id: int
    decision: str
    removed: bool = Field(description="Whether the item is removed now.")


@router.post(
    "/items/{item_id}/reports",
    response={201: ReportOut, codes_4xx: ErrorOut},
    operation_id="reports_create",
    summary="Report an item",
    description="Anyone who can read an item may report it, once while the report is open.",
)
def reports_create(request, item_id: Id, payload: ReportIn):
    person = viewer(request)
    item = access.item_for(person, item_id)
    return 201, actions.report_item(person, item, reason=payload.reason, note=payload.note)


@router.get(
    "/reports",
    response={200: list[QueueEntryOut], codes_4xx: ErrorOut},
    operation_id="reports_queue",
    summary="The review queue",
    description="Open reports you may decide, grouped by item, most reported first: about "
    "items in the communities you own, or about everything for administrators.",
)
def reports_queue(request):
    person = viewer(request)
    if not queries.is_reviewer(person):
        raise PermissionDenied(
            _("Only community owners and administrators review reported content.")
        )
    return queries.review_queue(person)


@router.post(
    "/items/{item_id}/decision",
    response={200: DecisionOut, codes_4xx: ErrorOut},
    operation_id="reports_decide",
    summary="Decide about a reported item",
    description="remove takes the item off every surface (its open reports become removed); "
    "dismiss keeps it and dismisses its open reports.",
)
def reports_decide(request, item_id: Id, payload: DecisionIn):
    person = viewer(request)
    item = queries.item_to_decide(person, item_id)
    if payload.decision == "remove":
        actions.remove_item(person, item, note=payload.note)
    else:
        actions.dismiss_reports(person, item, note=payload.note)
    return {
        "item_id": item.pk,
        "decision": payload.decision,
        "removed": item.removed_at is not None,
    }


@router.post(
    "/items/{item_id}/restore",
    response={200: DecisionOut, codes_4xx: ErrorOut},
    operation_id="items_restore",
    summary="Restore a removed item",
    description="Administrators only. The item's reports stay decided, for audit.",
)
def items_restore(request, item_id: Id):
    person = viewer(request)
    item = actions.restore_item(person, queries.removed_item(person, item_id))
    return {"item_id": item.pk, "decision": "restore", "removed": False}
