"""Periodic jobs for `kollega worker`: queue the daily digest once a day and the weekly
digest once a week, at KOLLEGA_DIGEST_HOUR (UTC). Several workers may run: the row lock on
ScheduledRun makes sure each job is queued once per period."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kollega.notifications.models import ScheduledRun

JOBS = {"daily": timedelta(days=1), "weekly": timedelta(weeks=1)}


def _slot(name: str, now: datetime) -> datetime:
    """The most recent moment the job was due: today's (or this Monday's) digest hour."""
    hour = settings.KOLLEGA_DIGEST_HOUR
    slot = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    if name == "weekly":
        slot -= timedelta(days=slot.weekday())
    if slot > now:
        slot -= JOBS[name]
    return slot


def due_jobs(now: datetime | None = None) -> list[str]:
    """Claim and return the jobs due now (each claimed once across workers)."""
    now = now or timezone.now()
    claimed = []
    for name in JOBS:
        slot = _slot(name, now)
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=name, defaults={"last_run": slot}
            )
            if created:
                continue  # a new installation starts counting from now, without a backlog
            if run.last_run < slot:
                run.last_run = slot
                run.save(update_fields=["last_run"])
                claimed.append(name)
    return claimed


def tick(now: datetime | None = None) -> list[str]:
    """Queue what is due: digests once per period, and on every tick the incremental
    expertise refresh (cheap when nothing changed: it reads the events since its last run)."""
    from kollega.discovery.tasks import refresh_changed_expertise
    from kollega.notifications.tasks import send_digests

    jobs = due_jobs(now)
    for name in jobs:
        send_digests.enqueue(name)
    refresh_changed_expertise.enqueue()
    return jobs
