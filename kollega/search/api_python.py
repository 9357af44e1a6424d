"""The search app's Python interface, for other apps (discovery, Ask, recommendations).

Everything here filters through kollega.access: what the viewer may not read is never
returned or counted.

- ``search(viewer, text, filters=None, *, social=True, page=1, facets=True)``
  → ``SearchResults`` (``total``, ``capped``, ``results`` with ``reasons``, facets). What the
  search page and ``GET /api/v1/search`` show.
- ``suggest(viewer, text, limit=10)`` → ``[Suggestion]``: people, communities, titles by
  prefix.
- ``text_match(viewer, text, kinds=None, limit=200)`` → ``[TextMatch]``: the best text
  matches the viewer may see, best first, with the engine's relevance normalised to 0..1 (the
  best is 1.0) and no social ranking, for apps that rank by their own signals (expertise).
  ``kinds``: item kinds and/or "person", "community".
- ``Filters``, ``clean_filters(...)`` (raises ValidationError on bad input).
- ``index_item(id)``, ``index_person(id)``, ``index_community(id)``: re-index one object now
  (the activity hook already does this for every recorded Event).
"""

from __future__ import annotations

from dataclasses import dataclass

from kollega.search.index import index_community, index_item, index_person
from kollega.search.models import SearchDocument
from kollega.search.queries import Filters, SearchResults, clean_filters, search, visible
from kollega.search.querytext import parse
from kollega.search.suggest import Suggestion, suggest

__all__ = ["Filters", "SearchResults", "Suggestion", "TextMatch", "clean_filters",
           "index_community", "index_item", "index_person", "search", "suggest",
           "text_match"]  # fmt: skip


@dataclass(frozen=True)
class TextMatch:
    kind: str
    item_id: int | None
    person_id: int | None
    place_id: int | None
    author_id: int | None
    score: float


def text_match(viewer, text: str, kinds: list[str] | None = None, limit: int = 200):
    from kollega.search.backends import get_backend

    query = parse(text)
    if query.empty:
        return []
    limit = max(1, min(limit, 1000))
    docs = visible(viewer, get_backend().match(SearchDocument.objects.all(), query))
    if kinds:
        docs = docs.filter(kind__in=kinds)
    ranked = get_backend().ranked(docs, query, limit)
    if not ranked:
        return []
    best = ranked[0][1] or 1.0
    rows = SearchDocument.objects.in_bulk([pk for pk, _s in ranked])
    return [
        TextMatch(rows[pk].kind, rows[pk].item_id, rows[pk].person_id, rows[pk].place_id,
                  rows[pk].author_id, score / best if best > 0 else 0.0)
        for pk, score in ranked
        if pk in rows
    ]  # fmt: skip
