"""Fast bulk inserts for the seed, on SQLite and PostgreSQL.

The ORM's bulk_create builds a model instance per row; at ten million rows that alone takes
minutes. The seed instead hands tuples straight to the driver: executemany on SQLite (one
prepared statement, rows streamed), COPY on PostgreSQL (the fastest way in). Primary keys are
preassigned by the seed, so nothing is read back; ``finish`` moves PostgreSQL's identity
sequences past them (SQLite's AUTOINCREMENT follows explicit ids by itself).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.db import connection

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_NAIVE = datetime(1970, 1, 1)  # noqa: DTZ001 - SQLite stores naive UTC text

# The columns the seed fills, per model. Any other column (a field added since) gets the
# model field's default, so a new field with a default never breaks the seed.
TABLES = {
    "auth.User": "id password last_login is_superuser username first_name last_name email "
    "is_staff is_active date_joined",
    "people.Person": "id user_id username name email job_title org_unit_id location_id "
    "manager_id phone about about_html photo search_name created",
    "people.PersonTag": "id person_id tagger_id tag_id created",
    "network.Invitation": "id sender_id recipient_id message state created decided_at",
    "network.Contact": "id person_id other_id created",
    "network.Follow": "id follower_id person_id place_id tag_id item_id created",
    "places.Place": "id kind slug name description description_html access owner_id created "
    "last_activity_at member_count",
    "places.Place_tags": "id place_id tag_id",
    "places.Membership": "id place_id person_id role created",
    "content.Item": "id kind author_id place_id title body body_html created updated "
    "last_activity_at reply_count like_count removed_at",
    "content.ItemTag": "id item_id tag_id last_activity_at",
    "content.Question": "item_id state asked_at first_reply_at answered_at",
    "content.Reply": "id item_id author_id body body_html created updated removed_at accepted_at",
    "content.Like": "id item_id person_id created",
    "content.Save": "id item_id person_id created",
    "activity.Event": "id actor_id verb item_id reply_id place_id person_id data published",
    "wiki.WikiPage": "item_id place_id slug revision_number last_editor_id",
    "wiki.WikiRevision": "id page_id number title body author_id created",
    "ideas.Idea": "item_id state vote_count",
    "ideas.IdeaVote": "id idea_id person_id created",
    "news.NewsDetail": "item_id",
    "bookmarks.Bookmark": "item_id url normalised_url url_key",
}
TABLES = {label: columns.split() for label, columns in TABLES.items()}


def model(label: str):
    app_label, name = label.split(".")
    if name == "Place_tags":
        return apps.get_model("places", "Place").tags.through
    return apps.get_model(app_label, name)


def _defaults(label: str) -> tuple[list[str], tuple]:
    """The columns the seed leaves out for ``label``, and the value each gets."""
    given = set(TABLES[label])
    columns, values = [], []
    for field in model(label)._meta.concrete_fields:
        if field.column not in given:
            columns.append(field.column)
            values.append(field.get_db_prep_save(field.get_default(), connection))
    return columns, tuple(values)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def timestamp_converter(anchor: int):
    """A function from seconds since ``anchor`` (epoch seconds) to what the driver stores."""
    if is_postgres():
        return lambda t: EPOCH + timedelta(seconds=anchor + int(t))
    # What Django's SQLite backend writes for an aware datetime: naive UTC, space-separated.
    return lambda t: str(EPOCH_NAIVE + timedelta(seconds=anchor + int(t)))


def next_ids() -> dict[str, int]:
    """The first free primary key of each table (the seed may run beside existing rows)."""
    result = {}
    with connection.cursor() as cursor:
        for label, columns in TABLES.items():
            if columns[0] == "id":
                table = model(label)._meta.db_table
                cursor.execute(f"SELECT MAX(id) FROM {table}")  # noqa: S608 - model tables
                result[label] = (cursor.fetchone()[0] or 0) + 1
    return result


def insert(label: str, rows: list[tuple]) -> None:
    if not rows:
        return
    extra_columns, extra_values = _defaults(label)
    columns = TABLES[label] + extra_columns
    if extra_values:
        rows = [row + extra_values for row in rows]
    table = model(label)._meta.db_table
    raw = connection.connection
    if is_postgres():
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def update_place_activity(pairs: list[tuple]) -> None:
    """(last_activity_at, place id) pairs."""
    with connection.cursor() as cursor:
        cursor.executemany("UPDATE places_place SET last_activity_at = %s WHERE id = %s", pairs)


@contextmanager
def fast_session():
    """Loosen durability while the seed writes, then put everything back.

    SQLite: no fsync, a 1 GB page cache, foreign keys checked by the seed's own construction
    (and by the tests with PRAGMA foreign_key_check) rather than per row, and a rollback
    journal instead of WAL: one huge transaction in WAL mode writes every page twice (to the
    WAL, then at checkpoint to the file), while a rollback journal only copies the few pages
    that existed before. PostgreSQL: no fsync wait at commit. The SQLite settings only take
    effect outside a transaction, and none outlives the seed.
    """
    connection.ensure_connection()
    sqlite_outside = not is_postgres() and not connection.in_atomic_block
    with connection.cursor() as cursor:
        if sqlite_outside:
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
            # Leaving WAL needs no other connection open; if one is, WAL stays and that's fine.
            cursor.execute("PRAGMA journal_mode=TRUNCATE")
        elif is_postgres():
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if sqlite_outside:
                cursor.execute(f"PRAGMA journal_mode={journal}")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA cache_size=-64000")
            elif is_postgres():
                cursor.execute("SET synchronous_commit TO DEFAULT")


@contextmanager
def foreign_keys_later():
    """PostgreSQL: drop the seeded tables' foreign keys, add them back at the end.

    Checked row by row, ten million rows cost tens of millions of lookups; added back, each
    constraint is validated by one join, as pg_restore does. Inside the seed's transaction,
    so if anything fails the constraints come back with the rollback. SQLite: nothing to do.
    """
    if not is_postgres():
        yield
        return
    tables = [model(label)._meta.db_table for label in TABLES]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        constraints = cursor.fetchall()
        for table, name, _definition in constraints:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def finish() -> None:
    """Sequences past the preassigned ids, foreign keys back, planner statistics (PostgreSQL)."""
    if not is_postgres():
        return
    tables = [model(label)._meta.db_table for label in TABLES]
    with connection.cursor() as cursor:
        for label, table in zip(TABLES, tables, strict=True):
            if TABLES[label][0] != "id":
                continue
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"COALESCE((SELECT MAX(id) FROM {table}), 1), "
                f"(SELECT MAX(id) FROM {table}) IS NOT NULL)"
            )
        for table in tables:
            cursor.execute(f"ANALYZE {table}")
