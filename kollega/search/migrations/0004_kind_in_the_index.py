"""The document's kind inside the full-text index, so that a search for people and
communities only, or for one kind of content, is answered by the index itself.

SQLite: FTS5 gets a fourth column, ``kind`` (read from search_searchdocument.kind like the
others; weight 0 in bm25, and the words a person types only ever look in title, body and
tags). "Only people and communities" is then a doclist intersection inside FTS5 instead of a
join per match, and so is a kind filter. The table is rebuilt from the documents.

PostgreSQL: a GIN index over the full vector of people and communities only (their own
small index, as search_doc_names is for their titles), so that the people among the matches
of a common word are found without visiting every item that matches it.
"""

from django.db import migrations

from kollega.search.migrations import _fts

POSTGRES = [
    "CREATE INDEX IF NOT EXISTS search_doc_names_vector ON search_searchdocument "
    "USING gin (vector) WHERE kind IN ('person', 'community')"
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS search_doc_names_vector"]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_people_title_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": _fts.drop() + _fts.create(kind=True, keywords=False) + [_fts.REBUILD],
                  "postgresql": POSTGRES}),
            _run({"sqlite": _fts.drop() + _fts.create(kind=False, keywords=False) + [_fts.REBUILD],
                  "postgresql": POSTGRES_REVERSE}),
        )  # fmt: skip
    ]
