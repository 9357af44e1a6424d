"""The one authority on who may see and do what.

Every surface (pages, API, search, stream, feeds, notifications, recommendations, counts)
asks this module. A view never writes its own filter: it calls ``visible_items``,
``item_for`` or ``can_*`` here, so a rule changes in one place and every surface follows.

Rules today:
- An open or moderated place is readable by everyone signed in; a restricted place only by
  its members.
- An item is readable when its place is and it has not been removed by moderation.
- Posting: on a board, its owner (board privacy comes with the network issue); in a
  community, its members; in the organisation place, its owners and editors.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from kollega.content.models import Item, Reply
from kollega.people.models import Person
from kollega.places.models import Membership, Place

PUBLIC_ACCESS = (Place.Access.OPEN, Place.Access.MODERATED)


def member_place_ids(viewer: Person):
    """A subquery of the places the viewer belongs to (kept lazy so it runs in SQL)."""
    return Membership.objects.filter(person=viewer).values("place_id")


def visible_places(viewer: Person) -> QuerySet[Place]:
    return Place.objects.filter(
        Q(access__in=PUBLIC_ACCESS) | Q(pk__in=member_place_ids(viewer)) | Q(owner=viewer)
    )


def visible_items(viewer: Person) -> QuerySet[Item]:
    """Every item the viewer may read, as a queryset to filter and order further."""
    return Item.objects.filter(removed_at__isnull=True).filter(
        Q(place__access__in=PUBLIC_ACCESS) | Q(place_id__in=member_place_ids(viewer))
    )


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


def can_read(viewer: Person, item: Item) -> bool:
    if item.removed_at is not None:
        return False
    return can_see_place(viewer, item.place)


def can_post(viewer: Person, place: Place) -> bool:
    if place.kind == Place.Kind.BOARD:
        return place.owner_id == viewer.pk
    role = role_in(viewer, place)
    if place.kind == Place.Kind.ORGANISATION:
        return role in (Membership.Role.OWNER, Membership.Role.EDITOR)
    return role is not None


def can_edit(viewer: Person, item: Item) -> bool:
    if not can_read(viewer, item):
        return False
    if item.author_id == viewer.pk:
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
