"""SQLite FTS5: the table ``search_fts`` (migrations 0002, 0004 and 0005) mirrors
search_searchdocument's title, body, tags, kind, place and keywords; its rowid is the
document's id. Snippets quote the body only, never the keywords (an address, a file name).

The kind and place columns are there so that "people and communities only", "items only",
a kind filter or "in these communities" are intersections of doclists inside FTS5 rather
than a join per match."""

from __future__ import annotations

from django.db import connection
from django.db.models.expressions import RawSQL

from kollega.search.backends import MARK_END, MARK_START, NAME_KINDS
from kollega.search.migrations import _fts
from kollega.search.querytext import ParsedQuery, to_fts5

# bm25 column weights (title, body, tags, kind, place, keywords): a word in the title counts
# most, then tags, then the body; the kind and place columns never count. Keywords weigh as
# the body, where they were before they had a column of their own: FTS5's bm25 measures a
# document's length over all its columns, so the scores are the same as then.
WEIGHTS = (10.0, 1.0, 5.0, 0.0, 0.0, 1.0)
SNIPPET_TOKENS = 24
BM25 = "-bm25(search_fts, {})".format(", ".join(str(w) for w in WEIGHTS))


def _text(query: ParsedQuery) -> str:
    # No column filter ("{title body tags} : …"): it made FTS5 read the position lists of
    # every match and cost up to half of a query with a common word. The kind and place
    # columns hold only tokens like "kindbookmark" and "place42"; someone who types one
    # also finds what is of that kind or place, which access still filters.
    return to_fts5(query)


def _kinds(kinds) -> str:
    # Kinds are our own values (validated by clean_filters), quoted like every word; in the
    # index they are prefixed (see migrations/_fts.py).
    return "{kind} : (" + " OR ".join(f'"{_fts.KIND_TOKEN}{k}"' for k in kinds) + ")"


def _places(places) -> str:
    return "{place} : (" + " OR ".join(f'"{_fts.PLACE_TOKEN}{int(p)}"' for p in places) + ")"


def expression(query: ParsedQuery, kinds=None, exclude=None, places=None) -> str:
    text = _text(query)
    if places:
        text = f"({text}) AND {_places(places)}"
    if kinds:
        text = f"({text}) AND {_kinds(kinds)}"
    if exclude:
        text = f"({text}) NOT {_kinds(exclude)}"
    return text


def _match_ids(expression: str):
    return RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])  # noqa: S611


def match(docs, query: ParsedQuery):
    return docs.filter(id__in=_match_ids(_text(query)))


def prefix(docs, query: ParsedQuery, names_only: bool = False, newest: int = 0):
    """Titles with every word, the last as a prefix. ``names_only``: people and communities
    (the kind column, so FTS5 intersects the two doclists); ``newest`` keeps only the newest
    that many matches (a bounded pool)."""
    words = to_fts5(ParsedQuery([[t for g in query.groups for t in g if not t.exclude]]), True)
    expr = "{title} : " + words
    if names_only:
        expr = f"({expr}) AND {_kinds(NAME_KINDS)}"
    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
    params: list = [expr]
    if newest:
        sql += " ORDER BY rowid DESC LIMIT %s"
        params.append(newest)
    return docs.filter(id__in=RawSQL(sql, params))  # noqa: S611 - bound parameters


# Items: the best of the newest RECENT matches. FTS5 walks a doclist newest first and stops
# there, so bm25 is computed for at most that many rows whatever the word.
RECENT = 5_000


def top(query: ParsedQuery, limit: int, kinds=None, exclude=None):
    """The ``limit`` best text matches ``[(doc_id, score)]``, best first (no access check
    here: the caller filters this pool through kollega.access)."""
    sql = (
        f"SELECT rowid, {BM25} AS score FROM search_fts WHERE search_fts MATCH %s "
        "ORDER BY score DESC, rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression(query, kinds, exclude), limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def recent_top(query: ParsedQuery, limit: int, enough: int, kinds=None, exclude=None,
               places=None):  # fmt: skip
    """As top(), among the newest RECENT matches only (one query), and whether that was
    every match. (``enough`` is for the PostgreSQL backend's windows.)"""
    sql = (
        f"SELECT id, score FROM (SELECT rowid AS id, {BM25} AS score FROM search_fts "
        "WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s) "
        "ORDER BY score DESC, id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        expr = expression(query, kinds, exclude, places)
        cursor.execute(sql, [expr, max(RECENT, 2 * limit), limit])
        found = [(row[0], float(row[1])) for row in cursor.fetchall()]
    # Fewer than asked for: there were fewer than RECENT matches, so all were scored.
    return found, len(found) < limit


def ranked(docs, query: ParsedQuery, limit: int) -> list[tuple[int, float]]:
    inner, params = docs.values("id").query.sql_with_params()
    # Scored once, materialised, then filtered: written as "rowid IN (...)" on the FTS table,
    # SQLite would push each id into FTS5 and run the full-text query once per document.
    # bm25 is lower for better matches; negated so that higher is better on every backend.
    sql = (
        f"WITH m AS MATERIALIZED (SELECT rowid AS id, {BM25} AS score "
        "FROM search_fts WHERE search_fts MATCH %s) "
        f"SELECT m.id, m.score FROM m WHERE m.id IN ({inner}) "
        "ORDER BY m.score DESC, m.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_text(query), *params, limit])
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
        cursor.execute(sql, [*marks, *marks, SNIPPET_TOKENS, _text(query), *ids])
        return {row[0]: (row[1] or "", row[2] or "") for row in cursor.fetchall()}


def bulk_load_begin() -> None:
    """Before a full rebuild: stop the per-row triggers (the index is rebuilt in one go)."""
    with connection.cursor() as cursor:
        for name in _fts.TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute("DELETE FROM search_searchdocument")
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")


def bulk_load_end() -> None:
    with connection.cursor() as cursor:
        cursor.execute(_fts.REBUILD)
        for sql in _fts.triggers():
            cursor.execute(sql)
