"""Background tasks for notifications (django-tasks: immediate in tests, a database queue
worked by `kollega worker` otherwise)."""

from __future__ import annotations

from django_tasks import task

from kollega.notifications import emails


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    return emails.send_each(notification_ids)


@task()
def send_digests(period: str) -> int:
    return emails.send_digests(period)


def schedule_emails(notifications) -> None:
    """Called after a write commits: queue the emails of the new notifications."""
    ids = [n.pk for n in notifications if n.pk]
    if ids:
        send_notification_emails.enqueue(ids)
