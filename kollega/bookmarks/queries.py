"""Reads of bookmarks, always starting from kollega.access.visible_items.

Group counts ("7 people bookmarked this") and tag counts are computed over the bookmarks the
viewer may read, never over all rows: a private bookmark of someone else, or one in a
restricted community the viewer is not in, is not counted anywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from kollega import access
from kollega.content.models import Item, ItemTag
from kollega.core.models import Tag
from kollega.core.pagination import Page, keyset_page
from kollega.people.models import Person
from kollega.places.models import Place

PAGE_SIZE = 20
POPULAR_SIZE = 20
GROUP_SIZE = 100
TOP_TAGS = 8
# The periods of the popular list, in days; None is all time.
PERIODS = {"30": 30, "90": 90, "all": None}


def visible_bookmarks(viewer: Person) -> QuerySet[Item]:
    """Bookmark items the viewer may read (items of kind bookmark without an address, made
    through the generic post form, are not bookmarks here)."""
    return access.visible_items(viewer).filter(kind=Item.Kind.BOOKMARK, bookmark__isnull=False)


def bookmark_list(viewer: Person) -> QuerySet[Item]:
    return (
        visible_bookmarks(viewer)
        .select_related("bookmark", "author", "place", "place__owner")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name")))
    )


def people_counts(viewer: Person, keys) -> dict[str, int]:
    """How many people bookmarked each address (by url_key), among what the viewer sees."""
    rows = (
        visible_bookmarks(viewer)
        .filter(bookmark__url_key__in=set(keys))
        .values("bookmark__url_key")
        .annotate(people=Count("author", distinct=True))
        .order_by()
    )
    return {row["bookmark__url_key"]: row["people"] for row in rows}


def with_counts(viewer: Person, items: list[Item]) -> list[Item]:
    counts = people_counts(viewer, [i.bookmark.url_key for i in items]) if items else {}
    for item in items:
        item.people_count = counts.get(item.bookmark.url_key, 1)
    return items


def _page(viewer: Person, qs: QuerySet[Item], cursor: str | None, limit: int) -> Page:
    page = keyset_page(qs, field="created", cursor=cursor, limit=limit)
    with_counts(viewer, page.items)
    return page


def my_bookmarks(viewer: Person, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page:
    return _page(viewer, bookmark_list(viewer).filter(author=viewer), cursor, limit)


def tag_bookmarks(
    viewer: Person, tag: str, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page:
    return _page(viewer, bookmark_list(viewer).filter(tags__name=tag), cursor, limit)


def place_bookmarks(
    viewer: Person, place: Place, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page:
    return _page(viewer, bookmark_list(viewer).filter(place=place), cursor, limit)


def bookmark_detail(viewer: Person, item_id: int) -> Item:
    """One bookmark the viewer may read, or 404."""
    item = access.item_for(viewer, item_id)
    if item.kind != Item.Kind.BOOKMARK or not hasattr(item, "bookmark"):
        raise Http404("No such bookmark.")
    return item


def tag_counts(viewer: Person, keys) -> dict[str, list[tuple[str, int]]]:
    """Everyone's tags on each address, most used first (one query for any number)."""
    rows = (
        ItemTag.objects.filter(
            item__in=visible_bookmarks(viewer).filter(bookmark__url_key__in=set(keys))
        )
        .values("item__bookmark__url_key", "tag__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counters: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counters[row["item__bookmark__url_key"]][row["tag__name"]] = row["n"]
    return {
        key: sorted(counter.items(), key=lambda pair: (-pair[1], pair[0]))[:TOP_TAGS]
        for key, counter in counters.items()
    }


@dataclass
class Group:
    """Everyone's bookmarks of one page, as one viewer sees them."""

    url: str
    normalised_url: str
    title: str
    people: int
    latest: object
    tags: list[tuple[str, int]] = field(default_factory=list)
    bookmarks: list[Item] = field(default_factory=list)


def popular(viewer: Person, period: str = "30", limit: int = POPULAR_SIZE) -> list[Group]:
    """The most bookmarked pages in the period, among the bookmarks the viewer may read.

    Three queries whatever the data: the ranking, the newest bookmark of each page (for its
    address and title), and the tags.
    """
    qs = visible_bookmarks(viewer)
    days = PERIODS.get(period, PERIODS["30"])
    if days is not None:
        qs = qs.filter(created__gte=timezone.now() - timedelta(days=days))
    ranking = list(
        qs.values("bookmark__url_key")
        .annotate(people=Count("author", distinct=True), latest=Max("created"), newest=Max("pk"))
        .order_by("-people", "-latest", "bookmark__url_key")[:limit]
    )
    if not ranking:
        return []
    newest = {
        item.pk: item
        for item in Item.objects.filter(pk__in=[r["newest"] for r in ranking]).select_related(
            "bookmark"
        )
    }
    keys = [r["bookmark__url_key"] for r in ranking]
    tags = tag_counts(viewer, keys)
    groups = []
    for row in ranking:
        item = newest[row["newest"]]
        groups.append(
            Group(
                url=item.bookmark.url,
                normalised_url=item.bookmark.normalised_url,
                title=item.title,
                people=row["people"],
                latest=row["latest"],
                tags=tags.get(row["bookmark__url_key"], []),
            )
        )
    return groups


def url_group(viewer: Person, key: str) -> Group | None:
    """Every visible bookmark of the page with this url_key, newest first (the first
    GROUP_SIZE of them), with the number of people and their tags; None when there is none."""
    bookmarks = list(
        bookmark_list(viewer).filter(bookmark__url_key=key).order_by("-created", "-pk")[:GROUP_SIZE]
    )
    if not bookmarks:
        return None
    people = people_counts(viewer, [key]).get(key, 0)
    for item in bookmarks:
        item.people_count = people
    first = bookmarks[0]
    return Group(
        url=first.bookmark.url,
        normalised_url=first.bookmark.normalised_url,
        title=first.title,
        people=people,
        latest=first.created,
        tags=tag_counts(viewer, [key]).get(key, []),
        bookmarks=bookmarks,
    )


def my_bookmark_of(viewer: Person, key: str) -> Item | None:
    """The viewer's own newest bookmark of a page, to say "you bookmarked this already"."""
    return (
        visible_bookmarks(viewer)
        .filter(author=viewer, bookmark__url_key=key)
        .order_by("-created", "-pk")
        .first()
    )
