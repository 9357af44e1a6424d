"""The home stream as ActivityStreams 2.0 JSON, and "action required".

Every page is an ``OrderedCollectionPage`` (see kollega/stream/activitystreams.py) built from
``kollega.stream.queries.stream``, which starts from ``kollega.access``: nothing the viewer may
not read appears, including items restricted or removed after their events were recorded.
Clients that ask for ``application/activity+json`` (or ``application/ld+json``) get that
content type; everyone else gets ``application/json`` with the same document.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.routers.people import person_named
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Limit, PersonRef, Text, web_url
from kollega.api.schemas.places import PlaceRef
from kollega.content.models import Item
from kollega.core.pagination import Page
from kollega.core.tags import normalise
from kollega.stream import activitystreams as as2
from kollega.stream.action_required import action_required
from kollega.stream.queries import VIEWS, stream

router = Router(tags=["stream"])

MAX_CURSOR = 200
AS2_TYPES = ("application/activity+json", "application/ld+json")
PAGE_DESCRIPTION = (
    "An ActivityStreams 2.0 OrderedCollectionPage: each of orderedItems is the Activity that "
    "last touched an item (Create, Update, Like, or Activity with kollega:verb reply), with the "
    "item as its object and the recent actors per verb under object['kollega:summary']. "
    "Follow next (absent on the last page) for more."
)


class StreamFilters(Schema):
    cursor: Text | None = Field(
        None, max_length=MAX_CURSOR, description="The cursor in the previous page's next URL."
    )
    kind: Text = Field("", description="Only items of this kind: status, post, question, …")
    tag: Text = Field("", description="Only items with this tag.")
    limit: Limit = DEFAULT_LIMIT


class ItemRef(Schema):
    id: int
    kind: str
    title: str
    url: str | None

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.display_title

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class ActionOut(Schema):
    kind: str = Field(
        description="network_invitation, community_invitation, join_request, answer_to_accept "
        "or routed_question."
    )
    id: int = Field(description="The invitation's, the join request's or the question's id.")
    created: datetime = Field(description="When it arrived (the latest answer, for answers).")
    person: PersonRef | None = Field(
        description="Who invited, asks to join, answered last, or routed the question."
    )
    place: PlaceRef | None
    item: ItemRef | None
    message: str
    count: int = Field(description="For answer_to_accept: how many answers by others.")


def _kind(value: str) -> str:
    if value and value not in Item.Kind.values:
        raise ValidationError(
            {"kind": _("“%(k)s” is not a kind of item; use one of: %(kinds)s.")
             % {"k": value, "kinds": ", ".join(Item.Kind.values)}}
        )  # fmt: skip
    return value


def _tag(value: str, *, required: bool = False) -> str:
    if not value.strip() and not required:
        return ""
    try:
        return normalise(value)
    except ValidationError as exc:
        raise ValidationError({"tag": exc.messages}) from None


def _with_cursor(request: HttpRequest, cursor: str | None) -> str:
    params = {k: v for k, v in request.GET.items() if k != "cursor"}
    if cursor:
        params["cursor"] = cursor
    query = urlencode(params)
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


def respond(request: HttpRequest, page: Page) -> JsonResponse:
    document = as2.collection_page(
        request.build_absolute_uri,
        page,
        page_url=request.build_absolute_uri(),
        part_of=_with_cursor(request, None),
        next_url=_with_cursor(request, page.next_cursor) if page.next_cursor else None,
    )
    accept = request.headers.get("Accept", "")
    wants_as2 = any(t in accept for t in AS2_TYPES)
    content_type = as2.CONTENT_TYPE if wants_as2 else "application/json"
    return JsonResponse(document, content_type=f"{content_type}; charset=utf-8")


def _page(request, filters: StreamFilters, view: str = "discover", **scope) -> JsonResponse:
    page = stream(
        viewer(request),
        view,
        cursor=filters.cursor,
        kind=_kind(filters.kind),
        tag=_tag(filters.tag),
        limit=filters.limit,
        **scope,
    )
    return respond(request, page)


@router.get(
    "/action-required",
    response={200: list[ActionOut], codes_4xx: ErrorOut},
    operation_id="stream_action_required",
    summary="What waits for you",
    description="Network and community invitations, requests to join your communities, "
    "answers to your open questions waiting for you to accept one, and questions routed to "
    "you; newest first.",
)
def stream_action_required(request):
    return action_required(viewer(request))


@router.get(
    "/people/{username}",
    response={200: dict, codes_4xx: ErrorOut},
    operation_id="stream_person",
    summary="A person's stream",
    description="What they wrote and what was posted on their board. " + PAGE_DESCRIPTION,
)
def stream_person(request, username: Text, filters: Query[StreamFilters]):
    return _page(request, filters, person=person_named(username))


@router.get(
    "/places/{slug}",
    response={200: dict, codes_4xx: ErrorOut},
    operation_id="stream_place",
    summary="A community's stream",
    description="A restricted community is 404 for those who are not members. " + PAGE_DESCRIPTION,
)
def stream_place(request, slug: Text, filters: Query[StreamFilters]):
    return _page(request, filters, place=access.place_for(viewer(request), slug))


@router.get(
    "/tags/{tag}",
    response={200: dict, codes_4xx: ErrorOut},
    operation_id="stream_tag",
    summary="A tag's stream",
    description="Everything you may read with this tag. " + PAGE_DESCRIPTION,
)
def stream_tag(request, tag: Text, filters: Query[StreamFilters]):
    page = stream(
        viewer(request),
        "discover",
        cursor=filters.cursor,
        kind=_kind(filters.kind),
        tag=_tag(tag, required=True),
        limit=filters.limit,
    )
    return respond(request, page)


@router.get(
    "/{view}",
    response={200: dict, codes_4xx: ErrorOut},
    operation_id="stream_get",
    summary="Your home stream",
    description="Views: following (people, communities, tags and items you follow, and your "
    "communities), network (your contacts), discover (everything you may read), status "
    "(status updates and board posts), mentions, saved. " + PAGE_DESCRIPTION,
)
def stream_get(request, view: Text, filters: Query[StreamFilters]):
    if view not in VIEWS:
        raise Http404(
            _("There is no “%(view)s” stream; the views are %(views)s and action-required.")
            % {"view": view, "views": ", ".join(VIEWS)}
        )
    return _page(request, filters, view)
