"""Every write of moderation: reporting an item, removing it, dismissing its reports and
restoring it. A removed item keeps its row (for audit); kollega.access hides it everywhere."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content.models import Item
from kollega.moderation.models import MAX_NOTE, Report
from kollega.moderation.queries import can_decide, is_staff
from kollega.people.models import Person


def _clean_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({field: _("A note is at most %(n)d characters.") % {"n": MAX_NOTE}})
    return note


def _require_decider(actor: Person, item: Item) -> None:
    if not (is_staff(actor) or can_decide(actor, item)):
        raise PermissionDenied(
            _("Only the owners of %(place)s and administrators decide about reports on this.")
            % {"place": item.place.name}
        )


@transaction.atomic
def report_item(actor: Person, item: Item, *, reason: str, note: str = "") -> Report:
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot report this."))
    if item.author_id == actor.pk:
        raise ValidationError(_("This is your own post; edit it instead of reporting it."))
    if reason not in Report.Reason.values:
        raise ValidationError({"reason": _("Choose a reason from the list.")})
    note = _clean_note(note)
    if reason == Report.Reason.OTHER and not note:
        raise ValidationError({"note": _("Say what is wrong, so a moderator can judge it.")})
    now = timezone.now()
    try:
        # A savepoint, so that a concurrent duplicate leaves the transaction usable.
        with transaction.atomic():
            report = Report.objects.create(
                item=item, reporter=actor, reason=reason, note=note, created=now
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already reported this; a moderator will look at it.")
        ) from None
    record(actor, Event.Verb.REPORT, item=item, at=now, data={"report": report.pk,
           "reason": reason})  # fmt: skip
    return report


def _close_open_reports(actor: Person, item: Item, state: str, note: str, now) -> list[str]:
    """Decide every open report on the item; returns their reasons."""
    reports = Report.objects.select_for_update().filter(item=item, state=Report.State.OPEN)
    reasons = sorted(set(reports.values_list("reason", flat=True)))
    reports.update(state=state, decided_by=actor, decided_at=now, decision_note=note)
    return reasons


@transaction.atomic
def remove_item(actor: Person, item: Item, *, note: str = "") -> Item:
    """Take an item off every surface; its open reports are decided as "removed"."""
    _require_decider(actor, item)
    note = _clean_note(note, "decision_note")
    now = timezone.now()
    # The conditional update is the check: of two moderators deciding at once, one removes.
    if not Item.objects.filter(pk=item.pk, removed_at__isnull=True).update(removed_at=now):
        raise ValidationError(_("This was already removed."))
    item.removed_at = now
    reasons = _close_open_reports(actor, item, Report.State.REMOVED, note, now)
    record(actor, Event.Verb.REMOVE, item=item, person=item.author, at=now,
           data={"note": note, "reasons": reasons})  # fmt: skip
    return item


@transaction.atomic
def dismiss_reports(actor: Person, item: Item, *, note: str = "") -> int:
    """The item stays; its open reports are dismissed. Returns how many."""
    _require_decider(actor, item)
    note = _clean_note(note, "decision_note")
    now = timezone.now()
    count = Report.objects.filter(item=item, state=Report.State.OPEN).count()
    if not count:
        raise ValidationError(_("There are no open reports about this."))
    _close_open_reports(actor, item, Report.State.DISMISSED, note, now)
    record(actor, Event.Verb.DECLINE, item=item, at=now,
           data={"moderation": "dismiss", "reports": count})  # fmt: skip
    return count


@transaction.atomic
def restore_item(actor: Person, item: Item) -> Item:
    """Put a removed item back (administrators only); its reports stay decided, for audit."""
    if not is_staff(actor):
        raise PermissionDenied(_("Only administrators can restore removed items."))
    if not Item.objects.filter(pk=item.pk, removed_at__isnull=False).update(removed_at=None):
        raise ValidationError(_("This item is not removed."))
    item.removed_at = None
    record(actor, Event.Verb.APPROVE, item=item, person=item.author,
           data={"moderation": "restore"})  # fmt: skip
    return item
