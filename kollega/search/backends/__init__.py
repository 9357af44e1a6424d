"""Search backends: one small interface, one module per database engine.

Each backend turns a parsed query (kollega.search.querytext) into its engine's syntax and
answers four questions about a queryset of SearchDocument rows:

- ``match(docs, query)``: the documents whose text matches (a filter, still a queryset, so
  access, facets and counts are added by the caller in SQL).
- ``top(query, limit)``: the ``limit`` best text matches of the whole index, ``[(doc_id,
  text_score)]``, best first (the pool that search then filters through access).
- ``ranked(docs, query, limit)``: the same within a queryset (exact, slower on big sets).
- ``highlights(ids, query)``: ``{doc_id: (title, snippet)}`` with matches wrapped in the
  sentinels MARK_START / MARK_END (the caller escapes the text, then turns them into <mark>).
- ``prefix(docs, query)``: documents whose title has every word, the last one as a prefix.

The backend is chosen by the connection's vendor, at run time.
"""

from __future__ import annotations

from django.db import connection

MARK_START = "\x02"
MARK_END = "\x03"
# The documents that are not items: searched in full, apart from the items (see top()).
NAME_KINDS = ("person", "community")


def get_backend():
    if connection.vendor == "postgresql":
        from kollega.search.backends import postgres

        return postgres
    from kollega.search.backends import sqlite

    return sqlite


# The items are ranked newest documents first: the best matches among the newest WINDOW
# documents, and only when those hold fewer than asked for, among GROWTH times as many,
# and so on up to the whole index. A common word (tens of thousands of matches) then costs
# the scoring of the matches in one recent slice, not of all of them; a rare word grows the
# window until it is the whole index, which is cheap because it has few matches.
# People and communities are always searched in full (their own small part of the index).
WINDOW = 20_000
GROWTH = 8


def best(query, limit: int, kinds=None) -> list[tuple[int, float]]:
    """The ``limit`` best text matches ``[(doc_id, score)]``, best first: every matching
    person and community, and the items of the newest window that holds ``limit`` matches.
    ``kinds``: only these kinds (item kinds, "person", "community"). No access check here:
    the caller filters this pool through kollega.access."""
    backend = get_backend()
    kinds = list(kinds or ())
    names = [k for k in kinds if k in NAME_KINDS] if kinds else list(NAME_KINDS)
    items = [k for k in kinds if k not in NAME_KINDS]
    found: list[tuple[int, float]] = []
    if names:
        found += backend.top(query, limit, kinds=names)
    if items or not kinds:
        newest = backend.newest_id()
        window = WINDOW
        while True:
            floor = max(0, newest - window)
            matches = backend.top(query, limit, kinds=items or None,
                                  exclude=None if items else NAME_KINDS, floor=floor)  # fmt: skip
            if len(matches) >= limit or floor == 0:
                break
            window *= GROWTH
        found += matches
    found.sort(key=lambda pair: (-pair[1], -pair[0]))
    return found[:limit]
