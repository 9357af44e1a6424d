"""Who knows what: topic scores from evidence, materialised in ``Expertise``.

Evidence, per person and tag (each explained on the profile):
- the person gave themselves the tag (a claim, worth least),
- distinct colleagues gave them the tag (others vouch for them),
- what they wrote with the tag, weighted by kind (a wiki page or blog entry says more than a
  status update, asking a question says little) and by recency,
- their answers that the asker accepted on questions with the tag (the strongest evidence),
- their bookmarks with the tag.

Only public evidence counts: items in open or moderated places that are not private and not
removed. The table is the same for every viewer, so it must never learn from a restricted
community ("bob knows about falcon" would reveal the secret project).

Each piece of evidence is summed with diminishing returns (log2(1 + n)): the fiftieth status
update about kubernetes adds little, the first colleague's tag adds a lot.

The rebuild runs a handful of aggregate queries per block of people (GROUP BY person, tag in
the database), never one query per person, so 10,000 people / 1,000,000 items take minutes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Case, Count, F, FloatField, Max, Q, Sum, Value, When
from django.utils import timezone

from kollega.access import PUBLIC_ACCESS
from kollega.content.models import ItemTag
from kollega.discovery.models import Expertise
from kollega.people.models import PersonTag

W_SELF = 1.0
W_TAGGERS = 1.5
W_WRITTEN = 1.0
W_ANSWERS = 2.5
W_BOOKMARKS = 0.5

# What writing one item of a kind says about knowing its topic.
KIND_WEIGHTS = {
    "wiki": 1.5,
    "blog": 1.5,
    "file": 1.0,
    "topic": 1.0,
    "idea": 0.7,
    "news": 0.5,
    "status": 0.5,
    "post": 0.5,
    "question": 0.3,  # asking shows interest, not knowledge
}
# Recency in steps rather than exp(): portable SQL on SQLite and PostgreSQL.
RECENCY = ((90, 1.0), (365, 0.7))
OLD = 0.4


@dataclass
class Evidence:
    self_tagged: bool = False
    taggers: int = 0
    items: int = 0
    written: float = 0.0
    answers: int = 0
    bookmarks: int = 0

    @property
    def score(self) -> float:
        return (
            W_SELF * self.self_tagged
            + W_TAGGERS * math.log2(1 + self.taggers)
            + W_WRITTEN * math.log2(1 + self.written)
            + W_ANSWERS * math.log2(1 + self.answers)
            + W_BOOKMARKS * math.log2(1 + self.bookmarks)
        )


def public_item_q(prefix: str = "") -> Q:
    """Items anyone signed in may read, as a filter relative to ``prefix``."""
    return Q(
        **{
            f"{prefix}private": False,
            f"{prefix}removed_at__isnull": True,
            f"{prefix}place__access__in": PUBLIC_ACCESS,
        }
    )


def _item_weight(now):
    kind = Case(
        *[When(item__kind=k, then=Value(w)) for k, w in KIND_WEIGHTS.items()],
        default=Value(0.5),
        output_field=FloatField(),
    )
    recency = Case(
        *[
            When(item__created__gte=now - timedelta(days=days), then=Value(w))
            for days, w in RECENCY
        ],
        default=Value(OLD),
        output_field=FloatField(),
    )
    return kind * recency


def gather(people: Q, item_people: Q, reply_people: Q) -> dict[tuple[int, int], Evidence]:
    """Evidence for the people selected by three equivalent filters (four queries)."""
    found: dict[tuple[int, int], Evidence] = defaultdict(Evidence)
    tags = (
        PersonTag.objects.filter(people)
        .values("person_id", "tag_id")
        .annotate(
            mine=Max(Case(When(tagger_id=F("person_id"), then=1), default=0)),
            others=Count("tagger_id", filter=~Q(tagger_id=F("person_id")), distinct=True),
        )
    )
    for row in tags:
        ev = found[row["person_id"], row["tag_id"]]
        ev.self_tagged, ev.taggers = bool(row["mine"]), row["others"]
    written = (
        ItemTag.objects.filter(item_people, public_item_q("item__"))
        .values("item__author_id", "tag_id")
        .annotate(
            n=Count("id"),
            books=Count("id", filter=Q(item__kind="bookmark")),
            weight=Sum(_item_weight(timezone.now()), filter=~Q(item__kind="bookmark")),
        )
    )
    for row in written:
        ev = found[row["item__author_id"], row["tag_id"]]
        ev.bookmarks = row["books"]
        ev.items = row["n"] - row["books"]
        ev.written = row["weight"] or 0.0
    answers = (
        ItemTag.objects.filter(
            reply_people,
            public_item_q("item__"),
            item__replies__accepted_at__isnull=False,
            item__replies__removed_at__isnull=True,
        )
        .values("item__replies__author_id", "tag_id")
        .annotate(n=Count("item_id", distinct=True))
    )
    for row in answers:
        found[row["item__replies__author_id"], row["tag_id"]].answers = row["n"]
    return found


def _write(person_filter: Q, found: dict[tuple[int, int], Evidence]) -> int:
    rows = [
        Expertise(
            person_id=person_id,
            tag_id=tag_id,
            score=round(ev.score, 4),
            self_tagged=ev.self_tagged,
            taggers=ev.taggers,
            items=ev.items,
            answers=ev.answers,
            bookmarks=ev.bookmarks,
        )
        for (person_id, tag_id), ev in found.items()
        if ev.score > 0
    ]
    Expertise.objects.filter(person_filter).delete()
    Expertise.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def refresh_people(person_ids: Iterable[int]) -> int:
    """Recompute the expertise of these people now (synchronously); returns rows written."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    found = gather(
        Q(person_id__in=ids), Q(item__author_id__in=ids), Q(item__replies__author_id__in=ids)
    )
    return _write(Q(person_id__in=ids), found)


def refresh_person(person) -> int:
    """Recompute one person's expertise (call after a write that changes their evidence)."""
    return refresh_people([person.pk])


@transaction.atomic
def refresh_range(low: int, high: int) -> int:
    """Recompute everyone with low <= id < high: the unit of a full rebuild."""
    found = gather(
        Q(person_id__gte=low, person_id__lt=high),
        Q(item__author_id__gte=low, item__author_id__lt=high),
        Q(item__replies__author_id__gte=low, item__replies__author_id__lt=high),
    )
    return _write(Q(person_id__gte=low, person_id__lt=high), found)
