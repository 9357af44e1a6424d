"""Notification emails: one at a time ("each") or gathered in daily / weekly digests.

Every email is plain text plus HTML and carries a one-click unsubscribe link for the kind
it is about (also as List-Unsubscribe headers, RFC 8058). Nothing about an item the
recipient can no longer read is ever sent: each notification is checked against the
access layer at sending time.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kollega import access
from kollega.notifications.models import EmailPreference, Notification
from kollega.notifications.preferences import REASON_KIND, frequencies, frequency_for

F = EmailPreference.Frequency
UNSUBSCRIBE_SALT = "kollega.unsubscribe"
DIGEST_LIMIT = 50


def unsubscribe_token(person_id: int, kind: str, scope: str) -> str:
    return signing.dumps({"p": person_id, "k": kind, "s": scope}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=timedelta(days=365))
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"p", "k", "s"} <= set(data):
        return None
    return data


def site_url(path: str) -> str:
    return settings.KOLLEGA_SITE_URL.rstrip("/") + path


def _readable(person, rows: list[Notification]) -> list[Notification]:
    ids = {n.item_id for n in rows if n.item_id}
    visible = set()
    if ids:
        visible = set(access.visible_items(person).filter(pk__in=ids).values_list("pk", flat=True))
    return [n for n in rows if n.item_id is None or n.item_id in visible]


def unsubscribe_url(person_id: int, kind: str, scope: str) -> str:
    token = unsubscribe_token(person_id, kind, scope)
    return site_url(reverse("notifications-unsubscribe", args=[token]))


def _message(person, subject: str, template: str, context: dict, kind: str, scope: str):
    unsubscribe = unsubscribe_url(person.pk, kind, scope)
    context = {**context, "person": person, "unsubscribe_url": unsubscribe,
               "site_url": settings.KOLLEGA_SITE_URL, "site": site_url}  # fmt: skip
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[person.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _language(person):
    return translation.override(getattr(person, "language", None) or settings.LANGUAGE_CODE)


def send_each(notification_ids: list[int]) -> int:
    """Send the notifications whose recipients want each one by email; mark the others
    that want none as done. Digest ones are left for the digest."""
    rows = list(
        Notification.objects.filter(
            pk__in=notification_ids, emailed_at__isnull=True
        ).select_related("recipient", "event__actor", "item")
    )
    by_person = defaultdict(list)
    for n in rows:
        by_person[n.recipient_id].append(n)
    messages, done = [], []
    for notes in by_person.values():
        person = notes[0].recipient
        prefs = frequencies(person.pk)
        readable = {n.pk for n in _readable(person, notes)}
        for n in notes:
            frequency = frequency_for(prefs, n.reason)
            if frequency in (F.DAILY, F.WEEKLY):
                continue
            done.append(n.pk)
            if frequency == F.EACH and n.pk in readable and person.email:
                kind, scope = REASON_KIND.get(n.reason, ("replies", "following"))
                with _language(person):
                    subject = _("Kollega: %(reason)s") % {"reason": n.get_reason_display()}
                    messages.append(_message(person, subject, "each", {"n": n}, kind, scope))
    if messages:
        get_connection().send_messages(messages)
    Notification.objects.filter(pk__in=done).update(emailed_at=timezone.now())
    return len(messages)


def due_people(period: str) -> list[int]:
    """People with unsent notifications (candidates for a digest of this period)."""
    return list(
        Notification.objects.filter(emailed_at__isnull=True)
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def send_digests(period: str, now: datetime | None = None) -> int:
    """Send the daily or weekly digest to everyone who has notifications waiting for it."""
    assert period in (F.DAILY, F.WEEKLY)
    now = now or timezone.now()
    sent = 0
    for person_id in due_people(period):
        with transaction.atomic():
            sent += _digest_for(person_id, period, now)
    return sent


def _digest_for(person_id: int, period: str, now: datetime) -> int:
    prefs = frequencies(person_id)
    pending = list(
        Notification.objects.select_for_update(of=("self",))
        .filter(recipient_id=person_id, emailed_at__isnull=True)
        .select_related("recipient", "event__actor", "item")
        .order_by("-created")
    )
    mine = [n for n in pending if frequency_for(prefs, n.reason) == period]
    if not mine:
        return 0
    person = mine[0].recipient
    readable = _readable(person, mine)
    Notification.objects.filter(pk__in=[n.pk for n in mine]).update(emailed_at=now)
    if not readable or not person.email:
        return 0
    with _language(person):
        groups: dict[tuple[str, str], dict] = {}
        for n in readable[:DIGEST_LIMIT]:
            kind, scope = REASON_KIND.get(n.reason, ("replies", "following"))
            group = groups.setdefault(
                (kind, scope),
                {"label": str(n.get_reason_display()), "notifications": [],
                 "unsubscribe_url": unsubscribe_url(person.pk, kind, scope)},
            )  # fmt: skip
            group["notifications"].append(n)
        first_kind, first_scope = next(iter(groups))
        if period == F.DAILY:
            subject = _("Kollega: your daily digest (%(n)d)") % {"n": len(readable)}
        else:
            subject = _("Kollega: your weekly digest (%(n)d)") % {"n": len(readable)}
        context = {"groups": list(groups.values()), "count": len(readable), "period": period}
        message = _message(person, subject, "digest", context, first_kind, first_scope)
    message.send()
    return 1
