"""Suggestions as you type: people, communities and titles whose words start with what was
typed (every word must match; the last one may be unfinished). Three small queries, each
limited and filtered through access like search itself."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.urls import reverse

from kollega import access
from kollega.people.models import Person
from kollega.places.models import Place
from kollega.search.backends import get_backend
from kollega.search.models import SearchDocument
from kollega.search.queries import kind_label
from kollega.search.querytext import parse

MAX_SUGGESTIONS = 10
MIN_CHARS = 2
MIN_TITLE_CHARS = 3
TITLE_POOL = 200
PEOPLE, COMMUNITIES = 5, 3


@dataclass
class Suggestion:
    kind: str
    kind_label: str
    label: str
    detail: str
    url: str


def suggest(viewer: Person, text: str, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    query = parse(text)
    words = query.words()
    if not words or len("".join(words)) < MIN_CHARS:
        return []
    limit = max(1, min(limit, MAX_SUGGESTIONS))
    backend = get_backend()
    names = backend.prefix(SearchDocument.objects.all(), query, names_only=True)
    out: list[Suggestion] = []
    # Each query asks the access layer only about what it reads (active people, communities
    # the viewer may see, items the viewer may read): building and compiling the whole
    # document rule (kollega.search.queries.visible) three times was most of the time of a
    # suggestion. The first few people by name in a subquery, then their departments:
    # joined before the limit, PostgreSQL misjudged the matches and joined every one of
    # them to every department.
    first = (
        Person.objects.filter(
            pk__in=names.filter(kind=SearchDocument.PERSON).values("person_id"),
            user__is_active=True,
        )
        .order_by("name", "pk")
        .values("pk")[: min(PEOPLE, limit)]
    )
    people = Person.objects.filter(pk__in=first).select_related("org_unit").order_by("name", "pk")
    for p in people:
        detail = " · ".join(x for x in (p.job_title, p.org_unit.name if p.org_unit else "") if x)
        out.append(Suggestion("person", kind_label("person"), p.name, detail,
                              p.get_absolute_url()))  # fmt: skip
    places = (
        access.visible_places(viewer)
        .filter(kind=Place.Kind.COMMUNITY,
                pk__in=names.filter(kind=SearchDocument.COMMUNITY).values("place_id"))
        .order_by("name", "pk")[: min(COMMUNITIES, limit - len(out))]
    )  # fmt: skip
    for place in places:
        out.append(Suggestion("community", kind_label("community"), place.name, "",
                              place.get_absolute_url()))  # fmt: skip
    room = limit - len(out)
    # Titles once the word being typed has three letters: two letters begin too many words
    # of a large index to be useful (and reading every title word that begins "ha" cost
    # PostgreSQL 20 ms where "hal" costs 0.1).
    if room > 0 and len(words[-1]) >= MIN_TITLE_CHARS:
        # Item titles: the newest TITLE_POOL prefix matches, read first (a bounded amount
        # of work), then those the viewer may read. In one query, when the matches were
        # mostly people, PostgreSQL walked the whole index backwards to find five items.
        pool = list(
            backend.prefix(SearchDocument.objects.all(), query, newest=TITLE_POOL).values_list(
                "id", flat=True
            )
        )
        readable = Exists(access.visible_items(viewer).filter(pk=OuterRef("item_id")))
        items = (
            SearchDocument.objects.filter(readable, id__in=pool, item_id__isnull=False)
            .order_by("-id")
            .values_list("item_id", "kind", "title", "place__name")[:room]
        )
        for item_id, kind, title, place_name in items:
            out.append(Suggestion(kind, kind_label(kind), title, place_name or "",
                                  reverse("item", args=[item_id])))  # fmt: skip
    return out
