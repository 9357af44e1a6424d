"""PostgreSQL full text: generated tsvector columns on search_searchdocument (migrations
0002 and 0005), the configuration ``kollega_search`` (simple + unaccent),
websearch_to_tsquery. Snippets quote the body only, never the keywords (an address, a file
name)."""

from __future__ import annotations

from django.db import connection
from django.db.models.expressions import RawSQL

from kollega.search.backends import MARK_END, MARK_START, NAME_KINDS
from kollega.search.querytext import ParsedQuery, to_prefix_tsquery, to_websearch

CONFIG = "kollega_search"
# ts_rank_cd weights for {D, C, B, A}: keywords are D, body C, tags B, title A (as in the
# SQLite bm25, where keywords weigh as the body).
WEIGHTS = "{0.1, 0.1, 0.5, 1.0}"
HEADLINE_CHARS = 20_000  # ts_headline parses the whole text it is given
HEADLINE = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def _tsquery() -> str:
    return f"websearch_to_tsquery('{CONFIG}', %s)"


def match(docs, query: ParsedQuery):
    sql = f"SELECT id FROM search_searchdocument WHERE vector @@ {_tsquery()}"
    return docs.filter(id__in=RawSQL(sql, [to_websearch(query)]))  # noqa: S611 - bound


def prefix(docs, query: ParsedQuery, names_only: bool = False, newest: int = 0):
    """names_only: people and communities, through their own small partial GIN index.
    newest: only the newest that many matches (a bounded pool for item titles)."""
    names = "kind IN ('person', 'community') AND " if names_only else ""
    sql = (
        "SELECT id FROM search_searchdocument "
        f"WHERE {names}title_vector @@ to_tsquery('{CONFIG}', %s)"
    )
    params = [to_prefix_tsquery(query)]
    if newest:
        sql += " ORDER BY id DESC LIMIT %s"
        params.append(newest)
    return docs.filter(id__in=RawSQL(sql, params))  # noqa: S611 - bound


def newest_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM search_searchdocument")
        return cursor.fetchone()[0] or 0


def _kinds_sql(kinds, exclude) -> tuple[str, list]:
    """The kind condition. People and communities are written as the literal list of the
    partial index search_doc_names_vector, so that the planner can use it."""
    sql, params = "", []
    names = "('" + "', '".join(NAME_KINDS) + "')"
    if kinds and set(kinds) == set(NAME_KINDS):
        sql += f" AND d.kind IN {names}"
    elif kinds:
        sql += " AND d.kind = ANY(%s)"
        params.append(list(kinds))
    if exclude and set(exclude) == set(NAME_KINDS):
        sql += f" AND d.kind NOT IN {names}"
    elif exclude:
        sql += " AND NOT (d.kind = ANY(%s))"
        params.append(list(exclude))
    return sql, params


# Items: the best matches among the newest WINDOW documents, and when those hold fewer than
# ``enough``, in a window grown to where the density seen says there are enough (twice
# over), up to the whole index. ts_rank_cd reads each matching row from the table, which
# was most of the time for a common word; a window keeps those reads to recent pages.
WINDOW = 10_000
# Up to this many documents a window is read as a range of the primary key, then matched:
# for words that often go together ("five things I wish") PostgreSQL guesses a few dozen
# matches where there are twenty thousand, and would visit every one of them through GIN.
FENCED = 30_000


def recent_top(query: ParsedQuery, limit: int, enough: int, kinds=None, exclude=None,
               places=None):  # fmt: skip
    """``(matches, complete)``: as top(), in the smallest window tried that holds
    ``enough`` matches; ``complete`` when that window was the whole index. With ``places``
    (a few communities): one query over all their matches."""
    if places:
        found = top(query, limit, kinds, exclude, places=places)
        return found, True
    newest = newest_id()
    window = WINDOW
    while True:
        floor = max(0, newest - window)
        found = top(query, limit, kinds, exclude, floor, fenced=window <= FENCED)
        if len(found) >= enough or floor == 0:
            return found, floor == 0
        window = max(2 * window, 2 * window * enough // max(1, len(found)))


def top(query: ParsedQuery, limit: int, kinds=None, exclude=None, floor: int = 0, places=None,
        fenced: bool = False):  # fmt: skip
    """The ``limit`` best text matches ``[(doc_id, score)]``, best first, among documents
    with an id above ``floor`` (no access check here: the caller filters this pool through
    kollega.access). ``fenced``: read the documents above the floor as a range of the
    primary key, then match them (see FENCED); else the planner chooses."""
    source, source_params = "search_searchdocument", []
    if fenced and floor > 0 and not places:
        # OFFSET 0 keeps the planner from folding the range into the text match.
        source = ("(SELECT id, kind, place_id, vector FROM search_searchdocument "
                  "WHERE id > %s OFFSET 0)")  # fmt: skip
        source_params = [floor]
    where, params = _kinds_sql(kinds, exclude)
    if places:
        # A community's documents lie all over the table: left to the planner, the place
        # index and GIN are intersected first and only the matching rows are read.
        where += " AND d.place_id = ANY(%s)"
        params.append([int(p) for p in places])
    if floor > 0:
        where += " AND d.id > %s"
        params.append(floor)
    sql = (
        "SELECT d.id, ts_rank_cd(%s::float4[], d.vector, q, 32) AS score "
        f"FROM {source} d, {_tsquery()} q "
        f"WHERE d.vector @@ q{where} ORDER BY score DESC, d.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [WEIGHTS, *source_params, to_websearch(query), *params, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def ranked(docs, query: ParsedQuery, limit: int) -> list[tuple[int, float]]:
    inner, params = docs.values("id").query.sql_with_params()
    sql = (
        f"SELECT d.id, ts_rank_cd(%s::float4[], d.vector, q, 32) AS score "
        f"FROM search_searchdocument d, {_tsquery()} q "
        f"WHERE d.id IN ({inner}) ORDER BY score DESC, d.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [WEIGHTS, to_websearch(query), *params, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def highlights(ids: list[int], query: ParsedQuery) -> dict[int, tuple[str, str]]:
    if not ids or query.empty:
        return {}
    sql = (
        f"SELECT d.id, ts_headline('{CONFIG}', d.title, q, %s), "
        f"ts_headline('{CONFIG}', left(d.body, {HEADLINE_CHARS}), q, %s) "
        f"FROM search_searchdocument d, {_tsquery()} q WHERE d.id = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [HEADLINE + ", HighlightAll=true", HEADLINE, to_websearch(query),
                             list(ids)])  # fmt: skip
        return {row[0]: (row[1] or "", row[2] or "") for row in cursor.fetchall()}


def bulk_load_begin() -> None:
    """Before a full rebuild: empty the table and drop the GIN indexes (rebuilt at the end,
    which is much faster than maintaining them row by row)."""
    with connection.cursor() as cursor:
        # TRUNCATE and CREATE INDEX refuse while foreign-key checks of this transaction are
        # deferred: check them as rows are written until the load is over.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE search_searchdocument")
        cursor.execute("DROP INDEX IF EXISTS search_doc_vector")
        cursor.execute("DROP INDEX IF EXISTS search_doc_title_vector")
        cursor.execute("DROP INDEX IF EXISTS search_doc_names")
        cursor.execute("DROP INDEX IF EXISTS search_doc_names_vector")


def bulk_load_end() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS search_doc_vector ON search_searchdocument "
            "USING gin (vector)"
        )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS search_doc_title_vector ON search_searchdocument "
            "USING gin (title_vector)"
        )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS search_doc_names ON search_searchdocument "
            "USING gin (title_vector) WHERE kind IN ('person', 'community')"
        )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS search_doc_names_vector ON search_searchdocument "
            "USING gin (vector) WHERE kind IN ('person', 'community')"
        )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("ANALYZE search_searchdocument")
