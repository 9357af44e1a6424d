"""Things in common between the viewer and another person."""

from __future__ import annotations

from dataclasses import dataclass, field

from kollega import access
from kollega.core.models import Tag
from kollega.network.models import Contact
from kollega.people.models import Person, PersonTag
from kollega.people.queries import people
from kollega.places.models import Membership, Place

SHOW = 8


@dataclass
class InCommon:
    shared_contacts: list[Person] = field(default_factory=list)
    shared_contact_count: int = 0
    communities: list[Place] = field(default_factory=list)
    tags_received: list[str] = field(default_factory=list)
    tags_given: list[str] = field(default_factory=list)
    same_manager: Person | None = None
    same_org_unit: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.shared_contact_count
            or self.communities
            or self.tags_received
            or self.tags_given
            or self.same_manager
            or self.same_org_unit
        )


def in_common(viewer: Person, person: Person) -> InCommon:
    result = InCommon()
    if viewer.pk == person.pk:
        return result
    # Shared contacts: only when the other person lets the viewer see their network.
    if access.can_see_network(viewer, person):
        shared = Contact.objects.filter(person=viewer, other__user__is_active=True).filter(
            other_id__in=Contact.objects.filter(person=person).values("other_id")
        )
        result.shared_contact_count = shared.count()
        ids = list(shared.values_list("other_id", flat=True)[:SHOW])
        result.shared_contacts = list(people().filter(pk__in=ids))
    # Communities both belong to that the viewer can see (the viewer is a member, so all).
    theirs = Membership.objects.filter(person=person).values("place_id")
    result.communities = list(
        access.visible_places(viewer)
        .filter(kind=Place.Kind.COMMUNITY, memberships__person=viewer, pk__in=theirs)
        .order_by("-last_activity_at")[:SHOW]
    )
    result.tags_received = _names(
        PersonTag.objects.filter(person=viewer).values("tag_id"),
        PersonTag.objects.filter(person=person).values("tag_id"),
    )
    result.tags_given = _names(
        PersonTag.objects.filter(tagger=viewer).values("tag_id"),
        PersonTag.objects.filter(tagger=person).values("tag_id"),
    )
    if viewer.manager_id and viewer.manager_id == person.manager_id:
        result.same_manager = viewer.manager
    result.same_org_unit = bool(viewer.org_unit_id and viewer.org_unit_id == person.org_unit_id)
    return result


def _names(mine, theirs) -> list[str]:
    return list(
        Tag.objects.filter(pk__in=mine).filter(pk__in=theirs).values_list("name", flat=True)[:20]
    )
