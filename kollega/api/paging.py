"""Offset pages for lists ordered by name or position, where a keyset cursor does not fit."""

from __future__ import annotations

from django.db.models import QuerySet


def offset_page(qs: QuerySet, offset: int, limit: int) -> dict:
    """``{"count", "items", "next_offset"}`` for the page of ``qs`` at ``offset``."""
    count = qs.count()
    rows = list(qs[offset : offset + limit])
    end = offset + len(rows)
    return {"count": count, "items": rows, "next_offset": end if end < count else None}
