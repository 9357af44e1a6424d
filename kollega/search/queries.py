"""Search: one query over people, communities and every kind of content.

The order of operations is the point: text match (the pool: backends.best) → access
(kollega.access, inside the same SQL) → filters → counts and facets → ranking of the best
RERANK text matches and the best PERSONAL ones in the viewer's communities → one page.
Nothing the viewer may not read is matched, counted or ranked, and the query count does not
grow with the data (about 18 queries per search, fewer without facets or social ranking).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kollega import access
from kollega.content.models import Item, ItemTag
from kollega.core.tags import normalise
from kollega.people.models import Person, PersonTag
from kollega.places.models import Membership, Place
from kollega.search.backends import MARK_END, MARK_START, best, get_backend
from kollega.search.models import SearchDocument
from kollega.search.querytext import ParsedQuery, parse
from kollega.search.ranking import RERANK, Ranked, Reason, rerank

PER_PAGE = 10
POOL = 500
POOL_FILTERED = 5000
PERSONAL = 100
MAX_PAGE = RERANK // PER_PAGE
FACET_SIZE = 10
KINDS = [*Item.Kind.values, SearchDocument.PERSON, SearchDocument.COMMUNITY]


def kind_label(kind: str) -> str:
    if kind == SearchDocument.PERSON:
        return _("Person")
    if kind == SearchDocument.COMMUNITY:
        return _("Community")
    return str(Item.Kind(kind).label) if kind in Item.Kind.values else kind


@dataclass
class Filters:
    kinds: list[str] = field(default_factory=list)
    tag: str = ""
    author: str = ""  # a username
    place: str = ""  # a community's slug
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def any(self) -> bool:
        return bool(self.kinds or self.tag or self.author or self.place or self.date_from
                    or self.date_to)  # fmt: skip


def clean_filters(kinds=(), tag="", author="", place="", date_from="", date_to="") -> Filters:
    """Filters from request parameters, or a ValidationError naming the bad one."""
    kinds = [k for k in (kinds or []) if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValidationError({"kind": _("“%(k)s” is not something to search for.")
                               % {"k": unknown[0][:40]}})  # fmt: skip
    dates = {}
    for name, value in (("from", date_from), ("to", date_to)):
        value = (value or "").strip() if isinstance(value, str) else value
        if isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    {name: _("Give the date as YYYY-MM-DD, e.g. 2025-03-31.")}
                ) from None
        dates[name] = value or None
    tag = (tag or "").strip()[:64]
    return Filters(kinds=sorted(set(kinds)), tag=normalise(tag) if tag else "",
                   author=(author or "")[:150], place=(place or "")[:160],
                   date_from=dates["from"], date_to=dates["to"])  # fmt: skip


@dataclass
class Result:
    kind: str
    kind_label: str
    url: str
    title: str
    title_html: SafeString
    snippet_html: SafeString
    created: dt.datetime
    score: float
    reasons: list[Reason]
    item: Item | None = None
    person: Person | None = None
    place: Place | None = None


@dataclass
class Facet:
    value: str
    label: str
    count: int | None  # None: not counted (another kind while kinds are chosen)


@dataclass
class SearchResults:
    text: str
    filters: Filters
    social: bool
    page: int
    total: int = 0
    # True when the text matched more than the pool holds: total is then a lower bound.
    capped: bool = False
    results: list[Result] = field(default_factory=list)
    kinds: list[Facet] = field(default_factory=list)
    tags: list[Facet] = field(default_factory=list)
    authors: list[Facet] = field(default_factory=list)
    places: list[Facet] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.total + PER_PAGE - 1) // PER_PAGE)


def visible(viewer: Person, docs):
    """Only documents the viewer may see: items and communities through kollega.access,
    people whose account is active. Correlated on the document, so it costs one index
    look-up per matching document rather than a pass over every item."""
    items = Exists(access.visible_items(viewer).filter(pk=OuterRef("item_id")))
    places = Exists(
        access.visible_places(viewer).filter(pk=OuterRef("place_id"), kind=Place.Kind.COMMUNITY)
    )
    # People by a join, not EXISTS: PostgreSQL would hash every active person for that.
    return docs.filter(
        (Q(item_id__isnull=False) & items)
        | (Q(kind=SearchDocument.COMMUNITY) & places)
        | Q(kind=SearchDocument.PERSON, person__user__is_active=True)
    )


def _apply(docs, f: Filters, viewer: Person):
    if f.kinds:
        docs = docs.filter(kind__in=f.kinds)
    if f.tag:
        on_item = ItemTag.objects.filter(item_id=OuterRef("item_id"), tag__name=f.tag)
        on_place = Place.tags.through.objects.filter(place_id=OuterRef("place_id"),
                                                     tag__name=f.tag)  # fmt: skip
        on_person = PersonTag.objects.filter(person_id=OuterRef("person_id"), tag__name=f.tag)
        docs = docs.filter(
            Exists(on_item)
            | (Q(kind=SearchDocument.COMMUNITY) & Exists(on_place))
            | Exists(on_person)
        )
    if f.author:
        docs = docs.filter(author__username=f.author)
    if f.place:
        docs = docs.filter(place__slug=f.place, item_id__isnull=False)
    if f.date_from:
        docs = docs.filter(created__date__gte=f.date_from)
    if f.date_to:
        docs = docs.filter(created__date__lte=f.date_to)
    return docs


COLUMNS = ("id", "kind", "item_id", "person_id", "place_id", "author_id", "created")
# What the ranking reads besides (kollega.search.ranking): read with the pool, in its query.
RANKING_COLUMNS = {"like_count": F("item__like_count"), "place_kind": F("place__kind"),
                   "place_name": F("place__name")}  # fmt: skip


def my_communities(viewer: Person) -> list[int]:
    return list(
        Membership.objects.filter(person=viewer, place__kind=Place.Kind.COMMUNITY).values_list(
            "place_id", flat=True
        )
    )


def _pool(viewer: Person, query: ParsedQuery, filters: Filters, mine: list[int]):
    """The documents to rank and count: ``[(row, text_score)]`` best first.

    With words: the best POOL text matches of the chosen kinds (POOL_FILTERED when other
    filters narrow the search further; see backends.best for how the index is read), then in
    one query only those the viewer may see and the filters allow. The pool is taken before
    access, so what the viewer may not see only ever drops out of it; it bounds the work of a
    common word (thousands of matches) to one pass over a few hundred rows. The pool also
    holds the best PERSONAL matches in the viewer's own communities (``mine``), however weak:
    the social ranking may lift them. Without words: the newest matching documents.
    """
    if query.empty:
        docs = _apply(visible(viewer, SearchDocument.objects.all()), filters, viewer)
        rows = list(docs.order_by("-created", "-id").values(*COLUMNS, **RANKING_COLUMNS)[:POOL])
        return [(row, 0.0) for row in rows], len(rows) == POOL
    narrowed = filters.any and not (filters.kinds and filters == Filters(kinds=filters.kinds))
    size = POOL_FILTERED if narrowed else POOL
    found, complete = best(query, size, filters.kinds, enough=RERANK, places=mine,
                           personal=PERSONAL)  # fmt: skip
    scores = dict(found)
    if not scores:
        return [], False
    docs = visible(viewer, SearchDocument.objects.filter(id__any_of=list(scores)))
    rows = _apply(docs, filters, viewer).values(*COLUMNS, **RANKING_COLUMNS)
    pool = sorted(((row, scores[row["id"]]) for row in rows), key=lambda p: (-p[1], -p[0]["id"]))
    return pool, not complete


def search(viewer: Person, text: str, filters: Filters | None = None, *, social: bool = True,
           page: int = 1, facets: bool = True) -> SearchResults:  # fmt: skip
    filters = filters or Filters()
    query = parse(text)
    out = SearchResults(text=text, filters=filters, social=social, page=page)
    if query.empty and not filters.any:
        return out
    if not 1 <= page <= MAX_PAGE:
        raise ValidationError({"page": _("Pages go from 1 to %(n)d; refine the search to see "
                                         "more.") % {"n": MAX_PAGE}})  # fmt: skip
    mine = my_communities(viewer)
    pool, out.capped = _pool(viewer, query, filters, mine)
    out.total = len(pool)
    if not pool:
        return out
    if facets:
        _facets(out, [row for row, _score in pool])
    ranked = rerank(viewer, candidates(pool, mine), query.words(), social=social, mine=mine)
    start = (page - 1) * PER_PAGE
    out.results = _hydrate(ranked[start : start + PER_PAGE], query, get_backend())
    return out


def candidates(pool: list, mine: list[int]) -> list:
    """What the ranking orders: the best RERANK text matches, and the best PERSONAL matches in
    the viewer's communities beyond them (weaker text, which the social ranking may lift)."""
    mine = set(mine)
    beyond = [p for p in pool[RERANK:] if p[0]["place_id"] in mine and p[0]["item_id"]]
    return pool[:RERANK] + beyond[:PERSONAL]


def _top(counter: Counter, names: dict) -> list[Facet]:
    best = sorted(counter.items(), key=lambda kv: (-kv[1], str(names.get(kv[0], ""))))
    return [Facet(*names[key], n) for key, n in best if key in names][:FACET_SIZE]


def _facets(out: SearchResults, rows: list[dict]) -> None:
    """Facet counts over the same access-filtered pool as the results (three queries for
    the names and tags, whatever the pool's size). While kinds are chosen the pool holds
    only those, so the other kinds are listed without a count (to add them)."""
    kinds = Counter(row["kind"] for row in rows)
    out.kinds = sorted((Facet(k, kind_label(k), n) for k, n in kinds.items()),
                       key=lambda x: (-x.count, x.value))  # fmt: skip
    if out.filters.kinds:
        out.kinds += [Facet(k, kind_label(k), None) for k in KINDS if k not in kinds]
    items = [row for row in rows if row["item_id"]]
    authors = Counter(row["author_id"] for row in items if row["author_id"])
    top_authors = [pk for pk, _n in authors.most_common(FACET_SIZE * 2)]
    names = {
        pk: (u, name)
        for pk, u, name in Person.objects.filter(pk__in=top_authors).values_list(
            "pk", "username", "name"
        )
    }
    out.authors = _top(Counter({pk: authors[pk] for pk in top_authors}), names)
    places = Counter(row["place_id"] for row in items)
    top_places = [pk for pk, _n in places.most_common(FACET_SIZE * 4)]
    communities = {
        pk: (slug, name)
        for pk, slug, name in Place.objects.filter(
            pk__in=top_places, kind=Place.Kind.COMMUNITY
        ).values_list("pk", "slug", "name")
    }
    out.places = _top(Counter({pk: places[pk] for pk in top_places}), communities)
    # Counted by the database: the top ten rows come back, not every tagging of the pool.
    tags = (
        ItemTag.objects.filter(item_id__any_of=[row["item_id"] for row in items])
        .values_list("tag__name")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__name")[:FACET_SIZE]
    )
    out.tags = [Facet(name, name, n) for name, n in tags]


def marked(text: str) -> SafeString:
    """Escape the text first, then turn the backend's sentinels into <mark> elements: the
    only markup in a snippet is ours."""
    html = escape(text.replace(MARK_START, "\x10").replace(MARK_END, "\x11"))
    html = html.replace("\x10", "<mark>").replace("\x11", "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)  # noqa: S308 - escaped above; the only tags are our own <mark>


def _hydrate(page: list[Ranked], query: ParsedQuery, backend) -> list[Result]:
    docs = [r.doc for r in page]
    items = Item.objects.select_related("author", "place", "place__owner").in_bulk(
        [d["item_id"] for d in docs if d["item_id"]]
    )
    people = Person.objects.select_related("org_unit").in_bulk(
        [d["person_id"] for d in docs if d["person_id"]]
    )
    communities = Place.objects.in_bulk(
        [d["place_id"] for d in docs if d["kind"] == SearchDocument.COMMUNITY]
    )
    lit = backend.highlights([d["id"] for d in docs], query) if not query.empty else {}
    results = []
    for r in page:
        d = r.doc
        item = items.get(d["item_id"]) if d["item_id"] else None
        person = people.get(d["person_id"]) if d["person_id"] else None
        place = communities.get(d["place_id"]) if d["kind"] == SearchDocument.COMMUNITY else None
        target = item or person or place
        if target is None:
            continue
        if item is not None:
            title, fallback = item.display_title, item.body
        elif person is not None:
            title, fallback = person.name, person.job_title
        else:
            title, fallback = place.name, place.description
        title_lit, snippet_lit = lit.get(d["id"], ("", ""))
        # No word of the query in the body (found by its title, tags or keywords alone): the
        # backend's snippet is then the start of the body, the text the index holds as it is
        # read (a file's extracted text included, no Markdown marks). A person's body starts
        # with their username, so a person shows their job title instead.
        if MARK_START not in snippet_lit and (person is not None or not snippet_lit.strip()):
            snippet_lit = " ".join(fallback.split())[:240]
        results.append(Result(
            kind=d["kind"], kind_label=kind_label(d["kind"]), url=target.get_absolute_url(),
            title=title, title_html=marked(title_lit if MARK_START in title_lit else title),
            snippet_html=marked(snippet_lit), created=d["created"], score=round(r.score, 4),
            reasons=r.reasons, item=item, person=person,
            place=item.place if item is not None else place,
        ))  # fmt: skip
    return results
