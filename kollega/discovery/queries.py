"""Discovery's reads: questions addressed to a person, and an asked question's status.

Expertise lists live in experts.py (``experts_for``, ``top_topics``), Ask suggestions in
ask.py and recommendations in recommendations.py.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from kollega import access
from kollega.content.models import Item, Reply
from kollega.discovery.models import RoutedQuestion
from kollega.people.models import Person


def routed_to(person: Person) -> QuerySet[RoutedQuestion]:
    """Questions addressed to ``person`` still waiting for them ("Action required"): not
    declined, not answered by them, the question not yet answered, and only while they may
    read it (someone who left the restricted community no longer sees it)."""
    replied = Reply.objects.filter(item=OuterRef("item_id"), author=person, removed_at__isnull=True)
    return (
        RoutedQuestion.objects.filter(
            person=person,
            state=RoutedQuestion.State.OPEN,
            item__in=access.visible_items(person),
            item__question__state="open",
        )
        .exclude(Exists(replied))
        .select_related("item", "item__author", "item__place", "routed_by")
        .order_by("-created", "-id")
    )


def routed_for_item(item: Item) -> list[RoutedQuestion]:
    """Who a question was addressed to, with whether each has replied (two queries)."""
    rows = list(
        RoutedQuestion.objects.filter(item=item)
        .select_related("person", "routed_by")
        .order_by("created", "id")
    )
    replied = set(
        Reply.objects.filter(
            item=item, removed_at__isnull=True, author_id__in=[r.person_id for r in rows]
        ).values_list("author_id", flat=True)
    )
    for row in rows:
        row.has_replied = row.person_id in replied
        if row.has_replied and row.state == RoutedQuestion.State.OPEN:
            row.state = RoutedQuestion.State.ANSWERED
    return rows


def asked_by(person: Person) -> QuerySet[Item]:
    """The person's questions that were addressed to someone, newest first."""
    routed = RoutedQuestion.objects.filter(item=OuterRef("pk"))
    return (
        access.visible_items(person)
        .filter(author=person, question__isnull=False)
        .filter(Exists(routed))
        .select_related("question", "place")
        .order_by("-created", "-id")
    )
