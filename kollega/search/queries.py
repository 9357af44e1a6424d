"""Search: one query over people, communities and every kind of content.

The order of operations is the point: text match → access (kollega.access, inside the same
SQL) → filters → counts and facets → ranking of the best RERANK text matches → one page.
Nothing the viewer may not read is matched, counted or ranked, and the query count does not
grow with the data (about 18 queries per search, fewer without facets or social ranking).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kollega import access
from kollega.content.models import Item, ItemTag
from kollega.core.tags import normalise
from kollega.people.models import Person, PersonTag
from kollega.places.models import Place
from kollega.search.backends import MARK_END, MARK_START, get_backend
from kollega.search.models import SearchDocument
from kollega.search.querytext import ParsedQuery, parse
from kollega.search.ranking import RERANK, Ranked, Reason, rerank

PER_PAGE = 10
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
    count: int


@dataclass
class SearchResults:
    text: str
    filters: Filters
    social: bool
    page: int
    total: int = 0
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
    people = Exists(Person.objects.filter(pk=OuterRef("person_id"), user__is_active=True))
    return docs.filter(
        (Q(item_id__isnull=False) & items)
        | (Q(kind=SearchDocument.COMMUNITY) & places)
        | (Q(kind=SearchDocument.PERSON) & people)
    )


def _apply(docs, f: Filters, viewer: Person, skip: str = ""):
    if f.kinds and skip != "kind":
        docs = docs.filter(kind__in=f.kinds)
    if f.tag and skip != "tag":
        on_item = ItemTag.objects.filter(item_id=OuterRef("item_id"), tag__name=f.tag)
        on_place = Place.tags.through.objects.filter(place_id=OuterRef("place_id"),
                                                     tag__name=f.tag)  # fmt: skip
        on_person = PersonTag.objects.filter(person_id=OuterRef("person_id"), tag__name=f.tag)
        docs = docs.filter(
            Exists(on_item)
            | (Q(kind=SearchDocument.COMMUNITY) & Exists(on_place))
            | Exists(on_person)
        )
    if f.author and skip != "author":
        docs = docs.filter(author__username=f.author)
    if f.place and skip != "place":
        docs = docs.filter(place__slug=f.place, item_id__isnull=False)
    if f.date_from:
        docs = docs.filter(created__date__gte=f.date_from)
    if f.date_to:
        docs = docs.filter(created__date__lte=f.date_to)
    return docs


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
    backend = get_backend()
    base = SearchDocument.objects.all()
    if not query.empty:
        base = backend.match(base, query)
    base = visible(viewer, base)
    docs = _apply(base, filters, viewer)
    out.total = docs.count()
    if not out.total:
        return out
    if facets:
        _facets(out, base, filters, viewer)
    if query.empty:
        candidates = [(pk, 0.0) for pk in docs.order_by("-created", "-id")
                      .values_list("id", flat=True)[:RERANK]]  # fmt: skip
    else:
        candidates = backend.ranked(docs, query, RERANK)
    ranked = rerank(viewer, candidates, query.words(), social=social)
    start = (page - 1) * PER_PAGE
    out.results = _hydrate(ranked[start : start + PER_PAGE], query, backend)
    return out


def _facets(out: SearchResults, base, f: Filters, viewer: Person) -> None:
    kinds = _apply(base, f, viewer, skip="kind").values_list("kind").annotate(n=Count("id"))
    out.kinds = sorted((Facet(k, kind_label(k), n) for k, n in kinds),
                       key=lambda x: (-x.count, x.value))  # fmt: skip
    in_scope = _apply(base, f, viewer, skip="tag").filter(item_id__isnull=False)
    tags = (
        ItemTag.objects.filter(item_id__in=in_scope.values("item_id"))
        .values_list("tag__name")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__name")[:FACET_SIZE]
    )
    out.tags = [Facet(name, name, n) for name, n in tags]
    authors = (
        _apply(base, f, viewer, skip="author")
        .filter(author_id__isnull=False)
        .values_list("author__username", "author__name")
        .annotate(n=Count("id"))
        .order_by("-n", "author__name")[:FACET_SIZE]
    )
    out.authors = [Facet(u, name, n) for u, name, n in authors]
    places = (
        _apply(base, f, viewer, skip="place")
        .filter(item_id__isnull=False, place__kind=Place.Kind.COMMUNITY)
        .values_list("place__slug", "place__name")
        .annotate(n=Count("id"))
        .order_by("-n", "place__name")[:FACET_SIZE]
    )
    out.places = [Facet(slug, name, n) for slug, name, n in places]


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
        if MARK_START not in snippet_lit:
            snippet_lit = " ".join(fallback.split())[:240]
        results.append(Result(
            kind=d["kind"], kind_label=kind_label(d["kind"]), url=target.get_absolute_url(),
            title=title, title_html=marked(title_lit if MARK_START in title_lit else title),
            snippet_html=marked(snippet_lit), created=d["created"], score=round(r.score, 4),
            reasons=r.reasons, item=item, person=person,
            place=item.place if item is not None else place,
        ))  # fmt: skip
    return results
