"""SQLite FTS5: the table ``search_fts`` (created by migration 0002) mirrors
search_searchdocument's title, body and tags; its rowid is the document's id."""

from __future__ import annotations

from importlib import import_module

from django.db import connection
from django.db.models.expressions import RawSQL

from kollega.search.backends import MARK_END, MARK_START
from kollega.search.querytext import ParsedQuery, to_fts5

# bm25 column weights: a word in the title counts most, then tags, then the body.
WEIGHTS = (10.0, 1.0, 5.0)
SNIPPET_TOKENS = 24


def _match_ids(expression: str):
    return RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])  # noqa: S611


def match(docs, query: ParsedQuery):
    return docs.filter(id__in=_match_ids(to_fts5(query)))


def prefix(docs, query: ParsedQuery, names_only: bool = False, newest: int = 0):
    """Titles with every word, the last as a prefix. ``names_only`` is a hint for engines
    with a separate index of names (FTS5's prefix indexes make it unnecessary here);
    ``newest`` keeps only the newest that many matches (a bounded pool)."""
    words = to_fts5(ParsedQuery([[t for g in query.groups for t in g if not t.exclude]]), True)
    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
    params: list = ["{title} : " + words]
    if newest:
        sql += " ORDER BY rowid DESC LIMIT %s"
        params.append(newest)
    return docs.filter(id__in=RawSQL(sql, params))  # noqa: S611 - bound parameters


def top(query: ParsedQuery, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best text matches in the whole index, best first (FTS5 alone: no
    access check here, the caller filters this pool through kollega.access)."""
    sql = (
        "SELECT rowid, -bm25(search_fts, %s, %s, %s) AS score FROM search_fts "
        "WHERE search_fts MATCH %s ORDER BY score DESC, rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*WEIGHTS, to_fts5(query), limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def ranked(docs, query: ParsedQuery, limit: int) -> list[tuple[int, float]]:
    inner, params = docs.values("id").query.sql_with_params()
    # Scored once, materialised, then filtered: written as "rowid IN (...)" on the FTS table,
    # SQLite would push each id into FTS5 and run the full-text query once per document.
    # bm25 is lower for better matches; negated so that higher is better on every backend.
    sql = (
        "WITH m AS MATERIALIZED (SELECT rowid AS id, -bm25(search_fts, %s, %s, %s) AS score "
        "FROM search_fts WHERE search_fts MATCH %s) "
        f"SELECT m.id, m.score FROM m WHERE m.id IN ({inner}) "
        "ORDER BY m.score DESC, m.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*WEIGHTS, to_fts5(query), *params, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def highlights(ids: list[int], query: ParsedQuery) -> dict[int, tuple[str, str]]:
    if not ids or query.empty:
        return {}
    marks = [MARK_START, MARK_END]
    holes = ", ".join(["%s"] * len(ids))
    sql = (
        "SELECT rowid, highlight(search_fts, 0, %s, %s), "
        "snippet(search_fts, 1, %s, %s, '…', %s) FROM search_fts "
        f"WHERE search_fts MATCH %s AND rowid IN ({holes})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*marks, *marks, SNIPPET_TOKENS, to_fts5(query), *ids])
        return {row[0]: (row[1] or "", row[2] or "") for row in cursor.fetchall()}


def bulk_load_begin() -> None:
    """Before a full rebuild: stop the per-row triggers (the index is rebuilt in one go)."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS search_fts_ai")
        cursor.execute("DROP TRIGGER IF EXISTS search_fts_ad")
        cursor.execute("DROP TRIGGER IF EXISTS search_fts_au")
        cursor.execute("DELETE FROM search_searchdocument")
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")


def bulk_load_end() -> None:
    # The triggers exactly as the migration created them.
    ddl = import_module("kollega.search.migrations.0002_full_text")
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        for sql in ddl.SQLITE[1:]:
            cursor.execute(sql)
