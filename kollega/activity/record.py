"""Recording Events. Only the actions layer calls this, inside its transaction."""

from __future__ import annotations

from django.utils import timezone

from kollega.activity.models import Event


def record(actor, verb: str, *, item=None, reply=None, place=None, person=None, data=None, at=None):
    if item is not None and place is None:
        place = item.place
    return Event.objects.create(
        actor=actor,
        verb=verb,
        item=item,
        reply=reply,
        place=place,
        person=person,
        data=data or {},
        published=at or timezone.now(),
    )
