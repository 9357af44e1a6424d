"""The same seed writes the same organisation (names, tags, titles), whatever the run."""

from django.db import transaction

from kollega.content.models import Item
from kollega.demo.seed import run_seed
from kollega.people.models import Person, PersonTag


def snapshot():
    return (
        list(Person.objects.order_by("username").values_list("username", "name", "job_title")),
        sorted(PersonTag.objects.values_list("person__username", "tagger__username", "tag__name")),
        list(Item.objects.order_by("id").values_list("kind", "title", "author__username")),
    )


def seeded_snapshot(seed: int):
    with transaction.atomic():
        run_seed(people=30, items=200, seed=seed, progress=False)
        taken = snapshot()
        transaction.set_rollback(True)
    return taken


def test_same_seed_same_data(db):
    first = seeded_snapshot(11)
    assert first == seeded_snapshot(11)
    assert first != seeded_snapshot(12)


def test_the_window_starts_on_a_monday_about_two_years_back():
    from datetime import UTC, datetime, timedelta

    from kollega.demo.generator.communities import WINDOW
    from kollega.demo.seed import window_start_for

    for day in range(7):
        now = datetime(2026, 3, 2, 15, tzinfo=UTC) + timedelta(days=day)
        start = datetime.fromtimestamp(window_start_for(now), UTC)
        assert start.weekday() == 0 and start.hour == 0
        end = start + timedelta(seconds=WINDOW)
        assert now - timedelta(days=7) < end <= now
