"""Places: listing what the viewer may see, creating communities, joining and leaving."""

from __future__ import annotations

from typing import Literal

from django.db.models import QuerySet
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Limit, Text
from kollega.api.schemas.items import ItemsPage
from kollega.api.schemas.places import CommunityIn, PlaceOut, PlacesPage
from kollega.content import queries as content_queries
from kollega.core.pagination import keyset_page
from kollega.people.models import Person
from kollega.places import actions
from kollega.places.models import Membership, Place

router = Router(tags=["places"])


class PlaceFilters(Schema):
    kind: Literal["board", "community", "organisation"] | None = Field(
        None, description="Only places of this kind."
    )
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


def _one(person: Person, slug: str) -> Place:
    access.place_for(person, slug)  # 404 for what the viewer may not see
    place = _places(person).get(slug=slug)
    return with_roles(person, [place])[0]


@router.get(
    "",
    response={200: PlacesPage, codes_4xx: ErrorOut},
    operation_id="places_list",
    summary="Places you can see",
    description="Most recently active first. Restricted communities appear only to members.",
)
def places_list(request, filters: Query[PlaceFilters]):
    person = viewer(request)
    qs = _places(person)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    page = keyset_page(qs, field="last_activity_at", cursor=filters.cursor, limit=filters.limit)
    return {"items": with_roles(person, page.items), "next_cursor": page.next_cursor}


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
    return 201, _one(person, place.slug)


@router.get(
    "/{slug}",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="places_get",
    summary="A place",
)
def places_get(request, slug: Text):
    return _one(viewer(request), slug)


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
    return _one(person, slug)


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
        return _one(person, slug)
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
    return {"items": page.items, "next_cursor": page.next_cursor}
