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


def get_backend():
    if connection.vendor == "postgresql":
        from kollega.search.backends import postgres

        return postgres
    from kollega.search.backends import sqlite

    return sqlite
