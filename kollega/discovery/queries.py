"""Discovery's reads: questions addressed to a person, and an asked question's status.

Expertise lists live in experts.py (``experts_for``, ``top_topics``), Ask suggestions in
ask.py and recommendations in recommendations.py.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from kollega import access
from kollega.content.models import Item, Reply
from kollega.discovery.models import RoutedQuestion
from kollega.people.models import Person

MAX_ROUTED_LIST = 200


def routed_to(person: Person, limit: int = 50) -> list[RoutedQuestion]:
    """Questions addressed to ``person`` still waiting for them ("Action required"): not
    declined, not answered by them, the question not yet answered, and only while they may
    read it (someone who left the restricted community no longer sees it). Newest first;
    one query."""
    replied = Reply.objects.filter(item=OuterRef("item_id"), author=person, removed_at__isnull=True)
    # Access as a correlated EXISTS, checked for each routed row (a person has a handful);
    # ``item__in=visible_items(...)`` would have SQLite list every readable item first.
    readable = access.visible_items(person).filter(pk=OuterRef("item_id"))
    return list(
        RoutedQuestion.objects.filter(
            Exists(readable),
            person=person,
            state=RoutedQuestion.State.OPEN,
            item__question__state="open",
        )
        .exclude(Exists(replied))
        .select_related("item", "item__author", "item__place", "routed_by")
        .order_by("-created", "-id")[: max(1, min(int(limit), MAX_ROUTED_LIST))]
    )


def routed_for(person: Person, routed_id: int) -> RoutedQuestion:
    """A question addressed to ``person``, or 404 (also once they may no longer read it)."""
    routed = (
        RoutedQuestion.objects.filter(pk=routed_id, person=person)
        .select_related("item", "item__author", "item__place", "routed_by")
        .first()
    )
    if routed is None or not access.can_read(person, routed.item):
        raise Http404("No such question for you.")
    return routed


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
