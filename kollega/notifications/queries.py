"""Reading notifications: grouped per thread, unread counts, always through access.

An item can become unreadable after a notification about it was written (moved into a
restricted community, removed by moderation), so every read checks the items it shows
against kollega.access in one query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kollega import access
from kollega.notifications.models import Notification
from kollega.people.models import Person

SCAN = 200
UNREAD_CAP = 99


def _readable(viewer: Person, rows: list[Notification]) -> list[Notification]:
    item_ids = {n.item_id for n in rows if n.item_id}
    visible = set()
    if item_ids:
        visible = set(
            access.visible_items(viewer).filter(pk__in=item_ids).values_list("pk", flat=True)
        )
    return [n for n in rows if n.item_id is None or n.item_id in visible]


@dataclass
class Group:
    """Notifications about one thread (or one event without a thread), newest first."""

    key: str
    reason: str
    latest: Notification
    notifications: list[Notification] = field(default_factory=list)
    unread: bool = False

    @property
    def actors(self) -> list[Person]:
        seen, people = set(), []
        for n in self.notifications:
            if n.event.actor_id not in seen:
                seen.add(n.event.actor_id)
                people.append(n.event.actor)
        return people

    @property
    def others(self) -> int:
        return max(0, len(self.actors) - 1)

    @property
    def created(self) -> datetime:
        return self.latest.created


def grouped(viewer: Person, *, unread_only: bool = False, limit: int = 20) -> list[Group]:
    qs = Notification.objects.filter(recipient=viewer)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    rows = list(
        qs.select_related(
            "event__actor", "event__place", "event__person", "item", "item__place"
        ).order_by("-created", "-id")[:SCAN]
    )
    groups: dict[str, Group] = {}
    for n in _readable(viewer, rows):
        key = f"item:{n.item_id}:{n.reason}" if n.item_id else f"event:{n.event_id}"
        group = groups.get(key)
        if group is None:
            if len(groups) == limit:
                continue
            group = groups[key] = Group(key=key, reason=n.reason, latest=n)
        group.notifications.append(n)
        group.unread = group.unread or n.read_at is None
    return list(groups.values())


def unread_count(viewer: Person) -> int:
    """Unread notifications the viewer may still read, capped at 99 (shown as 99+)."""
    rows = list(
        Notification.objects.filter(recipient=viewer, read_at__isnull=True)
        .only("pk", "item_id")
        .order_by("-created")[: UNREAD_CAP + 1]
    )
    return len(_readable(viewer, rows))
