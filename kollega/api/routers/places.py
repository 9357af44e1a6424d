"""Places: listing what the viewer may see, creating communities, joining and leaving."""

from __future__ import annotations

import base64
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.loading import with_questions
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Limit, Text
from kollega.api.schemas.items import ItemsPage
from kollega.api.schemas.places import CommunityIn, CommunityUpdateIn, PlaceOut, PlacesPage
from kollega.content import queries as content_queries
from kollega.core.pagination import keyset_page
from kollega.core.tags import normalise
from kollega.people.models import Person
from kollega.places import actions
from kollega.places.models import Membership, Place
from kollega.places.queries import CATALOG_SORTS

router = Router(tags=["places"])

MAX_OFFSET = 100_000


class PlaceFilters(Schema):
    kind: Literal["board", "community", "organisation"] | None = Field(
        None, description="Only places of this kind."
    )
    sort: Literal["activity", "name", "size"] = Field(
        "activity",
        description="activity: most recently active first; name: A to Z; size: most members first.",
    )
    tag: Text = Field("", description="Only places with this tag.")
    mine: bool = Field(False, description="Only places you are a member of.")
    q: Text = Field("", max_length=160, description="Words in the name.")
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


class PageParams(Schema):
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


def _places(person: Person) -> QuerySet[Place]:
    return access.visible_places(person).select_related("owner").prefetch_related("tags")


def with_roles(person: Person, places: list[Place]) -> list[Place]:
    """Set ``viewer_role`` on each place from one query for the whole page."""
    roles = dict(
        Membership.objects.filter(person=person, place__in=[p.pk for p in places]).values_list(
            "place_id", "role"
        )
    )
    for place in places:
        role = roles.get(place.pk)
        # A board's owner owns it even without a membership row (see access.role_in).
        if role is None and place.kind == Place.Kind.BOARD and place.owner_id == person.pk:
            role = Membership.Role.OWNER
        place.viewer_role = role
    return places


def place_detail(person: Person, slug: str) -> Place:
    access.place_for(person, slug)  # 404 for what the viewer may not see
    place = _places(person).get(slug=slug)
    return with_roles(person, [place])[0]


def _offset_cursor(sort: str, offset: int) -> str:
    return base64.urlsafe_b64encode(f"{sort}|{offset}".encode()).decode().rstrip("=")


def _offset_from(sort: str, cursor: str) -> int:
    """The offset in a name- or size-sorted list's cursor (made for that same sort)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        made_for, offset = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        offset = int(offset)
        if made_for != sort or not 0 < offset <= MAX_OFFSET:
            raise ValueError(made_for)
        return offset
    except (ValueError, UnicodeDecodeError, TypeError):
        raise ValidationError(
            _("That page link is not valid; start again from the first page.")
        ) from None


@router.get(
    "",
    response={200: PlacesPage, codes_4xx: ErrorOut},
    operation_id="places_list",
    summary="Places you can see",
    description="Most recently active first, or by name or size; filter by kind, tag, name "
    "words, or only yours. For the community catalog pass kind=community. Restricted "
    "communities appear only to members.",
)
def places_list(request, filters: Query[PlaceFilters]):
    person = viewer(request)
    qs = _places(person)
    # The same filters as the web UI's catalog (kollega.places.queries.catalog), for every kind.
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.mine:
        qs = qs.filter(pk__in=access.member_place_ids(person))
    if filters.tag.strip():
        qs = qs.filter(tags__name=normalise(filters.tag))
    words = " ".join(filters.q.split())
    if words:
        qs = qs.filter(name__icontains=words)
    if filters.sort == "activity":
        page = keyset_page(qs, field="last_activity_at", cursor=filters.cursor, limit=filters.limit)
        return {"items": with_roles(person, page.items), "next_cursor": page.next_cursor}
    # Name and size orders page by position: a keyset on (name, id) or (members, activity,
    # id) would do no better for lists of communities, which stay in the thousands.
    offset = _offset_from(filters.sort, filters.cursor) if filters.cursor else 0
    rows = list(qs.order_by(*CATALOG_SORTS[filters.sort])[offset : offset + filters.limit + 1])
    more = len(rows) > filters.limit
    end = offset + filters.limit
    return {
        "items": with_roles(person, rows[: filters.limit]),
        "next_cursor": _offset_cursor(filters.sort, end) if more and end <= MAX_OFFSET else None,
    }


@router.post(
    "",
    response={201: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_create",
    summary="Create a community",
    description="You become its owner.",
)
def places_create(request, payload: CommunityIn):
    person = viewer(request)
    place = actions.create_community(
        person,
        payload.name,
        description=payload.description,
        access=payload.access,
        tags=payload.tags,
    )
    return 201, place_detail(person, place.slug)


@router.get(
    "/{slug}",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_get",
    summary="A place",
)
def places_get(request, slug: Text):
    return place_detail(viewer(request), slug)


@router.patch(
    "/{slug}",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_update",
    summary="Change a community",
    description="Its owners may. Send only the fields to change (null leaves one unchanged, "
    "except idea_vote_cap, where null removes the cap); tags replace the community's tags. "
    "Making a community restricted hides it from everyone who is not a member.",
)
def places_update(request, slug: Text, payload: CommunityUpdateIn):
    person = viewer(request)
    place = access.place_for(person, slug)
    if place.kind != Place.Kind.COMMUNITY:
        # A board follows its owner's profile; the organisation is set up by administrators.
        raise ValidationError(_("Only communities are changed here."))
    changes = {
        field: value
        for field, value in payload.dict(exclude_unset=True).items()
        if value is not None or field == "idea_vote_cap"
    }
    actions.update_community(person, place, **changes)
    return place_detail(person, slug)


@router.post(
    "/{slug}/join",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_join",
    summary="Join an open community",
    description="Moderated and restricted communities answer 403: an owner lets people in.",
)
def places_join(request, slug: Text):
    person = viewer(request)
    actions.join_place(person, access.place_for(person, slug))
    return place_detail(person, slug)


@router.post(
    "/{slug}/leave",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_leave",
    summary="Leave a community",
    description="Leaving a restricted community also hides it from you: the answer is then "
    "404 on the next request.",
)
def places_leave(request, slug: Text):
    person = viewer(request)
    place = access.place_for(person, slug)
    actions.leave_place(person, place)
    # After leaving a restricted place the viewer may no longer see it; answer with what
    # they saw before leaving rather than a 404 for the action they just did.
    place.refresh_from_db(fields=["member_count"])
    if access.can_see_place(person, place):
        return place_detail(person, slug)
    place.viewer_role = None
    return place


@router.get(
    "/{slug}/items",
    response={200: ItemsPage, codes_4xx: ErrorOut},
    operation_id="place_items_list",
    summary="Items in a place",
    description="Most recently active first; pass next_cursor back as cursor for more.",
)
def place_items_list(request, slug: Text, params: Query[PageParams]):
    person = viewer(request)
    place = access.place_for(person, slug)
    page = content_queries.place_items(person, place, cursor=params.cursor, limit=params.limit)
    return {"items": with_questions(page.items), "next_cursor": page.next_cursor}
