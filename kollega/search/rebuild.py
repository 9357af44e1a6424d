"""Rebuilding the whole index (``kollega reindex``): batched reads, bulk inserts, and the
full-text structures rebuilt once at the end rather than row by row. One transaction, so
searches keep working on the old index until the new one is complete."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.db import transaction

from kollega.content.models import Item
from kollega.people.models import Person
from kollega.places.models import Place
from kollega.search import documents
from kollega.search.backends import get_backend
from kollega.search.models import SearchDocument

BATCH = 2000


def _id_batches(qs, size: int) -> Iterator[list[int]]:
    last = 0
    while True:
        ids = list(qs.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def totals() -> dict[str, int]:
    return {
        "people": Person.objects.count(),
        "communities": Place.objects.filter(kind=Place.Kind.COMMUNITY).count(),
        "items": Item.objects.count(),
    }


def rebuild(progress: Callable[[int], None] = lambda n: None, batch: int = BATCH) -> int:
    """Index everything again; ``progress(n)`` is told how many objects each batch held."""
    backend = get_backend()
    written = 0
    sources = [
        (Person.objects.all(), documents.person_documents),
        (Place.objects.filter(kind=Place.Kind.COMMUNITY), documents.community_documents),
        (Item.objects.all(), documents.item_documents),
    ]
    with transaction.atomic():
        backend.bulk_load_begin()
        for qs, build in sources:
            for ids in _id_batches(qs, batch):
                docs = build(ids)
                SearchDocument.objects.bulk_create(docs, batch_size=500)
                written += len(docs)
                progress(len(ids))
        backend.bulk_load_end()
    return written
