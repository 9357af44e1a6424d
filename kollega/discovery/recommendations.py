"""Recommendations: recent items a person has not seen, each with the reason it is shown.

Candidates come from four bounded sources (each a query with a LIMIT, so the cost does not
grow with the organisation): items liked by the person's contacts, items written by
contacts, items tagged with a tag they follow or know about, and new items in their
communities. The candidates are then read through ``access.visible_items`` (the one
permission filter) minus everything the person has seen: written, liked, saved, replied to,
opened (SeenItem) or dismissed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kollega import access
from kollega.content.models import Item, ItemTag, Like, Reply, Save
from kollega.discovery.models import DismissedRecommendation, Expertise, SeenItem
from kollega.network.models import Contact, Follow
from kollega.people.models import Person
from kollega.places.models import Membership, Place

WINDOW_DAYS = 60
POOL = 60  # candidates per source
MAX_TAGS = 8
MAX_LIMIT = 50
EXPERTISE_TAGS = 3
MAX_CONTACTS = 1000
BATCH = 40  # candidates read per round through access and the seen filters
ROUNDS = 3

LIKED, FOLLOWED_TAG, KNOWN_TAG, COMMUNITY, CONTACT = (
    "liked", "followed-tag", "known-tag", "community", "contact",
)  # fmt: skip
WEIGHTS = {LIKED: 1.0, FOLLOWED_TAG: 1.2, KNOWN_TAG: 0.8, COMMUNITY: 0.7, CONTACT: 0.9}


@dataclass
class Recommendation:
    item: Item
    score: float
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (code, sentence)

    @property
    def reason(self) -> str:
        return self.reasons[0][1] if self.reasons else ""

    @property
    def reason_codes(self) -> list[str]:
        return [code for code, _text in self.reasons]


def seen_q(viewer: Person):
    """Conditions that make an item already seen by the viewer (for .exclude / .filter)."""
    pk = OuterRef("pk")
    return {
        "liked": Exists(Like.objects.filter(item=pk, person=viewer)),
        "saved": Exists(Save.objects.filter(item=pk, person=viewer)),
        "replied": Exists(Reply.objects.filter(item=pk, author=viewer)),
        "opened": Exists(SeenItem.objects.filter(item=pk, person=viewer)),
        "dismissed": Exists(DismissedRecommendation.objects.filter(item=pk, person=viewer)),
    }


def recommendations(viewer: Person, limit: int = 10) -> list[Recommendation]:
    limit = max(1, min(int(limit), MAX_LIMIT))
    since = timezone.now() - timedelta(days=WINDOW_DAYS)
    # Ids grow with time, so "recent" is an id range: the (person, item) index of likes and
    # the place index of items then read only the recent end, not a person's whole history.
    first = (
        Item.objects.filter(created__gte=since).order_by("created").values_list("pk", flat=True)
    ).first()
    if first is None:
        return []
    # Literal lists rather than subqueries: the planner then reads each contact's recent
    # items through the (author, created) index instead of walking all recent items. Sent
    # with any_of (kollega/core/lookups.py): one array parameter on PostgreSQL.
    contacts = list(
        Contact.objects.filter(person=viewer).values_list("other_id", flat=True)[:MAX_CONTACTS]
    )
    found: dict[int, list[tuple[str, object]]] = defaultdict(list)

    liked = (
        Like.objects.filter(person_id__any_of=contacts, item_id__gte=first)
        .values("item_id")
        .annotate(n=Count("id"))
        .order_by("-n", "-item_id")[:POOL]
    )
    for row in liked:
        found[row["item_id"]].append((LIKED, row["n"]))
    for pk in (
        Item.objects.filter(author_id__any_of=contacts, created__gte=since)
        .order_by("-created")
        .values_list("pk", flat=True)[:POOL]
    ):
        found[pk].append((CONTACT, None))
    communities = list(
        Membership.objects.filter(person=viewer, place__kind=Place.Kind.COMMUNITY).values_list(
            "place_id", flat=True
        )[:MAX_CONTACTS]
    )
    for pk in (
        Item.objects.filter(place_id__any_of=communities, pk__gte=first)
        .order_by("-pk")
        .values_list("pk", flat=True)[:POOL]
    ):
        found[pk].append((COMMUNITY, None))
    for tag, code in _interesting_tags(viewer):
        for pk in (
            ItemTag.objects.filter(tag=tag, item_id__gte=first)
            .order_by("-item_id")
            .values_list("item_id", flat=True)[: POOL // 2]
        ):
            found[pk].append((code, tag.name))
    if not found:
        return []
    # Rank the candidates by their sources first (ids stand in for age), then read only the
    # best few through access and the seen filters: a short IN list keeps that query cheap
    # to plan and run. Another batch is read when too many of them were seen already.
    newest = max(found)
    order = sorted(found, key=lambda pk: -_prior(found[pk], pk, first, newest))
    now = timezone.now()
    out: list[Recommendation] = []
    size = max(BATCH, 2 * limit)
    for start in range(0, min(len(order), size * ROUNDS), size):
        batch = order[start : start + size]
        out += [_score(item, found[item.pk], now) for item in _unseen(viewer, batch)]
        if len(out) >= limit:
            break
    out.sort(key=lambda r: (-r.score, -r.item.pk))
    return out[:limit]


def _prior(sources, pk: int, first: int, newest: int) -> float:
    weight = sum(
        WEIGHTS[code] * (1 + 0.5 * (detail - 1) if code == LIKED else 1) for code, detail in sources
    )
    return weight * (0.5 + 0.5 * (pk - first) / max(1, newest - first))


def _unseen(viewer: Person, ids: list[int]):
    return (
        access.visible_items(viewer)
        .filter(pk__in=ids)
        .exclude(author=viewer)
        .alias(**seen_q(viewer))
        .exclude(liked=True)
        .exclude(saved=True)
        .exclude(replied=True)
        .exclude(opened=True)
        .exclude(dismissed=True)
        .select_related("author", "place")
        .order_by()
        .defer("body_html", "author__about", "author__about_html", "place__description_html")
    )


def _interesting_tags(viewer: Person):
    """Tags the viewer follows, then their best expertise topics (two queries)."""
    tags = []
    seen = set()
    for follow in Follow.objects.filter(follower=viewer, tag__isnull=False).select_related("tag")[
        :MAX_TAGS
    ]:
        tags.append((follow.tag, FOLLOWED_TAG))
        seen.add(follow.tag_id)
    for row in (
        Expertise.objects.filter(person=viewer)
        .select_related("tag")
        .order_by("-score")[: EXPERTISE_TAGS + MAX_TAGS]
    ):
        if len(tags) >= MAX_TAGS or len(seen) >= MAX_TAGS:
            break
        if row.tag_id not in seen and len([t for t in tags if t[1] == KNOWN_TAG]) < EXPERTISE_TAGS:
            tags.append((row.tag, KNOWN_TAG))
            seen.add(row.tag_id)
    return tags


def _score(item: Item, sources, now) -> Recommendation:
    rec = Recommendation(item, 0.0)
    for code, detail in sources:
        if code == LIKED:
            rec.score += WEIGHTS[LIKED] * (1 + 0.5 * (detail - 1))
            text = ngettext(
                "liked by one of your contacts", "liked by %(n)d of your contacts", detail
            ) % {"n": detail}
        elif code == FOLLOWED_TAG:
            rec.score += WEIGHTS[code]
            text = _("tagged %(tag)s, which you follow") % {"tag": detail}
        elif code == KNOWN_TAG:
            rec.score += WEIGHTS[code]
            text = _("tagged %(tag)s, which you know about") % {"tag": detail}
        elif code == COMMUNITY:
            rec.score += WEIGHTS[code]
            text = _("new in %(place)s") % {"place": item.place.name}
        else:
            rec.score += WEIGHTS[code]
            text = _("by %(name)s, one of your contacts") % {"name": item.author.name}
        if code not in rec.reason_codes:
            rec.reasons.append((code, text))
    age_days = max(0.0, (now - item.created).total_seconds() / 86400)
    rec.score *= 1.0 / (1.0 + age_days / 14)  # two weeks old: half the weight
    rec.score += 0.05 * min(item.like_count, 20) / 20
    rec.reasons.sort(key=lambda r: -WEIGHTS[r[0]] if r[0] != LIKED else -2)
    return rec
