"""What happens once a write that recorded an event has committed: open pages are told
(push.py) and the notification emails are queued (tasks.py). Neither may fail the write."""

from __future__ import annotations

import logging

from kollega.notifications import push

log = logging.getLogger(__name__)


def committed(event, notifications) -> None:
    push.publish_event(event, notifications)
    try:
        from kollega.notifications.tasks import schedule_emails

        schedule_emails(notifications)
    except Exception:
        log.exception("could not queue emails for event %s", event.pk)
