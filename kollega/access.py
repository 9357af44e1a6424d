"""The one authority on who may see and do what.

Every surface (pages, API, search, stream, feeds, notifications, recommendations, counts)
asks this module. A view never writes its own filter: it calls ``visible_items``,
``item_for`` or ``can_*`` here, so a rule changes in one place and every surface follows.

Rules today:
- An open or moderated place is readable by everyone signed in; a restricted place only by
  its members.
- An item is readable when its place is and it has not been removed by moderation.
- Posting: on a board, its owner, and others as the owner's "who may post on my board"
  setting allows (everyone / my network / only me); in a community, its members; in the
  organisation place, its owners and editors.
- A person's network (their contacts) is visible as their "who may see my network" setting
  allows.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from kollega.content.models import Item, ItemShare, Reply
from kollega.network.models import Contact
from kollega.people.models import Audience, Person
from kollega.places.models import Membership, Place

PUBLIC_ACCESS = (Place.Access.OPEN, Place.Access.MODERATED)


def member_place_ids(viewer: Person):
    """A subquery of the places the viewer belongs to (kept lazy so it runs in SQL)."""
    return Membership.objects.filter(person=viewer).values("place_id")


def visible_places(viewer: Person) -> QuerySet[Place]:
    return Place.objects.filter(
        Q(access__in=PUBLIC_ACCESS) | Q(pk__in=member_place_ids(viewer)) | Q(owner=viewer)
    )


def shared_item_ids(viewer: Person):
    """A subquery of the items shared with the viewer or with a place they belong to."""
    return ItemShare.objects.filter(
        Q(person=viewer) | Q(place_id__in=member_place_ids(viewer))
    ).values("item_id")


def _by_place(viewer: Person, via: str = "") -> Q:
    """Not private, and in a place the viewer may read (``via``: the path to the item)."""
    return Q(**{f"{via}private": False}) & (
        Q(**{f"{via}place__access__in": PUBLIC_ACCESS})
        | Q(**{f"{via}place_id__in": member_place_ids(viewer)})
    )


def visible_items(viewer: Person) -> QuerySet[Item]:
    """Every item the viewer may read, as a queryset to filter and order further."""
    private = Q(private=True) & (Q(author=viewer) | Q(pk__in=shared_item_ids(viewer)))
    return Item.objects.filter(removed_at__isnull=True).filter(_by_place(viewer) | private)


def readable_public(viewer: Person, via: str) -> Q:
    """The items the viewer may read that are not private, as a condition on rows that
    reach an item through ``via`` ("item__"), for counting in SQL without listing them:
    the same rule as ``visible_items`` for what is not private."""
    return Q(**{f"{via}removed_at__isnull": True}) & _by_place(viewer, via)


def visible_replies(viewer: Person, item: Item) -> QuerySet[Reply]:
    """Replies the viewer may read under an item they may already read."""
    if not can_read(viewer, item):
        return Reply.objects.none()
    return item.replies.filter(removed_at__isnull=True)


def role_in(viewer: Person, place: Place) -> str | None:
    if place.kind == Place.Kind.BOARD and place.owner_id == viewer.pk:
        return Membership.Role.OWNER
    return (
        Membership.objects.filter(place=place, person=viewer).values_list("role", flat=True).first()
    )


def can_see_place(viewer: Person, place: Place) -> bool:
    if place.access in PUBLIC_ACCESS or place.owner_id == viewer.pk:
        return True
    return role_in(viewer, place) is not None


def share_role(viewer: Person, item: Item) -> str | None:
    """The best role the viewer has on an item through shares (editor beats reader)."""
    roles = set(
        ItemShare.objects.filter(item=item)
        .filter(Q(person=viewer) | Q(place_id__in=member_place_ids(viewer)))
        .values_list("role", flat=True)
    )
    if ItemShare.Role.EDITOR in roles:
        return ItemShare.Role.EDITOR
    return ItemShare.Role.READER if roles else None


def can_read(viewer: Person, item: Item) -> bool:
    if item.removed_at is not None:
        return False
    if item.private:
        return item.author_id == viewer.pk or share_role(viewer, item) is not None
    return can_see_place(viewer, item.place)


def are_contacts(a_id: int, b_id: int) -> bool:
    return Contact.objects.filter(person_id=a_id, other_id=b_id).exists()


def audience_allows(viewer: Person, owner_id: int, audience: str) -> bool:
    """Does a privacy setting of ``owner`` let ``viewer`` in?"""
    if viewer.pk == owner_id or audience == Audience.EVERYONE:
        return True
    if audience == Audience.NETWORK:
        return are_contacts(viewer.pk, owner_id)
    return False


def can_see_network(viewer: Person, person: Person) -> bool:
    return audience_allows(viewer, person.pk, person.network_visibility)


def network_visible_ids(viewer: Person, person_ids) -> set[int]:
    """Of ``person_ids``, those whose contacts the viewer may see (one or two queries).

    Most people show their network to everyone, so only the exceptions are read.
    """
    ids = set(person_ids)
    if not ids:
        return set()
    restricted = dict(
        Person.objects.filter(pk__any_of=sorted(ids))
        .exclude(network_visibility=Audience.EVERYONE)
        .values_list("pk", "network_visibility")
    )
    restricted.pop(viewer.pk, None)
    allowed = ids - set(restricted)
    network_only = {pk for pk, audience in restricted.items() if audience == Audience.NETWORK}
    if network_only:
        allowed |= set(
            Contact.objects.filter(
                person=viewer, other_id__any_of=sorted(network_only)
            ).values_list("other_id", flat=True)
        )
    return allowed


def can_post(viewer: Person, place: Place) -> bool:
    if place.kind == Place.Kind.BOARD:
        owner = place.owner
        return owner is not None and audience_allows(viewer, owner.pk, owner.board_posting)
    role = role_in(viewer, place)
    if place.kind == Place.Kind.ORGANISATION:
        return role in (Membership.Role.OWNER, Membership.Role.EDITOR)
    return role is not None


def can_edit(viewer: Person, item: Item) -> bool:
    if not can_read(viewer, item):
        return False
    if item.author_id == viewer.pk:
        return True
    if share_role(viewer, item) == ItemShare.Role.EDITOR:
        return True
    return role_in(viewer, item.place) == Membership.Role.OWNER


def can_reply(viewer: Person, item: Item) -> bool:
    """Anyone who can read an item may reply, like and save it."""
    return can_read(viewer, item)


def place_for(viewer: Person, slug: str) -> Place:
    """The place with this slug, or 404 when it does not exist or the viewer may not see it."""
    place = visible_places(viewer).filter(slug=slug).select_related("owner").first()
    if place is None:
        raise Http404("No such place.")
    return place


def item_for(viewer: Person, item_id: int) -> Item:
    """The item, or 404 when it does not exist or the viewer may not read it.

    404 rather than 403 so that a restricted item's existence is not revealed.
    """
    item = (
        visible_items(viewer)
        .select_related("author", "place", "place__owner")
        .filter(pk=item_id)
        .first()
    )
    if item is None:
        raise Http404("No such item.")
    return item
