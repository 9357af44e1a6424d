"""Reads about the network, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from kollega import access
from kollega.network.models import Contact, Follow, Invitation
from kollega.network.paths import PathResult, find_paths
from kollega.people.models import Person
from kollega.people.queries import people


def contact_ids(person_id: int) -> set[int]:
    return set(Contact.objects.filter(person_id=person_id).values_list("other_id", flat=True))


def contacts(viewer: Person, person: Person, q: str = "") -> QuerySet[Person]:
    """The person's network as the viewer may see it (empty when hidden from the viewer)."""
    if not access.can_see_network(viewer, person):
        return Person.objects.none()
    qs = people().filter(pk__in=Contact.objects.filter(person=person).values("other_id"))
    q = " ".join((q or "").lower().split())
    if q:
        qs = qs.filter(Q(search_name__startswith=q) | Q(search_name__contains=" " + q))
    return qs.order_by("search_name", "pk")


def network_size(viewer: Person, person: Person) -> int | None:
    """How many contacts; None when the person's network is hidden from the viewer."""
    if not access.can_see_network(viewer, person):
        return None
    return Contact.objects.filter(person=person).count()


def pending_received(person: Person) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        recipient=person, state=Invitation.State.PENDING
    ).select_related("sender", "sender__org_unit", "sender__location")


def pending_sent(person: Person) -> QuerySet[Invitation]:
    return Invitation.objects.filter(sender=person, state=Invitation.State.PENDING).select_related(
        "recipient", "recipient__org_unit", "recipient__location"
    )


@dataclass
class Relation:
    """How the viewer stands to another person, for buttons on a profile."""

    is_contact: bool
    invited_by_me: Invitation | None
    invited_me: Invitation | None
    following: bool


def relation(viewer: Person, person: Person) -> Relation:
    pending = list(
        Invitation.objects.filter(
            Q(sender=viewer, recipient=person) | Q(sender=person, recipient=viewer),
            state=Invitation.State.PENDING,
        )
    )
    return Relation(
        is_contact=Contact.objects.filter(person=viewer, other=person).exists(),
        invited_by_me=next((i for i in pending if i.sender_id == viewer.pk), None),
        invited_me=next((i for i in pending if i.sender_id == person.pk), None),
        following=Follow.objects.filter(follower=viewer, person=person).exists(),
    )


def followers_count(person: Person) -> int:
    return Follow.objects.filter(person=person).count()


@dataclass
class Connection:
    hops: int | None
    paths: list[list[Person]]
    shared_contacts: int


def who_connects_us(viewer: Person, person: Person) -> Connection:
    """Shortest paths (up to three hops) from the viewer to ``person`` through contacts.

    A contact between two other people is only revealed when one of them lets the viewer see
    their network; people without an active account never appear on a path.
    """
    shown: set[int] = set()

    def neighbours(pid: int) -> set[int]:
        return set(
            Contact.objects.filter(person_id=pid, other__user__is_active=True).values_list(
                "other_id", flat=True
            )
        )

    def prepare(ids: set[int]) -> None:
        shown.update(access.network_visible_ids(viewer, ids))

    def edges_between(a: set[int], b: set[int]):
        if not a or not b:
            return []
        return Contact.objects.filter(person_id__in=list(a), other_id__in=list(b)).values_list(
            "person_id", "other_id"
        )

    def allowed(a: int, b: int) -> bool:
        return viewer.pk in (a, b) or a in shown or b in shown

    result: PathResult = find_paths(
        viewer.pk, person.pk, neighbours, edges_between, allowed_edge=allowed, prepare=prepare
    )
    ids = {pid for path in result.paths for pid in path}
    found = {p.pk: p for p in people().filter(pk__in=ids)}
    paths = [
        [found[pid] for pid in path] for path in result.paths if all(pid in found for pid in path)
    ]
    return Connection(result.hops if paths else None, paths, result.shared_contacts)
