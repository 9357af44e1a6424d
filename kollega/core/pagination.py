"""Keyset pagination over (timestamp, id) descending: stable and fast on deep pages."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _


def encode_cursor(when: datetime, pk: int) -> str:
    raw = f"{when.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        when, pk = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        moment = datetime.fromisoformat(when)
        if moment.tzinfo is None:
            raise ValueError("naive")
        return moment, int(pk)
    except (ValueError, UnicodeDecodeError, TypeError):
        raise ValidationError(
            _("That page link is not valid; start again from the first page.")
        ) from None


@dataclass
class Page:
    items: list
    next_cursor: str | None


def keyset_page(qs: QuerySet, *, field: str, cursor: str | None, limit: int) -> Page:
    """The page after ``cursor`` of ``qs`` ordered by ``-field, -id``."""
    if cursor:
        when, pk = decode_cursor(cursor)
        qs = qs.filter(Q(**{f"{field}__lt": when}) | Q(**{field: when, "pk__lt": pk}))
    rows = list(qs.order_by(f"-{field}", "-pk")[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(getattr(last, field), last.pk)
    return Page(rows, next_cursor)
