"""Keeping the materialised tables current: a full rebuild in blocks of people, and an
incremental pass that reads the event log since the last pass.

The incremental pass exists because the writes that change someone's evidence (posting,
tagging, accepting an answer) live in other apps' actions; every one of them records an
Event, so the log says whose expertise to recompute without those actions knowing about
discovery. Run it from the worker or cron (``kollega refresh_expertise --changed``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Min

from kollega.activity.models import Event
from kollega.discovery import expertise, responsiveness
from kollega.discovery.models import RefreshMark, RoutedQuestion
from kollega.people.models import Person

BLOCK = 500  # people per aggregate pass: bounded memory, a visible progress bar

# Verbs whose actor's evidence changes, and those whose object person's does.
ACTOR_VERBS = ("create", "update", "delete", "reply", "ask")
PERSON_VERBS = ("tag", "untag", "accept-answer")
EVENT_BATCH = 50_000


def refresh_all(progress=None) -> int:
    """Recompute everyone; ``progress`` is called with the number of people done per block."""
    bounds = Person.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return 0
    top_event = Event.objects.aggregate(top=Max("pk"))["top"] or 0
    written = 0
    for low in range(bounds["low"], bounds["high"] + 1, BLOCK):
        high = low + BLOCK
        written += expertise.refresh_range(low, high)
        responsiveness.refresh_range(low, high)
        if progress:
            progress(Person.objects.filter(pk__gte=low, pk__lt=high).count())
    _set_mark(top_event)
    return written


def refresh_people(person_ids) -> None:
    """Synchronous recompute of a few people (after a write, and in tests)."""
    ids = set(person_ids)
    expertise.refresh_people(ids)
    responsiveness.refresh_people(ids)


@transaction.atomic
def refresh_changed() -> int:
    """Recompute the people whose evidence changed since the last pass; returns how many."""
    mark = RefreshMark.objects.select_for_update().first() or RefreshMark.objects.create()
    events = Event.objects.filter(pk__gt=mark.last_event_id).order_by("pk")[:EVENT_BATCH]
    people: set[int] = set()
    replies: set[tuple[int, int]] = set()
    last = mark.last_event_id
    for pk, verb, actor_id, person_id, item_id in events.values_list(
        "pk", "verb", "actor_id", "person_id", "item_id"
    ):
        last = pk
        if verb in ACTOR_VERBS:
            people.add(actor_id)
        if verb in PERSON_VERBS and person_id:
            people.add(person_id)
        if verb == "reply" and item_id:
            replies.add((item_id, actor_id))
    refresh_people(people)
    _settle_routed(replies)
    mark.last_event_id = last
    mark.save()
    return len(people)


def _settle_routed(replies: set[tuple[int, int]]) -> None:
    """A person who replied to a question routed to them has answered it."""
    for item_id, person_id in replies:
        RoutedQuestion.objects.filter(
            item_id=item_id, person_id=person_id, state=RoutedQuestion.State.OPEN
        ).update(state=RoutedQuestion.State.ANSWERED)


def _set_mark(event_id: int) -> None:
    mark = RefreshMark.objects.first() or RefreshMark()
    mark.last_event_id = max(mark.last_event_id, event_id)
    mark.save()
