"""Items of the content spine: reading, posting, editing, replies, likes and saves.

Every item is fetched through ``kollega.access`` first, so an item the viewer may not read is
404 on every operation here, the same as an item that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.loading import with_questions
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.items import (
    ItemIn,
    ItemOut,
    ItemsPage,
    ItemUpdateIn,
    RepliesPage,
    ReplyIn,
    ReplyOut,
)
from kollega.content import actions, queries
from kollega.core.tags import normalise
from kollega.people.queries import people

router = Router(tags=["items"])

MAX_REPLY_OFFSET = 100_000


class ItemFilters(Schema):
    kind: Text = Field("", description="Only items of this kind, e.g. question.")
    tag: Text = Field("", description="Only items with this tag.")
    author: Text = Field("", description="Only items by this username.")
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


class ReplyParams(Schema):
    limit: Limit = 50
    offset: int = Field(0, ge=0, le=MAX_REPLY_OFFSET)


def fresh(request, item_id: int):
    """The item as the viewer sees it now, counts and their likes and saves included."""
    return with_questions([queries.item_detail(viewer(request), item_id)])[0]


@router.get(
    "",
    response={200: ItemsPage, codes_4xx: ErrorOut},
    operation_id="items_list",
    summary="Latest items",
    description="Every item you may read, most recently active first; filter by kind, tag or "
    "author. Pass next_cursor back as cursor for more.",
)
def items_list(request, filters: Query[ItemFilters]):
    person = viewer(request)
    author = None
    if filters.author:
        author = people().filter(username=filters.author).first()
        if author is None:
            raise ValidationError({"author": f"No one has the username “{filters.author}”."})
    page = queries.latest_items(
        person,
        cursor=filters.cursor,
        limit=filters.limit,
        kind=filters.kind,
        tag=normalise(filters.tag) if filters.tag.strip() else "",
        author=author,
    )
    return {"items": with_questions(page.items), "next_cursor": page.next_cursor}


@router.post(
    "",
    response={201: ItemOut, codes_4xx: ErrorOut},
    operation_id="items_create",
    summary="Post an item",
    description="In a community you are a member of, or on your own board (board-<username>).",
)
def items_create(request, payload: ItemIn):
    person = viewer(request)
    place = access.place_for(person, payload.place)
    item = actions.create_item(
        person, place, kind=payload.kind, title=payload.title, body=payload.body, tags=payload.tags
    )
    return 201, fresh(request, item.pk)


@router.get(
    "/{item_id}",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="items_get",
    summary="An item",
)
def items_get(request, item_id: Id):
    return fresh(request, item_id)


@router.patch(
    "/{item_id}",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="items_update",
    summary="Edit an item",
    description="Its author (or an owner of its place) may. Send only the fields to change; "
    "tags replace the item's tags.",
)
def items_update(request, item_id: Id, payload: ItemUpdateIn):
    person = viewer(request)
    item = access.item_for(person, item_id)
    changes = payload.dict(exclude_unset=True)
    actions.update_item(
        person, item, title=changes.get("title"), body=changes.get("body"), tags=changes.get("tags")
    )
    return fresh(request, item_id)


@router.get(
    "/{item_id}/replies",
    response={200: RepliesPage, codes_4xx: ErrorOut},
    operation_id="replies_list",
    summary="Replies to an item",
    description="Oldest first.",
)
def replies_list(request, item_id: Id, params: Query[ReplyParams]):
    person = viewer(request)
    replies = queries.item_replies(person, access.item_for(person, item_id))
    count = replies.count()
    rows = list(replies[params.offset : params.offset + params.limit])
    end = params.offset + len(rows)
    return {"count": count, "items": rows, "next_offset": end if end < count else None}


@router.post(
    "/{item_id}/replies",
    response={201: ReplyOut, codes_4xx: ErrorOut},
    operation_id="replies_create",
    summary="Reply to an item",
)
def replies_create(request, item_id: Id, payload: ReplyIn):
    person = viewer(request)
    reply = actions.reply_to_item(person, access.item_for(person, item_id), payload.body)
    return 201, reply


@router.put(
    "/{item_id}/like",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="likes_add",
    summary="Like an item",
    description="Liking twice changes nothing.",
)
def likes_add(request, item_id: Id):
    person = viewer(request)
    actions.like_item(person, access.item_for(person, item_id))
    return fresh(request, item_id)


@router.delete(
    "/{item_id}/like",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="likes_remove",
    summary="Take back a like",
)
def likes_remove(request, item_id: Id):
    person = viewer(request)
    actions.unlike_item(person, access.item_for(person, item_id))
    return fresh(request, item_id)


@router.put(
    "/{item_id}/save",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="saves_add",
    summary="Save an item for later",
    description="Saved items are listed at /me/saved. Saving twice changes nothing.",
)
def saves_add(request, item_id: Id):
    person = viewer(request)
    actions.save_item(person, access.item_for(person, item_id))
    return fresh(request, item_id)


@router.delete(
    "/{item_id}/save",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="saves_remove",
    summary="Remove an item from your saved items",
)
def saves_remove(request, item_id: Id):
    person = viewer(request)
    actions.unsave_item(person, access.item_for(person, item_id))
    return fresh(request, item_id)
