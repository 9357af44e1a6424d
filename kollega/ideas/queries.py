"""Reads of ideas, always starting from kollega.access."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kollega import access
from kollega.content.models import Item
from kollega.core.models import Tag
from kollega.ideas.actions import votes_used
from kollega.ideas.models import Idea, IdeaVote
from kollega.people.models import Person
from kollega.places.models import Place

SORTS = {"votes": ("-idea__vote_count", "-created", "-pk"), "newest": ("-created", "-pk")}
PAGE_SIZE = 20
RECENT_VOTERS = 30
# An owner marking a duplicate picks the original from this many of the most voted ideas.
MAX_ORIGINAL_CHOICES = 100


def idea_list(viewer: Person) -> QuerySet[Item]:
    """Idea items the viewer may read, with their state and what a list shows."""
    return (
        access.visible_items(viewer)
        .filter(kind=Item.Kind.IDEA, idea__isnull=False)
        .select_related("idea", "idea__duplicate_of__item", "author", "place")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name")))
    )


def mark_voted(viewer: Person, items: list[Item]) -> list[Item]:
    """Set ``voted`` on each idea for the viewer (one query for any page)."""
    ids = [item.pk for item in items]
    voted = set(
        IdeaVote.objects.filter(person=viewer, idea_id__in=ids).values_list("idea_id", flat=True)
    )
    for item in items:
        item.voted = item.pk in voted
    return items


def place_ideas(viewer: Person, place: Place, *, sort: str = "votes", state: str = "") -> QuerySet:
    qs = idea_list(viewer).filter(place=place)
    if state:
        qs = qs.filter(idea__state=state)
    return qs.order_by(*SORTS.get(sort, SORTS["votes"]))


@dataclass
class Allowance:
    """The viewer's votes in a community: the cap (None: no cap), used and left."""

    cap: int | None
    used: int

    @property
    def left(self) -> int | None:
        return None if self.cap is None else max(self.cap - self.used, 0)


def allowance(viewer: Person, place: Place) -> Allowance:
    if place.idea_vote_cap is None:
        return Allowance(None, 0)
    return Allowance(place.idea_vote_cap, votes_used(viewer, place))


def idea_detail(viewer: Person, item_id: int) -> Item:
    """One idea the viewer may read, with their vote, or 404."""
    item = idea_list(viewer).select_related("idea__decided_by").filter(pk=item_id).first()
    if item is None:
        raise Http404("No such idea.")
    mark_voted(viewer, [item])
    return item


def recent_voters(idea: Idea) -> list[Person]:
    votes = IdeaVote.objects.filter(idea=idea).select_related("person").order_by("-created")
    return [vote.person for vote in votes[:RECENT_VOTERS]]


def original_choices(viewer: Person, item: Item) -> list[tuple[int, str]]:
    """Ideas of the same community that this one could duplicate, most voted first."""
    qs = (
        place_ideas(viewer, item.place)
        .exclude(pk=item.pk)
        .exclude(idea__state=Idea.State.DUPLICATE)
        .values_list("pk", "title")
    )
    return [(pk, f"#{pk} {title}") for pk, title in qs[:MAX_ORIGINAL_CHOICES]]
