""" "Action required": what waits for the viewer to decide, in one list, newest first.

- network invitations they received (accept or ignore),
- invitations to communities (accept or decline),
- requests to join communities they own (approve or decline),
- their own open questions that others have answered (accept an answer),
- questions routed to them by the Ask flow (kollega.discovery.queries.routed_to).

Each source is one query (two for answers, which also load the latest answerer), however many
entries there are: six in all. Items pass through ``kollega.access`` like everywhere else: an
open question that was removed or a routed question in a community the viewer cannot read is
not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, OuterRef, Subquery

from kollega import access
from kollega.content.models import Item, Question, Reply
from kollega.network.queries import pending_received
from kollega.people.models import Person
from kollega.places.models import Place
from kollega.places.queries import pending_invitations_for, requests_to_decide

PER_SOURCE = 50


class Kind:
    NETWORK_INVITATION = "network_invitation"
    COMMUNITY_INVITATION = "community_invitation"
    JOIN_REQUEST = "join_request"
    ANSWER_TO_ACCEPT = "answer_to_accept"
    ROUTED_QUESTION = "routed_question"


@dataclass
class Action:
    """One thing to decide. ``id`` is the invitation's, the join request's or the item's."""

    kind: str
    id: int
    created: datetime
    person: Person | None = None
    place: Place | None = None
    item: Item | None = None
    message: str = ""
    count: int = 0


def network_invitations(viewer: Person) -> list[Action]:
    rows = pending_received(viewer).order_by("-created", "-pk")[:PER_SOURCE]
    return [
        Action(Kind.NETWORK_INVITATION, i.pk, i.created, person=i.sender, message=i.message)
        for i in rows
    ]


def community_invitations(viewer: Person) -> list[Action]:
    rows = pending_invitations_for(viewer).order_by("-created", "-pk")[:PER_SOURCE]
    return [
        Action(Kind.COMMUNITY_INVITATION, r.pk, r.created, person=r.invited_by, place=r.place,
               message=r.message)
        for r in rows
    ]  # fmt: skip


def join_requests(viewer: Person) -> list[Action]:
    rows = requests_to_decide(viewer).order_by("-created", "-pk")[:PER_SOURCE]
    return [
        Action(Kind.JOIN_REQUEST, r.pk, r.created, person=r.person, place=r.place,
               message=r.message)
        for r in rows
    ]  # fmt: skip


def answers_to_accept(viewer: Person) -> list[Action]:
    """The viewer's open questions with at least one reply by someone else."""
    others = Reply.objects.filter(item=OuterRef("pk"), removed_at__isnull=True).exclude(
        author_id=viewer.pk
    )
    latest = others.order_by("-created", "-pk")
    count = others.order_by().values("item").annotate(n=Count("pk")).values("n")
    items = list(
        access.visible_items(viewer)
        .filter(author=viewer, question__state=Question.State.OPEN)
        .annotate(
            answers=Subquery(count[:1]),
            last_answer_at=Subquery(latest.values("created")[:1]),
            last_answerer_id=Subquery(latest.values("author_id")[:1]),
        )
        .filter(answers__gt=0)
        .select_related("place")
        .order_by("-last_answer_at", "-pk")[:PER_SOURCE]
    )
    people = Person.objects.in_bulk({i.last_answerer_id for i in items}) if items else {}
    return [
        Action(Kind.ANSWER_TO_ACCEPT, i.pk, i.last_answer_at, item=i, place=i.place,
               person=people.get(i.last_answerer_id), count=i.answers)
        for i in items
    ]  # fmt: skip


def routed_questions(viewer: Person) -> list[Action]:
    """Questions the Ask flow addressed to the viewer, still waiting for their answer.

    ``routed_to`` already keeps only questions the viewer may read (through access) and
    loads each item's place and the asker. The import is guarded so that the stream works in
    a deployment without the discovery app.
    """
    try:
        from kollega.discovery.queries import routed_to
    except ImportError:  # pragma: no cover - discovery is part of every current deployment
        return []
    return [
        Action(Kind.ROUTED_QUESTION, r.item_id, r.created, person=r.routed_by, item=r.item,
               place=r.item.place, message=r.reason)
        for r in routed_to(viewer)[:PER_SOURCE]
    ]  # fmt: skip


SOURCES = (network_invitations, community_invitations, join_requests, answers_to_accept,
           routed_questions)  # fmt: skip


def action_required(viewer: Person) -> list[Action]:
    """Everything waiting for the viewer, newest first."""
    entries = [entry for source in SOURCES for entry in source(viewer)]
    entries.sort(key=lambda a: (a.created, a.id), reverse=True)
    return entries
