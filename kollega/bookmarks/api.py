"""Bookmarks: lists, the popular pages, one page's group, and adding, editing, deleting.

Every read starts from kollega.access: other people's private bookmarks and bookmarks in
restricted communities you are not in are neither listed nor counted.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.bookmarks import actions, queries
from kollega.bookmarks.schemas import (
    BookmarkIn,
    BookmarkOut,
    BookmarksPage,
    BookmarkUpdateIn,
    Period,
    PopularOut,
    UrlGroupOut,
)
from kollega.bookmarks.urlnorm import MAX_URL, clean_url, normalise_url, url_key
from kollega.core.tags import normalise
from kollega.places.models import Place

router = Router(tags=["bookmarks"])


class ListFilters(Schema):
    tag: Text = Field("", description="Only bookmarks with this tag.")
    place: Text = Field("", description="Only the bookmarks of this community (its slug).")
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


class PopularParams(Schema):
    period: Period = Field("30", description="30 or 90 days, or all.")
    limit: Limit = queries.POPULAR_SIZE


class UrlParams(Schema):
    u: Text = Field(max_length=MAX_URL, description="The address, in any of its spellings.")


def _one(person, item_id: int):
    item = queries.bookmark_detail(person, item_id)
    queries.with_counts(person, [item])
    return item


@router.get(
    "",
    response={200: BookmarksPage, codes_4xx: ErrorOut},
    operation_id="bookmarks_list",
    summary="Bookmarks",
    description="Your own bookmarks, newest first; or, with tag or place, everyone's that you "
    "may see. Pass next_cursor back as cursor for more.",
)
def bookmarks_list(request, filters: Query[ListFilters]):
    person = viewer(request)
    if filters.place:
        place = access.place_for(person, filters.place)
        if place.kind != Place.Kind.COMMUNITY:
            raise ValidationError({"place": "Only communities have a bookmarks list."})
        page = queries.place_bookmarks(person, place, filters.cursor, filters.limit)
    elif filters.tag.strip():
        tag = normalise(filters.tag)
        page = queries.tag_bookmarks(person, tag, filters.cursor, filters.limit)
    else:
        page = queries.my_bookmarks(person, filters.cursor, filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/popular",
    response={200: PopularOut, codes_4xx: ErrorOut},
    operation_id="bookmarks_popular",
    summary="The most bookmarked pages",
    description="Ranked by how many people bookmarked each page in the period.",
)
def bookmarks_popular(request, params: Query[PopularParams]):
    groups = queries.popular(viewer(request), params.period, params.limit)
    return {"period": params.period, "items": groups}


@router.get(
    "/url",
    response={200: UrlGroupOut, codes_4xx: ErrorOut},
    operation_id="bookmarks_url_group",
    summary="Who bookmarked a page",
    description="Everyone's bookmarks of one address (grouped by its normal form), the number "
    "of people and their tags. 404 when nobody you can see bookmarked it.",
)
def bookmarks_url_group(request, params: Query[UrlParams]):
    key = url_key(normalise_url(clean_url(params.u)))
    group = queries.url_group(viewer(request), key)
    if group is None:
        raise Http404("Nobody you can see bookmarked this page.")
    return group


@router.post(
    "",
    response={201: BookmarkOut, codes_4xx: ErrorOut},
    operation_id="bookmarks_create",
    summary="Bookmark a page",
    description="In your own space (no place), or in a community you are a member of.",
)
def bookmarks_create(request, payload: BookmarkIn):
    person = viewer(request)
    place = access.place_for(person, payload.place) if payload.place else None
    data = payload.dict()
    data["place"] = place
    item = actions.create_bookmark(person, **data)
    return 201, _one(person, item.pk)


@router.patch(
    "/{item_id}",
    response={200: BookmarkOut, codes_4xx: ErrorOut},
    operation_id="bookmarks_update",
    summary="Edit a bookmark",
    description="Its author may (and an owner of its community). Send only what changes.",
)
def bookmarks_update(request, item_id: Id, payload: BookmarkUpdateIn):
    person = viewer(request)
    item = queries.bookmark_detail(person, item_id)
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    actions.update_bookmark(person, item, **changes)
    return _one(person, item_id)


@router.delete(
    "/{item_id}",
    response={204: None, codes_4xx: ErrorOut},
    operation_id="bookmarks_delete",
    summary="Delete a bookmark",
)
def bookmarks_delete(request, item_id: Id):
    person = viewer(request)
    actions.delete_bookmark(person, queries.bookmark_detail(person, item_id))
    return 204, None
