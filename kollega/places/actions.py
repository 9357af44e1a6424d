"""Writes about places: creating communities, joining and leaving open ones.

Join requests, invitations and role changes for moderated and restricted communities come
with the communities issue; the rules they need already live in kollega.access.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.core import markdown
from kollega.core.tags import get_or_create_tags, parse_list
from kollega.people.models import Person
from kollega.places.models import Membership, Place


def unique_slug(name: str) -> str:
    base = slugify(name)[:140] or "place"
    slug, n = base, 2
    while Place.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def create_community(
    actor: Person,
    name: str,
    *,
    description: str = "",
    access: str = Place.Access.OPEN,
    tags: str | list[str] | None = None,
) -> Place:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("A community needs a name.")})
    if len(name) > 160:
        raise ValidationError({"name": _("A name is at most 160 characters.")})
    if access not in Place.Access.values:
        raise ValidationError({"access": _("Choose open, moderated or restricted.")})
    if len(description or "") > 10_000:
        raise ValidationError({"description": _("The description is too long.")})
    now = timezone.now()
    place = Place.objects.create(
        kind=Place.Kind.COMMUNITY,
        slug=unique_slug(name),
        name=name,
        description=description or "",
        description_html=markdown.render(description or ""),
        access=access,
        last_activity_at=now,
        member_count=1,
    )
    names = parse_list(tags)
    if names:
        place.tags.set(get_or_create_tags(names))
    Membership.objects.create(place=place, person=actor, role=Membership.Role.OWNER)
    record(actor, Event.Verb.CREATE, place=place, at=now)
    return place


@transaction.atomic
def join_place(actor: Person, place: Place) -> Membership:
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError(_("Only communities can be joined."))
    existing = Membership.objects.filter(place=place, person=actor).first()
    if existing:
        raise ValidationError(_("You are already a member of %(p)s.") % {"p": place.name})
    if place.access != Place.Access.OPEN:
        raise PermissionDenied(
            _("%(p)s is not open; ask an owner to let you in.") % {"p": place.name}
        )
    membership = Membership.objects.create(place=place, person=actor)
    Place.objects.filter(pk=place.pk).update(member_count=F("member_count") + 1)
    record(actor, Event.Verb.JOIN, place=place)
    return membership


@transaction.atomic
def leave_place(actor: Person, place: Place) -> None:
    membership = Membership.objects.filter(place=place, person=actor).first()
    if membership is None:
        raise ValidationError(_("You are not a member of %(p)s.") % {"p": place.name})
    if place.kind == Place.Kind.BOARD:
        raise ValidationError(_("You cannot leave your own board."))
    if (
        membership.role == Membership.Role.OWNER
        and not place.memberships.filter(role=Membership.Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(_("You are the last owner; make someone else an owner first."))
    membership.delete()
    Place.objects.filter(pk=place.pk, member_count__gt=0).update(member_count=F("member_count") - 1)
    record(actor, Event.Verb.LEAVE, place=place)


@transaction.atomic
def add_member(actor: Person, place: Place, person: Person, role: str = Membership.Role.MEMBER):
    """Owners (and staff) add people directly; used for restricted places and the org editors."""
    is_owner = Membership.objects.filter(
        place=place, person=actor, role=Membership.Role.OWNER
    ).exists()
    if not (is_owner or actor.user.is_staff):
        raise PermissionDenied(_("Only an owner of %(p)s can add members.") % {"p": place.name})
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    membership, created = Membership.objects.update_or_create(
        place=place, person=person, defaults={"role": role}
    )
    if created:
        Place.objects.filter(pk=place.pk).update(member_count=F("member_count") + 1)
        record(actor, Event.Verb.JOIN, place=place, person=person, data={"role": role})
    return membership
