from datetime import UTC, datetime, timedelta

from kollega.notifications import schedule
from kollega.notifications.models import ScheduledRun


def at(day, hour):
    return datetime(2026, 11, day, hour, 30, tzinfo=UTC)  # 2026-11-23 is a Monday


def test_a_new_installation_starts_without_a_backlog(db, settings):
    settings.KOLLEGA_DIGEST_HOUR = 6
    assert schedule.due_jobs(at(24, 7)) == []
    assert ScheduledRun.objects.count() == 2


def test_the_daily_digest_is_queued_once_a_day(db, settings):
    settings.KOLLEGA_DIGEST_HOUR = 6
    schedule.due_jobs(at(24, 7))
    assert schedule.due_jobs(at(24, 23)) == []
    assert schedule.due_jobs(at(25, 5)) == []
    assert schedule.due_jobs(at(25, 6)) == ["daily"]
    assert schedule.due_jobs(at(25, 8)) == []


def test_the_weekly_digest_is_queued_on_mondays(db, settings):
    settings.KOLLEGA_DIGEST_HOUR = 6
    schedule.due_jobs(at(24, 7))
    monday = at(30, 6)
    assert "weekly" in schedule.due_jobs(monday)
    assert "weekly" not in schedule.due_jobs(monday + timedelta(days=1))


def test_a_tick_queues_and_runs_the_digests(db, settings, org):
    from django.core import mail

    from kollega.content.actions import like_item

    settings.KOLLEGA_DIGEST_HOUR = 6
    schedule.due_jobs(at(24, 7))
    like_item(org.bob, org.open_item)
    assert schedule.tick(at(30, 7)) == ["daily", "weekly"]
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]
