"""PostgreSQL: a small GIN index over the titles of people and communities only, so that
suggesting names as you type does not scan the prefix matches of a million item titles.
(SQLite's FTS5 prefix indexes already make short prefixes cheap.)"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_doc_names ON search_searchdocument "
    "USING gin (title_vector) WHERE kind IN ('person', 'community')"
)
DROP = "DROP INDEX IF EXISTS search_doc_names"


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
