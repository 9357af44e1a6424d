"""The SQLite FTS5 table and its triggers, as SQL: shared by the migrations that create them
and by the bulk rebuild (kollega.search.backends.sqlite), which drops the triggers while it
loads and puts them back exactly as they were. (A leading underscore: the migration loader
skips this module.)"""

from __future__ import annotations

REBUILD = "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"
TRIGGERS = ("search_fts_ai", "search_fts_ad", "search_fts_au")


def _columns(kind: bool) -> str:
    return "title, body, tags, kind" if kind else "title, body, tags"


def table(kind: bool = True) -> str:
    return f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {_columns(kind)},
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')"""


def triggers(kind: bool = True) -> list[str]:
    cols = _columns(kind)
    new = ", ".join(f"new.{c}" for c in cols.split(", "))
    old = ", ".join(f"old.{c}" for c in cols.split(", "))
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
        "DROP TABLE IF EXISTS search_fts"
    ]


def create(kind: bool = True) -> list[str]:
    return [table(kind), *triggers(kind)]
