"""The SQLite FTS5 table and its triggers, as SQL: shared by the migrations that create them
and by the bulk rebuild (kollega.search.backends.sqlite), which drops the triggers while it
loads and puts them back exactly as they were. (A leading underscore: the migration loader
skips this module.)

The defaults build the current table; a migration names the version it builds (``kind``:
migration 0004's kind and place columns, ``keywords``: migration 0005's keywords column), so
that replaying an old migration still builds the table of its day."""

from __future__ import annotations

REBUILD = "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"
TRIGGERS = ("search_fts_ai", "search_fts_ad", "search_fts_au")
# The kind column holds "kind" + the kind ("kindperson", "kindbookmark"): plain "community"
# or "question" are common words of the text, and a column filter on a token that is
# everywhere reads its whole doclist; these tokens appear nowhere else. Likewise the place
# column holds "place" + the place's id ("place42"), for matches in the searcher's own
# communities. The keywords column holds the words a document is found by but a snippet
# never quotes (a bookmark's address, a file's name). FTS5 reads its external content
# through this view.
VIEW = "search_fts_content"
KIND_TOKEN = "kind"
PLACE_TOKEN = "place"


# New columns go last: the backend addresses title and body by their position (highlight,
# snippet) and weighs the columns in this order (bm25).
def _columns(kind: bool, keywords: bool) -> str:
    names = ["title", "body", "tags"] + (["kind", "place"] if kind else [])
    return ", ".join(names + (["keywords"] if keywords else []))


def view(keywords: bool = True) -> str:
    extra = ", keywords" if keywords else ""
    return (f"CREATE VIEW {VIEW} AS SELECT id, title, body, tags, '{KIND_TOKEN}' || kind AS kind, "
            f"'{PLACE_TOKEN}' || coalesce(place_id, 0) AS place{extra} "
            "FROM search_searchdocument")  # fmt: skip


def table(kind: bool = True, keywords: bool = True) -> str:
    content = VIEW if kind else "search_searchdocument"
    return f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {_columns(kind, keywords)},
        content='{content}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')"""


def _values(row: str, kind: bool, keywords: bool) -> str:
    values = [f"{row}.title", f"{row}.body", f"{row}.tags"]
    if kind:
        values.append(f"'{KIND_TOKEN}' || {row}.kind")
        values.append(f"'{PLACE_TOKEN}' || coalesce({row}.place_id, 0)")
    if keywords:
        values.append(f"{row}.keywords")
    return ", ".join(values)


def triggers(kind: bool = True, keywords: bool = True) -> list[str]:
    cols = _columns(kind, keywords)
    new, old = _values("new", kind, keywords), _values("old", kind, keywords)
    return [
        f"""CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
            INSERT INTO search_fts(rowid, {cols}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
            INSERT INTO search_fts(rowid, {cols}) VALUES (new.id, {new});
        END""",
    ]


def drop() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS] + [
        "DROP TABLE IF EXISTS search_fts", f"DROP VIEW IF EXISTS {VIEW}"
    ]


def create(kind: bool = True, keywords: bool = True) -> list[str]:
    return [*([view(keywords)] if kind else []), table(kind, keywords), *triggers(kind, keywords)]
