"""Reads of files, always starting from kollega.access."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from kollega import access
from kollega.content.models import Item, ItemShare
from kollega.core.models import Tag
from kollega.files.models import FileDetail, FileVersion
from kollega.people.models import Person
from kollega.places.models import Place

SORTS = {
    "updated": ("-updated", "-pk"),
    "name": (Lower("file__name"), "pk"),
    "downloads": ("-file__download_count", "-updated", "-pk"),
}
DEFAULT_SORT = "updated"
MAX_QUERY = 200


def file_list(viewer: Person) -> QuerySet[Item]:
    """Files the viewer may read, with what a list shows and without any version's text."""
    return (
        access.visible_items(viewer)
        .filter(kind=Item.Kind.FILE, file__isnull=False)
        .select_related("author", "place", "place__owner", "file", "file__current__uploader")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name")))
        .defer("file__current__extracted_text")
    )


def for_table(qs: QuerySet[Item], *, with_place: bool) -> QuerySet[Item]:
    """Only what the file table of the pages shows (name, size, type, version, downloads,
    uploader, updated; where, when ``with_place``): no author, tags, description or text.
    A table of 50 files builds a sixth of the objects it would otherwise (measured: the
    community's file list in bench/communities.py)."""
    related = ["file", "file__current__uploader"]
    if with_place:
        related += ["place", "place__owner"]
    return (
        qs.select_related(None)
        .select_related(*related)
        .prefetch_related(None)
        .defer("body", "body_html", "file__current__extracted_text")
    )


def filtered(qs: QuerySet[Item], query: str = "", sort: str = DEFAULT_SORT) -> QuerySet[Item]:
    """Filter by words in the name, title or text of the current version; sort."""
    query = " ".join((query or "").split())[:MAX_QUERY]
    if query:
        qs = qs.filter(
            Q(file__name__icontains=query)
            | Q(title__icontains=query)
            | Q(file__current__extracted_text__icontains=query)
        )
    return qs.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def place_files(viewer: Person, place: Place, query: str = "", sort: str = DEFAULT_SORT):
    return filtered(file_list(viewer).filter(place=place), query, sort)


def my_files(viewer: Person, query: str = "", sort: str = DEFAULT_SORT):
    """Files in the viewer's own space and files shared with them."""
    mine = Q(place__kind=Place.Kind.BOARD, place__owner=viewer)
    shared = Q(pk__in=access.shared_item_ids(viewer))
    return filtered(file_list(viewer).filter(mine | shared), query, sort)


def file_for(viewer: Person, item_id: int) -> Item:
    """A file the viewer may read, or 404 (also for items of other kinds)."""
    item = access.item_for(viewer, item_id)
    detail = (
        FileDetail.objects.filter(item=item)
        .select_related("current", "current__uploader")
        .defer("current__extracted_text")
        .first()
    )
    if item.kind != Item.Kind.FILE or detail is None:
        raise Http404("No such file.")
    item.file = detail
    return item


def versions(item: Item) -> QuerySet[FileVersion]:
    """Every version of a file the caller has already checked access to, newest first."""
    return (
        FileVersion.objects.filter(file_id=item.pk)
        .select_related("uploader")
        .defer("extracted_text")
        .order_by("-number")
    )


def version_of(item: Item, number: int) -> FileVersion:
    version = versions(item).filter(number=number).first()
    if version is None:
        raise Http404("No such version.")
    return version


def shares(item: Item) -> QuerySet[ItemShare]:
    return ItemShare.objects.filter(item=item).select_related("person", "place").order_by("pk")
