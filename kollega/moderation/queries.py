"""Who reviews what, and the reads of the moderation pages, starting from kollega.access.

Community owners review reports about items in their communities (items they can read);
staff review everything, boards and the organisation place included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.content.models import Item
from kollega.core.pagination import Page, keyset_page
from kollega.moderation.models import Report
from kollega.people.models import Person
from kollega.places.models import Membership, Place

QUEUE_LIMIT = 50
MINE_LIMIT = 50
PAGE_SIZE = 20


def is_staff(person: Person) -> bool:
    return person.user.is_staff


def owned_communities(viewer: Person) -> QuerySet[Membership]:
    return Membership.objects.filter(
        person=viewer, role=Membership.Role.OWNER, place__kind=Place.Kind.COMMUNITY
    )


def is_reviewer(viewer: Person) -> bool:
    return is_staff(viewer) or owned_communities(viewer).exists()


def reviewable_items(viewer: Person) -> QuerySet[Item]:
    """The (not removed) items whose reports the viewer may decide."""
    if is_staff(viewer):
        return Item.objects.filter(removed_at__isnull=True)
    return access.visible_items(viewer).filter(
        place__kind=Place.Kind.COMMUNITY,
        place_id__in=owned_communities(viewer).values("place_id"),
    )


def can_decide(viewer: Person, item: Item) -> bool:
    return item.removed_at is None and reviewable_items(viewer).filter(pk=item.pk).exists()


def item_to_decide(viewer: Person, item_id: int) -> Item:
    """The item, 404 when the viewer may not read it (staff read all), 403 when they may read
    it but not decide about it."""
    item = Item.objects.select_related("author", "place").filter(pk=item_id).first()
    if item is None:
        raise Http404(_("No such item."))
    if is_staff(viewer):
        return item
    if not access.can_read(viewer, item):
        raise Http404(_("No such item."))
    if not can_decide(viewer, item):
        raise PermissionDenied(
            _("Only the owners of %(place)s and administrators decide about reports on this.")
            % {"place": item.place.name}
        )
    return item


def removed_item(viewer: Person, item_id: int) -> Item:
    """A removed item for an administrator to restore."""
    if not is_staff(viewer):
        raise PermissionDenied(_("Only administrators can restore removed items."))
    item = Item.objects.select_related("author", "place").filter(pk=item_id).first()
    if item is None:
        raise Http404(_("No such item."))
    return item


@dataclass
class QueueEntry:
    """One reported item with its open reports, for the review queue."""

    item: Item
    count: int
    first_reported: datetime
    reports: list[Report] = field(default_factory=list)

    @property
    def reasons(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for report in self.reports:
            label = str(report.get_reason_display())
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def review_queue(viewer: Person, limit: int = QUEUE_LIMIT) -> list[QueueEntry]:
    """Open reports the viewer may decide, grouped by item: most reported first, then the
    longest waiting (four queries whatever the size of the queue)."""
    open_reports = Report.objects.filter(state=Report.State.OPEN)
    groups = list(
        open_reports.filter(item__in=reviewable_items(viewer))
        .values("item_id")
        .annotate(n=Count("pk"), first=Min("created"))
        .order_by("-n", "first", "item_id")[:limit]
    )
    ids = [group["item_id"] for group in groups]
    items = Item.objects.select_related("author", "place", "place__owner").in_bulk(ids)
    entries = {
        group["item_id"]: QueueEntry(items[group["item_id"]], group["n"], group["first"])
        for group in groups
    }
    for report in open_reports.filter(item_id__in=ids).select_related("reporter"):
        entries[report.item_id].reports.append(report)
    for entry in entries.values():
        entry.reports.sort(key=lambda report: (report.created, report.pk))
    return [entries[pk] for pk in ids]


def removed_items(viewer: Person, cursor: str | None = None, limit: int = PAGE_SIZE) -> Page:
    """Every removed item, most recently removed first (staff only)."""
    if not is_staff(viewer):
        raise PermissionDenied(_("Only administrators see removed items."))
    qs = (
        Item.objects.filter(removed_at__isnull=False)
        .select_related("author", "place", "place__owner")
        .annotate(report_count=Count("reports", filter=Q(reports__state=Report.State.REMOVED)))
    )
    return keyset_page(qs, field="removed_at", cursor=cursor, limit=limit)


@dataclass
class RemovedNotice:
    item: Item
    note: str
    reasons: list[str]


def my_removed_items(viewer: Person, limit: int = MINE_LIMIT) -> list[RemovedNotice]:
    """The viewer's own items that moderators removed, with what the moderator said."""
    items = list(
        Item.objects.filter(author=viewer, removed_at__isnull=False)
        .select_related("place", "place__owner")
        .order_by("-removed_at", "-pk")[:limit]
    )
    events: dict[int, dict] = {}
    removals = Event.objects.filter(verb=Event.Verb.REMOVE, item__in=[i.pk for i in items])
    for item_id, data in removals.order_by("published", "pk").values_list("item_id", "data"):
        events[item_id] = data or {}
    labels = dict(Report.Reason.choices)
    notices = []
    for item in items:
        data = events.get(item.pk, {})
        reasons = [str(labels.get(reason, reason)) for reason in data.get("reasons", [])]
        notices.append(RemovedNotice(item, str(data.get("note", "")), reasons))
    return notices


def my_reports(viewer: Person, limit: int = MINE_LIMIT) -> list[Report]:
    """Reports the viewer made, newest first, about items they may still see (or that were
    removed from a place they may still see)."""
    still_visible = Q(item__in=access.visible_items(viewer)) | Q(
        item__removed_at__isnull=False,
        item__private=False,
        item__place__in=access.visible_places(viewer),
    )
    return list(
        Report.objects.filter(reporter=viewer)
        .filter(still_visible)
        .select_related("item", "item__place")
        .order_by("-created", "-pk")[:limit]
    )
