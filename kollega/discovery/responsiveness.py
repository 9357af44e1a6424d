"""How people answer: questions replied to, answers accepted, median time to first reply.

Measured on public questions only (like expertise), from each person's first reply to a
question someone else asked; the clock starts at ``Question.asked_at``.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from django.db import transaction
from django.db.models import Count, F, Min, Q

from kollega.content.models import Reply
from kollega.discovery.expertise import public_item_q
from kollega.discovery.models import Responsiveness


def _gather(people: Q) -> list[Responsiveness]:
    rows = (
        Reply.objects.filter(
            people,
            public_item_q("item__"),
            removed_at__isnull=True,
            item__question__isnull=False,
        )
        .exclude(author_id=F("item__author_id"))
        .values("author_id", "item_id", "item__question__asked_at")
        .annotate(first=Min("created"), accepted=Count("id", filter=Q(accepted_at__isnull=False)))
    )
    waits: dict[int, list[float]] = defaultdict(list)
    accepted: dict[int, int] = defaultdict(int)
    for row in rows:
        wait = (row["first"] - row["item__question__asked_at"]).total_seconds()
        waits[row["author_id"]].append(max(0.0, wait))
        accepted[row["author_id"]] += 1 if row["accepted"] else 0
    return [
        Responsiveness(
            person_id=pid,
            replied=len(times),
            accepted=accepted[pid],
            median_seconds=int(statistics.median(times)),
        )
        for pid, times in waits.items()
    ]


def _write(people: Q, person_filter: Q) -> int:
    rows = _gather(people)
    Responsiveness.objects.filter(person_filter).delete()
    Responsiveness.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def refresh_people(person_ids) -> int:
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    return _write(Q(author_id__in=ids), Q(person_id__in=ids))


@transaction.atomic
def refresh_range(low: int, high: int) -> int:
    return _write(
        Q(author_id__gte=low, author_id__lt=high), Q(person_id__gte=low, person_id__lt=high)
    )


def score(row: Responsiveness | None) -> float:
    """0..1: answers often and quickly. Unknown people get a neutral 0.3, not zero, so a
    newcomer with the right expertise is still suggested."""
    if row is None or not row.replied:
        return 0.3
    hours = (row.median_seconds or 0) / 3600
    speed = 1 / (1 + hours / 24)  # a day's median halves it
    return 0.5 * speed + 0.5 * min(1.0, row.answer_rate * 1.5)
