"""The full-text index for the database in use (the SearchDocument table is portable).

SQLite: an FTS5 table over title, body and tags with the unicode61 tokenizer (diacritics
removed, so "Malmo" finds "Malmö") and prefix indexes for typing-ahead, kept in step with
search_searchdocument by triggers (external content: the text is stored once).

PostgreSQL: generated tsvector columns (all text weighted title A, tags B, body C; the title
alone for suggestions) with GIN indexes, in a text search configuration "kollega_search":
the `simple` configuration (no stemming, no stop words: intranet text mixes English, Swedish
and product names, and an English stemmer mangles the rest) plus unaccent, which makes it
behave like the SQLite index.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, tags,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tags);
    END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
        INSERT INTO search_fts(rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tags);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'kollega_search') THEN
            CREATE TEXT SEARCH CONFIGURATION kollega_search (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION kollega_search
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$""",
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('kollega_search'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('kollega_search'::regconfig, coalesce(tags, '')), 'B')
        || setweight(to_tsvector('kollega_search'::regconfig, coalesce(body, '')), 'C')
    ) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('kollega_search'::regconfig, coalesce(title, ''))) STORED""",
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector)",
    "CREATE INDEX search_doc_title_vector ON search_searchdocument USING gin (title_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_doc_title_vector",
    "DROP INDEX IF EXISTS search_doc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
