"""Reads about places: the community catalog, members and pending requests."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from kollega import access
from kollega.core.models import Tag
from kollega.people.models import Person
from kollega.places.models import JoinRequest, Membership, Place

CATALOG_SORTS = {
    # Content Darwinism: what is active floats up; dormant communities sink but stay listed.
    "activity": ("-last_activity_at", "-pk"),
    "name": ("name", "pk"),
    "size": ("-member_count", "-last_activity_at", "-pk"),
}


def catalog(
    viewer: Person, *, sort: str = "activity", tag: str = "", mine: bool = False, q: str = ""
) -> QuerySet[Place]:
    """Communities the viewer may see, with their tags, in the asked order."""
    qs = access.visible_places(viewer).filter(kind=Place.Kind.COMMUNITY)
    if mine:
        qs = qs.filter(pk__in=access.member_place_ids(viewer))
    if tag:
        qs = qs.filter(tags__name=tag.lower())
    q = " ".join((q or "").split())
    if q:
        qs = qs.filter(name__icontains=q)
    order = CATALOG_SORTS.get(sort, CATALOG_SORTS["activity"])
    return qs.prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name"))).order_by(*order)


def members(place: Place, role: str | None = None) -> QuerySet[Membership]:
    qs = place.memberships.select_related("person", "person__org_unit", "person__location")
    if role:
        qs = qs.filter(role=role)
    # Owners first, then editors, then members.
    rank = Case(
        When(role=Membership.Role.OWNER, then=Value(0)),
        When(role=Membership.Role.EDITOR, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return qs.order_by(rank, "person__search_name")


def pending_requests(place: Place) -> QuerySet[JoinRequest]:
    return place.join_requests.filter(
        state=JoinRequest.State.PENDING, invited_by__isnull=True
    ).select_related("person")


def pending_invitations_for(person: Person) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        person=person, state=JoinRequest.State.PENDING, invited_by__isnull=False
    ).select_related("place", "invited_by")


def requests_to_decide(person: Person) -> QuerySet[JoinRequest]:
    """Pending join requests in communities the person owns (their "action required")."""
    owned = Membership.objects.filter(person=person, role=Membership.Role.OWNER).values("place_id")
    return JoinRequest.objects.filter(
        place_id__in=owned, state=JoinRequest.State.PENDING, invited_by__isnull=True
    ).select_related("place", "person")
