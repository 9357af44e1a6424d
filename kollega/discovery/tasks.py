"""Background work for discovery (django-tasks): the incremental expertise refresh, for the
worker to queue every few minutes (``refresh_changed_expertise.enqueue()``)."""

from __future__ import annotations

from django_tasks import task

from kollega.discovery import refresh


@task()
def refresh_changed_expertise() -> int:
    """Recompute the expertise of the people whose evidence changed since the last run."""
    return refresh.refresh_changed()
