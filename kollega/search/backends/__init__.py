"""Search backends: one small interface, one module per database engine.

Each backend turns a parsed query (kollega.search.querytext) into its engine's syntax and
answers these questions about the SearchDocument rows:

- ``match(docs, query)``: the documents whose text matches (a filter, still a queryset, so
  access, facets and counts are added by the caller in SQL).
- ``top(query, limit, kinds=None, exclude=None)``: the ``limit`` best text matches of the
  whole index, ``[(doc_id, text_score)]``, best first, of these kinds (or not of those).
- ``recent_top(query, limit, enough, kinds=None, exclude=None, places=None)``: the same
  among recent matches only, and whether that was every match (see best() below, which
  search uses to build its pool; ``places``: only in these communities).
- ``ranked(docs, query, limit)``: the best matches within a queryset (exact, slower on big
  sets; for text_match).
- ``highlights(ids, query)``: ``{doc_id: (title, snippet)}`` with matches wrapped in the
  sentinels MARK_START / MARK_END (the caller escapes the text, then turns them into <mark>).
- ``prefix(docs, query)``: documents whose title has every word, the last one as a prefix.

The backend is chosen by the connection's vendor, at run time.
"""

from __future__ import annotations

from django.db import connection

MARK_START = "\x02"
MARK_END = "\x03"
# The documents that are not items: searched in full, apart from the items (see best()).
NAME_KINDS = ("person", "community")


def get_backend():
    if connection.vendor == "postgresql":
        from kollega.search.backends import postgres

        return postgres
    from kollega.search.backends import sqlite

    return sqlite


def best(query, limit: int, kinds=None, enough: int = 0, places=(), personal: int = 0):
    """``([(doc_id, score)], complete)``: the ``limit`` best text matches, best first, and
    whether every match was seen (else there may be more than were counted). The best of every
    matching person and community, and the best of the recent matching items (each backend's
    ``recent_top`` says how recent). ``kinds``: only these kinds (item kinds, "person",
    "community"). ``enough``: a backend that reads the items in growing windows may stop at
    that many matches rather than ``limit``. ``places`` and ``personal``: also the best
    ``personal`` items in these places (the searcher's communities), however weak a match,
    so that the social ranking can lift them. No access check here: the caller filters this
    pool through kollega.access.

    Why the items are not all scored: a common word matches tens of thousands of them, and
    ranking every one (bm25, ts_rank_cd) was most of a search's time; the recent ones are
    where the pool's best matches of such a word are found anyway (the ranking prefers the
    recent, and a rare word's matches are all scored). People and communities are few and
    always searched in full, in their own part of the index.
    """
    backend = get_backend()
    kinds = list(kinds or ())
    names = [k for k in kinds if k in NAME_KINDS] if kinds else list(NAME_KINDS)
    items = [k for k in kinds if k not in NAME_KINDS]
    found: list[tuple[int, float]] = []
    complete = True
    if names:
        found += backend.top(query, limit, kinds=names)
    if items or not kinds:
        matches, complete = backend.recent_top(query, limit, enough or limit, kinds=items or None,
                                               exclude=None if items else NAME_KINDS)  # fmt: skip
        found += matches
    found.sort(key=lambda pair: (-pair[1], -pair[0]))
    found, complete = found[:limit], complete and len(found) < limit
    if places and personal and (items or not kinds):
        seen = {doc_id for doc_id, _score in found}
        exclude = None if items else NAME_KINDS
        mine, _all = backend.recent_top(query, personal, personal, kinds=items or None,
                                        exclude=exclude, places=places)  # fmt: skip
        found += [pair for pair in mine if pair[0] not in seen]
    return found, complete
