"""Social ranking on top of text relevance (after Carmel et al., CIKM 2009, "Personalized
social search based on the user's social network").

The best text matches (at most RERANK candidates, already filtered by access) are scored

    score = text + likes + liked_by_network + author_in_network + in_your_community
            + bookmarks + bookmark_tags + bookmarked_by_network + author_tagged + recency

where ``text`` is the engine's relevance divided by the best one among the candidates (so
the top match is 1.0 on either backend) and every social signal is bounded, so no amount of
popularity turns a weak text match into the first result. Each term that contributes is a
Reason, shown on the results page and returned by the API. With ``social=False`` only the
text term counts (ties go to the newer document), which the evaluation compares against.
A few batched queries for the whole candidate set; nothing per result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kollega import access
from kollega.bookmarks.models import Bookmark
from kollega.bookmarks.urlnorm import normalise_url, url_key
from kollega.content.models import ItemTag, Like
from kollega.network.models import Contact
from kollega.people.models import PersonTag
from kollega.places.models import Membership, Place
from kollega.search.models import SearchDocument

RERANK = 100
W_LIKES = 0.10
W_LIKED_BY_NETWORK = 0.25
W_AUTHOR_IN_NETWORK = 0.20
W_COMMUNITY = 0.10
W_BOOKMARKS = 0.10
W_BOOKMARK_TAGS = 0.25
W_BOOKMARKED_BY_NETWORK = 0.15
W_RECENCY = 0.10
W_AUTHOR_TAGGED = 0.30
# A person colleagues tagged with the query is the expert themself: worth more than their item.
W_PERSON_TAGGED = 0.60
W_PERSON_CONTACT = 0.30
W_MEMBER = 0.20
HALF_LIFE_DAYS = 180


@dataclass
class Reason:
    code: str
    text: str
    contribution: float


@dataclass
class Ranked:
    doc: dict
    text_score: float
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)

    def add(self, code: str, text: str, contribution: float) -> None:
        if contribution > 0:
            self.score += contribution
            self.reasons.append(Reason(code, text, round(contribution, 3)))


def _saturating(n: int, at: int) -> float:
    """0 for nothing, 1 at ``at`` or more, logarithmic in between."""
    return min(1.0, math.log1p(n) / math.log1p(at)) if n > 0 else 0.0


def item_url_key(item_id: int) -> str:
    """The key a bookmark of this item's own page would have."""
    return url_key(normalise_url(settings.KOLLEGA_SITE_URL.rstrip("/") + f"/items/{item_id}/"))


def rerank(viewer, candidates: list[tuple[int, float]], words: list[str], *, social: bool):
    docs = {
        d["id"]: d
        for d in SearchDocument.objects.filter(id__in=[c[0] for c in candidates]).values(
            "id", "kind", "item_id", "person_id", "place_id", "author_id", "created",
            "item__like_count", "place__name", "place__kind", "place__slug",
        )
    }  # fmt: skip
    best = max((s for _id, s in candidates), default=0.0)
    ranked = []
    for doc_id, text_score in candidates:
        if doc_id not in docs:
            continue
        r = Ranked(docs[doc_id], text_score)
        norm = text_score / best if best > 0 else 0.0
        r.add("text", _("text match %(score).2f") % {"score": norm}, norm)
        ranked.append(r)
    if social and ranked:
        _social(viewer, ranked, words)
    for r in ranked:
        r.reasons.sort(key=lambda reason: -reason.contribution)
    ranked.sort(key=lambda r: (-r.score, -r.doc["created"].timestamp(), -r.doc["id"]))
    return ranked


def _social(viewer, ranked: list[Ranked], words: list[str]) -> None:
    contacts = set(Contact.objects.filter(person=viewer).values_list("other_id", flat=True))
    mine = set(Membership.objects.filter(person=viewer).values_list("place_id", flat=True))
    item_ids = [r.doc["item_id"] for r in ranked if r.doc["item_id"]]
    liked = {}
    if contacts and item_ids:
        liked = dict(
            Like.objects.filter(item_id__in=item_ids, person_id__in=contacts)
            .values_list("item_id")
            .annotate(n=Count("id"))
        )
    marks = _bookmarks(viewer, item_ids, words, contacts)
    tagged_authors = _tagged_people(
        {r.doc["author_id"] or r.doc["person_id"] for r in ranked} - {None}, words
    )
    now = timezone.now()
    for r in ranked:
        doc = r.doc
        if doc["kind"] == SearchDocument.PERSON:
            if doc["person_id"] in contacts:
                r.add("contact", _("in your network"), W_PERSON_CONTACT)
            n = tagged_authors.get(doc["person_id"], 0)
            r.add("tagged", ngettext("tagged with your words by %(n)d colleague",
                                     "tagged with your words by %(n)d colleagues", n) % {"n": n},
                  W_PERSON_TAGGED * min(n, 3) / 3)  # fmt: skip
            continue
        if doc["kind"] == SearchDocument.COMMUNITY:
            if doc["place_id"] in mine:
                r.add("member", _("you are a member"), W_MEMBER)
            continue
        _item_signals(r, doc, contacts, mine, liked, marks.get(doc["item_id"]))
        n = tagged_authors.get(doc["author_id"], 0)
        r.add("author-tagged", ngettext(
            "its author was tagged with your words by %(n)d colleague",
            "its author was tagged with your words by %(n)d colleagues", n) % {"n": n},
            W_AUTHOR_TAGGED * min(n, 3) / 3)  # fmt: skip
        age_days = max(0.0, (now - doc["created"]).total_seconds() / 86400)
        r.add("recent", _("recent"), W_RECENCY * 0.5 ** (age_days / HALF_LIFE_DAYS))


def _item_signals(r: Ranked, doc, contacts, mine, liked, marks) -> None:
    likes = doc["item__like_count"] or 0
    r.add("likes", ngettext("%(n)d like", "%(n)d likes", likes) % {"n": likes},
          W_LIKES * _saturating(likes, 50))  # fmt: skip
    n = liked.get(doc["item_id"], 0)
    r.add("liked-by-network", ngettext("liked by %(n)d of your contacts",
                                       "liked by %(n)d of your contacts", n) % {"n": n},
          W_LIKED_BY_NETWORK * min(n, 3) / 3)  # fmt: skip
    if doc["author_id"] in contacts:
        r.add("author-in-network", _("written by a contact"), W_AUTHOR_IN_NETWORK)
    if doc["place_id"] in mine and doc["place__kind"] == Place.Kind.COMMUNITY:
        r.add("community", _("in your community %(name)s") % {"name": doc["place__name"]},
              W_COMMUNITY)  # fmt: skip
    if marks:
        count, tagged, by_network = marks
        r.add("bookmarks", ngettext("bookmarked by %(n)d person", "bookmarked by %(n)d people",
                                    count) % {"n": count},
              W_BOOKMARKS * _saturating(count, 10))  # fmt: skip
        r.add("bookmark-tags", ngettext("%(n)d bookmark tagged with your words",
                                        "%(n)d bookmarks tagged with your words", tagged)
              % {"n": tagged}, W_BOOKMARK_TAGS * min(tagged, 3) / 3)  # fmt: skip
        r.add("bookmarked-by-network", ngettext("bookmarked by %(n)d of your contacts",
                                                "bookmarked by %(n)d of your contacts",
                                                by_network) % {"n": by_network},
              W_BOOKMARKED_BY_NETWORK * min(by_network, 3) / 3)  # fmt: skip


def _tagged_people(person_ids: set[int], words: list[str]) -> dict[int, int]:
    """How many colleagues tagged each person with a word of the query (people tagging is
    social bookmarking of people: it points at who knows about the query)."""
    if not person_ids or not words:
        return {}
    return dict(
        PersonTag.objects.filter(person_id__in=person_ids, tag__name__in=words)
        .exclude(tagger_id=F("person_id"))
        .values_list("person_id")
        .annotate(n=Count("id"))
    )


def _bookmarks(viewer, item_ids: list[int], words: list[str], contacts: set[int]):
    """Per item: (bookmarks of its address, those tagged with a query word, those by the
    viewer's contacts). An item's address is its bookmark's URL, or its own page here.
    Only bookmarks the viewer may read count; their own do not (it says nothing new)."""
    if not item_ids:
        return {}
    keys = dict(Bookmark.objects.filter(item_id__in=item_ids).values_list("item_id", "url_key"))
    for item_id in item_ids:
        keys.setdefault(item_id, item_url_key(item_id))
    rows = list(
        Bookmark.objects.filter(url_key__in=set(keys.values()))
        .filter(Exists(access.visible_items(viewer).filter(pk=OuterRef("item_id"), private=False)))
        .exclude(item__author=viewer)
        .values_list("item_id", "url_key", "item__author_id")
    )
    tagged = set()
    if words and rows:
        tagged = set(
            ItemTag.objects.filter(
                item_id__in=[r[0] for r in rows], tag__name__in=words
            ).values_list("item_id", flat=True)
        )
    by_key: dict[str, list[int]] = {}
    for bookmark_id, key, author_id in rows:
        counts = by_key.setdefault(key, [0, 0, 0])
        counts[0] += 1
        counts[1] += bookmark_id in tagged
        counts[2] += author_id in contacts
    return {item_id: tuple(by_key[key]) for item_id, key in keys.items() if key in by_key}
