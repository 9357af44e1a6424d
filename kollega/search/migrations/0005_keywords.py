"""A keywords column: the words a document is found by but a snippet never quotes (a
bookmark's address, a file's name). They were in the body, so snippets quoted "https example
org guides"; now snippets come from the text a person reads only.

SQLite: the FTS5 table gets a sixth column, ``keywords`` (weighted like the body in bm25).
Adding the field rebuilds search_searchdocument (SQLite cannot add a NOT NULL column
without a default in place), which would drop the triggers and leave the view pointing at a
table being replaced: the FTS5 table, view and triggers are dropped first, created again
with the new column afterwards, and the table rebuilt from the documents.

PostgreSQL: the generated ``vector`` column is defined again with keywords at weight D
(ranked like the body, C: both are 0.1 in ts_rank_cd's weights). A generated column cannot
be altered, so it is dropped (which drops the two GIN indexes over it) and added again,
and the indexes are created again.

The documents keep their address words in the body until ``kollega reindex`` moves them:
until then they are found as before and their snippets quote them as before. Going back,
the keywords are appended to the body again, so nothing stops being found.
"""

from django.db import migrations, models

from kollega.search.migrations import _fts

VECTOR = """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('kollega_search'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('kollega_search'::regconfig, coalesce(tags, '')), 'B')
    || setweight(to_tsvector('kollega_search'::regconfig, coalesce(body, '')), 'C'){keywords}
) STORED"""
KEYWORDS = """
    || setweight(to_tsvector('kollega_search'::regconfig, coalesce(keywords, '')), 'D')"""
INDEXES = [
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector)",
    "CREATE INDEX search_doc_names_vector ON search_searchdocument "
    "USING gin (vector) WHERE kind IN ('person', 'community')",
]


# Back to the body, where they were before this migration (for the way back).
KEYWORDS_TO_BODY = {
    "sqlite": "UPDATE search_searchdocument SET body = body || char(10) || keywords "
    "WHERE keywords != ''",
    "postgresql": "UPDATE search_searchdocument SET body = body || chr(10) || keywords "
    "WHERE keywords != ''",
}


def _postgres(keywords: bool) -> list[str]:
    # Dropping the column drops search_doc_vector and search_doc_names_vector with it. On
    # the way back the body is updated while there is no vector to compute.
    return [
        "ALTER TABLE search_searchdocument DROP COLUMN vector",
        *([] if keywords else [KEYWORDS_TO_BODY["postgresql"]]),
        VECTOR.format(keywords=KEYWORDS if keywords else ""),
        *INDEXES,
    ]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_kind_in_the_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": _fts.drop()}),
            _run({"sqlite": _fts.create(kind=True, keywords=False) + [_fts.REBUILD]}),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="keywords",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(
            _run({"sqlite": _fts.create(kind=True, keywords=True) + [_fts.REBUILD],
                  "postgresql": _postgres(keywords=True)}),
            _run({"sqlite": [*_fts.drop(), KEYWORDS_TO_BODY["sqlite"]],
                  "postgresql": _postgres(keywords=False)}),
        ),  # fmt: skip
    ]
