"""Writes about notifications: marking read, email preferences."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega.notifications.models import EmailPreference, Notification
from kollega.notifications.preferences import KINDS
from kollega.people.models import Person


def mark_read(actor: Person, notification_ids: list[int]) -> int:
    """Mark the actor's own notifications read (others' ids are ignored)."""
    return Notification.objects.filter(
        recipient=actor, pk__in=notification_ids, read_at__isnull=True
    ).update(read_at=timezone.now())


def mark_thread_read(actor: Person, item_id: int) -> int:
    return Notification.objects.filter(
        recipient=actor, item_id=item_id, read_at__isnull=True
    ).update(read_at=timezone.now())


def mark_all_read(actor: Person) -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def set_email_preference(actor: Person, kind: str, scope: str, frequency: str) -> EmailPreference:
    if kind not in KINDS:
        raise ValidationError({"kind": _("“%(k)s” is not a kind of notification.") % {"k": kind}})
    if scope not in EmailPreference.Scope.values:
        raise ValidationError({"scope": _("Choose “mine” or “following”.")})
    if frequency not in EmailPreference.Frequency.values:
        raise ValidationError({"frequency": _("Choose each, daily, weekly or none.")})
    pref, _created = EmailPreference.objects.update_or_create(
        person=actor, kind=kind, scope=scope, defaults={"frequency": frequency}
    )
    return pref
