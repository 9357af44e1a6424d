"""Reads of the content spine, always starting from kollega.access."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from kollega import access
from kollega.content.models import Item, Like, Question, Reply, Save
from kollega.core.models import Tag
from kollega.core.pagination import Page, keyset_page
from kollega.people.models import Person
from kollega.places.models import Place

PAGE_SIZE = 20


def item_list(viewer: Person) -> QuerySet[Item]:
    """Visible items with what a list shows, in a fixed number of queries."""
    return (
        access.visible_items(viewer)
        .select_related("author", "author__org_unit", "place", "place__owner")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name")))
    )


def mark_viewer_state(viewer: Person, items: list[Item]) -> list[Item]:
    """Set ``liked`` and ``saved`` on each item for the viewer (two queries for any page)."""
    ids = [i.pk for i in items]
    liked = set(
        Like.objects.filter(person=viewer, item_id__in=ids).values_list("item_id", flat=True)
    )
    saved = set(
        Save.objects.filter(person=viewer, item_id__in=ids).values_list("item_id", flat=True)
    )
    for item in items:
        item.liked = item.pk in liked
        item.saved = item.pk in saved
    return items


def mark_questions(viewer: Person, items: list[Item]) -> list[Item]:
    """Set ``question_state`` (None, "open" or "answered") and ``can_ask`` on each item, in
    one query for any page. ``can_ask``: the viewer wrote this board entry and may turn it
    into a question."""
    ids = [i.pk for i in items]
    states = dict(Question.objects.filter(item_id__in=ids).values_list("item_id", "state"))
    for item in items:
        item.question_state = states.get(item.pk)
        item.can_ask = (
            item.question_state is None
            and item.author_id == viewer.pk
            and item.place.kind == Place.Kind.BOARD
        )
    return items


def item_question(item: Item) -> Question | None:
    """The question record of an item (its state and timings), or None."""
    return Question.objects.filter(item=item).first()


def place_items(
    viewer: Person, place: Place, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page:
    qs = item_list(viewer).filter(place=place)
    page = keyset_page(qs, field="last_activity_at", cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    return page


def latest_items(
    viewer: Person, cursor: str | None = None, limit: int = PAGE_SIZE, **filters
) -> Page:
    qs = item_list(viewer)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("tag"):
        qs = qs.filter(tags__name=filters["tag"])
    if filters.get("author"):
        qs = qs.filter(author=filters["author"])
    page = keyset_page(qs, field="last_activity_at", cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    return page


def item_detail(viewer: Person, item_id: int) -> Item:
    item = access.item_for(viewer, item_id)
    mark_viewer_state(viewer, [item])
    return item


def saved_items(viewer: Person, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page:
    """The viewer's saved items that they may still read, most recently saved first.

    The cursor walks the saves (saved time, save id), so an item saved again moves up.
    """
    saves = (
        Save.objects.filter(person=viewer, item__in=access.visible_items(viewer))
        .select_related(
            "item__author", "item__author__org_unit", "item__place", "item__place__owner"
        )
        .prefetch_related(Prefetch("item__tags", queryset=Tag.objects.only("name")))
    )
    page = keyset_page(saves, field="created", cursor=cursor, limit=limit)
    items = [save.item for save in page.items]
    mark_viewer_state(viewer, items)
    return Page(items, page.next_cursor)


def item_replies(viewer: Person, item: Item) -> QuerySet[Reply]:
    """Replies the viewer may read under ``item``, oldest first, with their authors."""
    return access.visible_replies(viewer, item).select_related("author").order_by("created", "pk")


def board_items(
    viewer: Person, board: Place, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page:
    """Entries on a person's board that the viewer may read, newest written first."""
    qs = item_list(viewer).filter(place=board)
    page = keyset_page(qs, field="created", cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    return page
