"""Social ranking on top of text relevance (after Carmel et al., CIKM 2009, "Personalized
social search based on the user's social network").

The best text matches (at most RERANK candidates, already filtered by access) get signals,
each a number from 0 to 1: ``text`` (the engine's relevance divided by the best one among
the candidates, so the top match is 1.0 on either backend) and the social ones below. The
score is

    score = text + closeness(text) · Σ weight(signal) · signal

Every signal is bounded and so is their weighted sum; ``closeness`` lets the social terms
reorder close text matches but not lift a weak match over a much better one (see
``closeness``). The weights were fitted on judged queries (bench/search_fit.py); signals of
weight 0 only order matches whose score is equal. Each signal that contributes becomes a
Reason, shown on the results page and returned by the API. With ``social=False`` only the
text term counts (ties go to the newer document), which the evaluation (bench/search_eval.py)
compares against. The signals are
read with a few batched queries for the whole candidate set; nothing is queried per result,
and the reasons' words are written for the results of the page only.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kollega import access
from kollega.bookmarks.models import Bookmark
from kollega.bookmarks.urlnorm import normalise_url, url_key
from kollega.content.models import Like
from kollega.network.models import Contact
from kollega.people.models import PersonTag
from kollega.places.models import Membership, Place
from kollega.search.models import SearchDocument

RERANK = 100
HALF_LIFE_DAYS = 180
# How many of an address's newest bookmarks the bookmark signals count (see _bookmarks).
MARKS_PER_ADDRESS = 20

# What each signal (0..1) adds at most, and the closeness band: fitted by bench/search_fit.py
# on half of the judged queries of bench/search_eval.py (the other half gives the reported
# figure; docs/search.md), once per database engine, because the text term is on different
# scales: bm25 (FTS5) is nearly flat among a common word's best matches, ts_rank_cd
# (PostgreSQL) is not. A signal at 0 showed no gain on the fit half (docs/search.md says
# what the fit tells about the data): it only orders matches whose score is otherwise equal.
#
# closeness(text) = 1 when text ≥ 1 - BAND, falling linearly to 0 at 1 - 2·BAND and below:
# the social terms reorder close text matches and leave a much weaker match where it is.
# None: social terms count whatever the text match (closeness 1).
FITTED: dict[str, tuple[float | None, dict[str, float]]] = {
    "sqlite": (None, {
        "likes": 0.0, "liked-by-network": 0.0, "author-in-network": 0.05, "community": 0.1,
        "bookmarks": 0.0, "bookmark-tags": 0.0, "bookmarked-by-network": 0.0,
        "author-tagged": 0.05, "recent": 0.0,
        "contact": 0.0, "tagged": 0.1,  # people
        "member": 0.0,  # communities
    }),
    "postgresql": (0.5, {
        "likes": 0.02, "liked-by-network": 0.0, "author-in-network": 0.02, "community": 0.5,
        "bookmarks": 0.02, "bookmark-tags": 0.02, "bookmarked-by-network": 0.0,
        "author-tagged": 0.0, "recent": 0.0,
        "contact": 0.0, "tagged": 0.8,  # people
        "member": 0.0,  # communities
    }),
}  # fmt: skip


def fitted() -> tuple[float | None, dict[str, float]]:
    """(BAND, WEIGHTS) for the database in use."""
    return FITTED.get(connection.vendor, FITTED["sqlite"])


@dataclass
class Reason:
    code: str
    text: str
    contribution: float


@dataclass
class Ranked:
    doc: dict
    text_score: float
    text: float = 0.0  # normalised: the best candidate is 1.0
    score: float = 0.0
    # signal code -> (value 0..1, the count behind it for the reason's words)
    signals: dict[str, tuple[float, int]] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)
    # The signals of weight 0, summed: they order matches of equal score, nothing more.
    tiebreak: float = 0.0
    # Signals whose count is a lower bound (not every row behind it was read).
    at_least: set[str] = field(default_factory=set)

    @property
    def reasons(self) -> list[Reason]:
        """What lifted it, largest first; a tie-breaking signal that is present is listed
        with a contribution of 0 (it can only have put it before an equal match)."""
        present = {code for code, (value, _n) in self.signals.items() if value > 0}
        out = [Reason(code, describe(self, code), round(value, 3))
               for code, value in self.contributions.items()
               if value > 0 or code in present]  # fmt: skip
        return sorted(out, key=lambda reason: -reason.contribution)


def _saturating(n: int, at: int) -> float:
    """0 for nothing, 1 at ``at`` or more, logarithmic in between."""
    return min(1.0, math.log1p(n) / math.log1p(at)) if n > 0 else 0.0


def _upto3(n: int) -> float:
    return min(n, 3) / 3


def item_url_key(item_id: int) -> str:
    """The key a bookmark of this item's own page would have."""
    return _page_key(settings.KOLLEGA_SITE_URL, item_id)


@lru_cache(maxsize=65536)
def _page_key(site: str, item_id: int) -> str:
    # Cached: normalising a URL is most of the cost, and a search asks for up to 200.
    return url_key(normalise_url(site.rstrip("/") + f"/items/{item_id}/"))


def closeness(text: float, band: float | None) -> float:
    if band is None:
        return 1.0
    return max(0.0, min(1.0, (text - (1 - 2 * band)) / band))


def score(r: Ranked, weights: dict[str, float], band: float | None, social: bool) -> None:
    r.contributions = {"text": r.text}
    r.tiebreak = 0.0
    if social:
        gate = closeness(r.text, band)
        for code, (value, _n) in r.signals.items():
            weight = weights.get(code, 0.0)
            r.contributions[code] = gate * weight * value
            if not weight:
                r.tiebreak += value
    r.score = sum(r.contributions.values())


def order(ranked: list[Ranked], *, social: bool, weights=None, band=None) -> list[Ranked]:
    """Score and sort. ``weights`` and ``band``: the fitted ones unless given
    (bench/search_fit.py tries others)."""
    if weights is None:
        band, weights = fitted()
    for r in ranked:
        score(r, weights, band, social)
    return sorted(ranked, key=lambda r: (-r.score, -r.tiebreak, -r.doc["created"].timestamp(),
                                         -r.doc["id"]))  # fmt: skip


def candidates(docs: list[tuple[dict, float]]) -> list[Ranked]:
    """Ranked entries for ``[(pool row, text score)]``, with the text term normalised."""
    best = max((s for _doc, s in docs), default=0.0)
    out = []
    for doc, text_score in docs:
        r = Ranked(doc, text_score)
        r.text = text_score / best if best > 0 else 0.0
        out.append(r)
    return out


def rerank(viewer, docs: list[tuple[dict, float]], words: list[str], *, social: bool,
           mine=None):  # fmt: skip
    """``docs``: pool rows (id, kind, item_id, person_id, place_id, author_id, created,
    like_count, place_kind) with their text score, best first. ``mine``: the viewer's
    communities, when the caller has read them already."""
    ranked = candidates(docs)
    if social and ranked:
        signals(viewer, ranked, words, mine)
    return order(ranked, social=social)


def signals(viewer, ranked: list[Ranked], words: list[str], mine=None) -> None:
    """Fill in every candidate's social signals (a handful of queries for all of them)."""
    contacts = set(Contact.objects.filter(person=viewer).values_list("other_id", flat=True))
    if mine is None:
        mine = Membership.objects.filter(person=viewer).values_list("place_id", flat=True)
    mine = set(mine)
    item_ids = [r.doc["item_id"] for r in ranked if r.doc["item_id"]]
    liked = {}
    if contacts and item_ids:
        liked = dict(
            Like.objects.filter(item_id__any_of=item_ids, person_id__any_of=sorted(contacts))
            .values_list("item_id")
            .annotate(n=Count("id"))
        )
    marks = _bookmarks(viewer, item_ids, words, contacts)
    tagged_people = _tagged_people(
        {r.doc["author_id"] or r.doc["person_id"] for r in ranked} - {None}, words
    )
    now = timezone.now()
    for r in ranked:
        doc, s = r.doc, r.signals
        if doc["kind"] == SearchDocument.PERSON:
            s["contact"] = (float(doc["person_id"] in contacts), 0)
            n = tagged_people.get(doc["person_id"], 0)
            s["tagged"] = (_upto3(n), n)
            continue
        if doc["kind"] == SearchDocument.COMMUNITY:
            s["member"] = (float(doc["place_id"] in mine), 0)
            continue
        likes = doc["like_count"] or 0
        s["likes"] = (_saturating(likes, 50), likes)
        n = liked.get(doc["item_id"], 0)
        s["liked-by-network"] = (_upto3(n), n)
        s["author-in-network"] = (float(doc["author_id"] in contacts), 0)
        in_community = doc["place_id"] in mine and doc["place_kind"] == Place.Kind.COMMUNITY
        s["community"] = (float(in_community), 0)
        count, tagged, by_network, more = marks.get(doc["item_id"], (0, 0, 0, False))
        s["bookmarks"] = (_saturating(count, 10), count)
        if more:
            r.at_least.add("bookmarks")
        s["bookmark-tags"] = (_upto3(tagged), tagged)
        s["bookmarked-by-network"] = (_upto3(by_network), by_network)
        n = tagged_people.get(doc["author_id"], 0)
        s["author-tagged"] = (_upto3(n), n)
        age_days = max(0.0, (now - doc["created"]).total_seconds() / 86400)
        s["recent"] = (0.5 ** (age_days / HALF_LIFE_DAYS), 0)


def describe(r: Ranked, code: str) -> str:
    """The reason in words (written only for the results on the page)."""
    n = r.signals.get(code, (0.0, 0))[1]
    if code == "text":
        return _("text match %(score).2f") % {"score": r.text}
    texts = {
        "likes": lambda: ngettext("%(n)d like", "%(n)d likes", n),
        "liked-by-network": lambda: ngettext("liked by %(n)d of your contacts",
                                             "liked by %(n)d of your contacts", n),
        "author-in-network": lambda: _("written by a contact"),
        "community": lambda: _("in your community %(name)s"),
        "bookmarks": lambda: ngettext("bookmarked by %(n)d person",
                                      "bookmarked by %(n)d people", n)
                             if code not in r.at_least else
                             ngettext("bookmarked by at least %(n)d person",
                                      "bookmarked by at least %(n)d people", n),
        "bookmark-tags": lambda: ngettext("%(n)d bookmark tagged with your words",
                                          "%(n)d bookmarks tagged with your words", n),
        "bookmarked-by-network": lambda: ngettext("bookmarked by %(n)d of your contacts",
                                                  "bookmarked by %(n)d of your contacts", n),
        "author-tagged": lambda: ngettext(
            "its author was tagged with your words by %(n)d colleague",
            "its author was tagged with your words by %(n)d colleagues", n),
        "recent": lambda: _("recent"),
        "contact": lambda: _("in your network"),
        "tagged": lambda: ngettext("tagged with your words by %(n)d colleague",
                                   "tagged with your words by %(n)d colleagues", n),
        "member": lambda: _("you are a member"),
    }  # fmt: skip
    text = texts[code]()
    return text % {"n": n, "name": r.doc.get("place_name", "")} if "%(" in text else text


def _tagged_people(person_ids: set[int], words: list[str]) -> dict[int, int]:
    """How many colleagues tagged each person with a word of the query (people tagging is
    social bookmarking of people: it points at who knows about the query)."""
    if not person_ids or not words:
        return {}
    return dict(
        PersonTag.objects.filter(person_id__any_of=sorted(person_ids), tag__name__in=words)
        .exclude(tagger_id=F("person_id"))
        .values_list("person_id")
        .annotate(n=Count("id"))
    )


def _bookmarks(viewer, item_ids: list[int], words: list[str], contacts: set[int]):
    """Per item: (bookmarks of its address, those tagged with a query word, those by the
    viewer's contacts, whether there may be more than were counted). An item's address is
    its bookmark's URL, or its own page here. Only public bookmarks the viewer may read
    count; their own do not (they say nothing new).

    The newest MARKS_PER_ADDRESS bookmarks of each address are counted (every signal is
    full long before), in SQL: a popular page has thousands of bookmarks, and reading all of
    them for a hundred candidates cost a quarter of a second on PostgreSQL."""
    if not item_ids:
        return {}
    keys = dict(Bookmark.objects.filter(item_id__any_of=item_ids).values_list("item_id", "url_key"))
    for item_id in item_ids:
        if item_id not in keys:
            keys[item_id] = item_url_key(item_id)
    sample = _newest_marks(sorted(set(keys.values())))
    if not sample:
        return {}
    full = {k for k, n in Counter(k for _i, k in sample).items() if n >= MARKS_PER_ADDRESS}
    marks = (
        Bookmark.objects.filter(item_id__any_of=[i for i, _k in sample])
        .filter(access.readable_public(viewer, "item__"))
        .exclude(item__author=viewer)
    )
    by_network = (
        Count("item_id", filter=Q(item__author_id__any_of=sorted(contacts)))
        if contacts
        else Value(0)
    )
    by_key = {
        key: [n, 0, network, key in full]
        for key, n, network in marks.values("url_key")
        .annotate(n=Count("item_id"), network=by_network)
        .values_list("url_key", "n", "network")
    }
    if words and by_key:
        for key, n in (
            marks.filter(item__itemtag__tag__name__in=words)
            .values("url_key")
            .annotate(n=Count("item_id", distinct=True))
            .values_list("url_key", "n")
        ):
            by_key[key][1] = n
    return {item_id: tuple(by_key[key]) for item_id, key in keys.items() if key in by_key}


def _newest_marks(keys: list[str]) -> list[tuple[int, str]]:
    """(bookmark item id, url_key) of each address's newest MARKS_PER_ADDRESS bookmarks: one
    range of the (url_key, item) index per address, in one query. PostgreSQL: a LATERAL
    join over the array of addresses (a UNION of a hundred branches took longer to plan
    than to run); SQLite: a UNION ALL, written by hand (the ORM allows no LIMIT inside a
    compound query on SQLite)."""
    if not keys:
        return []
    table = Bookmark._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT b.item_id, b.url_key FROM unnest(%s::text[]) AS k(key) CROSS JOIN "
                f"LATERAL (SELECT item_id, url_key FROM {table} WHERE url_key = k.key "
                "ORDER BY item_id DESC LIMIT %s) AS b",
                [keys, MARKS_PER_ADDRESS],
            )
            return cursor.fetchall()
        one = (f"SELECT * FROM (SELECT item_id, url_key FROM {table} WHERE url_key = %s "
               "ORDER BY item_id DESC LIMIT %s) AS k{}")  # fmt: skip
        found = []
        # SQLite takes at most 500 branches in one compound query.
        for start in range(0, len(keys), 250):
            chunk = keys[start : start + 250]
            cursor.execute(" UNION ALL ".join(one.format(n) for n in range(len(chunk))),
                           [p for key in chunk for p in (key, MARKS_PER_ADDRESS)])  # fmt: skip
            found += cursor.fetchall()
        return found
