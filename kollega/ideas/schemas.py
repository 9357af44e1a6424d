"""Ideas in the JSON API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.urls import NoReverseMatch, reverse
from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_OFFSET, PersonRef, TagList, Text, absolute_url
from kollega.api.schemas.places import PlaceRef
from kollega.ideas.actions import MAX_NOTE


class IdeaOut(Schema):
    id: int
    title: str
    body: str = Field(description="Markdown source.")
    body_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    author: PersonRef
    place: PlaceRef
    created: datetime
    updated: datetime
    state: str = Field(description="open, accepted, duplicate or declined.")
    vote_count: int
    voted: bool = Field(description="Whether you voted for it.")
    duplicate_of: int | None = Field(description="The original idea's id, for a duplicate.")
    decided_by: PersonRef | None
    decided_at: datetime | None
    decision_note: str = Field(description="Markdown source.")
    decision_note_html: str
    reply_count: int
    like_count: int
    url: str | None = Field(description="The idea's page in the web UI.")

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_state(obj) -> str:
        return obj.idea.state

    @staticmethod
    def resolve_vote_count(obj) -> int:
        return obj.idea.vote_count

    @staticmethod
    def resolve_voted(obj) -> bool:
        return getattr(obj, "voted", False)

    @staticmethod
    def resolve_duplicate_of(obj) -> int | None:
        return obj.idea.duplicate_of_id

    @staticmethod
    def resolve_decided_by(obj):
        return obj.idea.decided_by

    @staticmethod
    def resolve_decided_at(obj):
        return obj.idea.decided_at

    @staticmethod
    def resolve_decision_note(obj) -> str:
        return obj.idea.decision_note

    @staticmethod
    def resolve_decision_note_html(obj) -> str:
        return obj.idea.decision_note_html

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        try:
            path = reverse("idea", args=[obj.pk])
        except NoReverseMatch:  # the API also runs without the web UI's pages
            return None
        return absolute_url(context, path)


class IdeasPage(Schema):
    count: int
    items: list[IdeaOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)
    vote_cap: int | None = Field(description="Votes a member may have on open ideas here; "
                                 "null for no cap.")  # fmt: skip
    votes_left: int | None = Field(description="How many you have left; null without a cap "
                                   "or when you are not a member.")  # fmt: skip


class IdeaIn(Schema):
    place: Text = Field(description="The community's slug.")
    title: Text
    body: Text = Field(description="Markdown.")
    tags: TagList | None = None


class DecisionIn(Schema):
    state: Literal["open", "accepted", "duplicate", "declined"]
    duplicate_of: int | None = Field(None, ge=1, le=2**63 - 1, description="The original "
                                     "idea's id; required for duplicate.")  # fmt: skip
    note: Text = Field("", max_length=MAX_NOTE, description="Why; Markdown.")
