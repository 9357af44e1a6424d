"""What response schemas show beyond the queries' own loads, in one query per page."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import prefetch_related_objects

from kollega.content.models import Item


def with_questions(items: Iterable[Item]) -> list[Item]:
    """Load each item's Question (or its absence) for the whole page in one query.

    ItemOut shows ``question``; reading the reverse one-to-one item by item would cost a
    query per item.
    """
    items = list(items)
    if items:
        prefetch_related_objects(items, "question")
    return items
