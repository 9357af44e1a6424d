"""Recording Events. Only the actions layer calls this, inside its transaction.

Recording an event also tells the people it concerns (kollega/notifications/rules.py), in
the same transaction, and pushes it to open pages once the transaction commits.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from kollega.activity.models import Event


def record(actor, verb: str, *, item=None, reply=None, place=None, person=None, data=None, at=None):
    from kollega.notifications import dispatch, rules
    from kollega.search.index import event_recorded

    if item is not None and place is None:
        place = item.place
    event = Event.objects.create(
        actor=actor,
        verb=verb,
        item=item,
        reply=reply,
        place=place,
        person=person,
        data=data or {},
        published=at or timezone.now(),
    )
    event_recorded(event)  # keeps the search index up to date in this transaction
    notifications = rules.notify(event)
    transaction.on_commit(lambda: dispatch.committed(event, notifications))
    return event
