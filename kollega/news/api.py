"""Official news in the JSON API, mounted at /api/v1/news."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.news import actions, queries
from kollega.news.schemas import EditorIn, EditorOut, NewsIn, NewsOut, NewsPage, NewsUpdateIn
from kollega.people.models import Person
from kollega.people.queries import people

router = Router(tags=["news"])


class NewsParams(Schema):
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


def _person(username: str) -> Person:
    person = people().filter(username=username.strip()).first()
    if person is None:
        raise ValidationError({"username": _("No one has the username “%(u)s”.") % {"u": username}})
    return person


def _require_staff(person: Person) -> None:
    if not person.user.is_staff:
        raise PermissionDenied(_("Only administrators can choose who edits the news."))


@router.get(
    "",
    response={200: NewsPage, codes_4xx: ErrorOut},
    operation_id="news_list",
    summary="All news",
    description="Every news article, newest first. Pass next_cursor back as cursor for more.",
)
def news_list(request, params: Query[NewsParams]):
    page = queries.news_page(viewer(request), cursor=params.cursor, limit=params.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/featured",
    response={200: list[NewsOut], codes_4xx: ErrorOut},
    operation_id="news_featured",
    summary="Featured news for you",
    description="Articles featured now whose audience includes you (your org unit or one "
    "above it, your location, or everyone), newest first.",
)
def news_featured(request):
    return queries.featured_with_details(viewer(request))


@router.post(
    "",
    response={201: NewsOut, codes_4xx: ErrorOut},
    operation_id="news_create",
    summary="Publish a news article",
    description="News editors (editors and owners of the organisation place) only.",
)
def news_create(request, payload: NewsIn):
    person = viewer(request)
    item = actions.create_news(person, **payload.dict())
    return 201, queries.news_for(person, item.pk)


@router.get(
    "/editors",
    response={200: list[EditorOut], codes_4xx: ErrorOut},
    operation_id="news_editors_list",
    summary="Who publishes news",
    description="Administrators only.",
)
def news_editors_list(request):
    _require_staff(viewer(request))
    return list(queries.editor_memberships().order_by("person__name"))


@router.post(
    "/editors",
    response={201: EditorOut, codes_4xx: ErrorOut},
    operation_id="news_editors_grant",
    summary="Make someone a news editor",
    description="Administrators only.",
)
def news_editors_grant(request, payload: EditorIn):
    person = viewer(request)
    _require_staff(person)
    return 201, actions.grant_editor(person, _person(payload.username))


@router.delete(
    "/editors/{username}",
    response={204: None, codes_4xx: ErrorOut},
    operation_id="news_editors_revoke",
    summary="Stop someone editing news",
    description="Administrators only. Owners of the news are changed in the administration.",
)
def news_editors_revoke(request, username: Text):
    person = viewer(request)
    _require_staff(person)
    actions.revoke_editor(person, _person(username))
    return 204, None


@router.get(
    "/{item_id}",
    response={200: NewsOut, codes_4xx: ErrorOut},
    operation_id="news_get",
    summary="A news article",
)
def news_get(request, item_id: Id):
    return queries.news_for(viewer(request), item_id)


@router.patch(
    "/{item_id}",
    response={200: NewsOut, codes_4xx: ErrorOut},
    operation_id="news_update",
    summary="Edit a news article",
    description="News editors only, and of those the article's author or an owner of the "
    "news. Send only the fields to change; featured_until sent as null stops featuring.",
)
def news_update(request, item_id: Id, payload: NewsUpdateIn):
    person = viewer(request)
    item = queries.news_for(person, item_id)
    changes = payload.dict(exclude_unset=True)
    if "featured_until" not in changes:
        changes["featured_until"] = actions.UNSET
    actions.update_news(person, item, **changes)
    return queries.news_for(person, item_id)
