"""Writes about places: communities, their memberships, join requests and invitations.

- open: anyone joins directly; moderated: a request an owner approves or declines;
  restricted: only by an owner's invitation (the community is invisible to others).
- A community always keeps at least one owner: the last owner can neither leave nor be
  demoted or removed.
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
from kollega.places.models import JoinRequest, Membership, Place

# Words used in URLs under /places/ that a community's slug must not take.
RESERVED_SLUGS = {"new", "requests", "invitations", "mine", "catalog", "search", "api"}


def unique_slug(name: str) -> str:
    base = slugify(name)[:140] or "place"
    if base in RESERVED_SLUGS:
        base = f"{base}-community"
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


def _is_owner(person: Person, place: Place) -> bool:
    return Membership.objects.filter(
        place=place, person=person, role=Membership.Role.OWNER
    ).exists()


def _require_owner(actor: Person, place: Place) -> None:
    if not (_is_owner(actor, place) or actor.user.is_staff):
        raise PermissionDenied(_("Only an owner of %(p)s can do that.") % {"p": place.name})


def _add(place: Place, person: Person, role: str = Membership.Role.MEMBER) -> Membership:
    membership = Membership.objects.create(place=place, person=person, role=role)
    Place.objects.filter(pk=place.pk).update(member_count=F("member_count") + 1)
    return membership


def _check_joinable(actor: Person, place: Place) -> None:
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError(_("Only communities can be joined."))
    if Membership.objects.filter(place=place, person=actor).exists():
        raise ValidationError(_("You are already a member of %(p)s.") % {"p": place.name})


@transaction.atomic
def join_place(actor: Person, place: Place) -> Membership:
    _check_joinable(actor, place)
    if place.access != Place.Access.OPEN:
        raise PermissionDenied(
            _("%(p)s is not open; ask to join and an owner will decide.") % {"p": place.name}
        )
    membership = _add(place, actor)
    record(actor, Event.Verb.JOIN, place=place)
    return membership


@transaction.atomic
def request_to_join(actor: Person, place: Place, message: str = "") -> JoinRequest:
    """Ask to join a moderated community; its owners approve or decline."""
    _check_joinable(actor, place)
    if place.access == Place.Access.OPEN:
        raise ValidationError(_("%(p)s is open: join it directly.") % {"p": place.name})
    if place.access == Place.Access.RESTRICTED:
        raise PermissionDenied(_("Restricted communities are joined by invitation only."))
    if len(message or "") > 1000:
        raise ValidationError({"message": _("The message is at most 1000 characters.")})
    pending = JoinRequest.objects.filter(place=place, person=actor, state=JoinRequest.State.PENDING)
    if pending.exists():
        raise ValidationError(_("You have already asked to join %(p)s.") % {"p": place.name})
    request = JoinRequest.objects.create(
        place=place, person=actor, message=(message or "").strip(), created=timezone.now()
    )
    record(actor, Event.Verb.REQUEST_JOIN, place=place, data={"request": request.pk})
    return request


@transaction.atomic
def invite_to_community(
    actor: Person, place: Place, person: Person, message: str = ""
) -> JoinRequest:
    """An owner invites a colleague; the colleague accepts or declines."""
    _require_owner(actor, place)
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError(_("Only communities have invitations."))
    if Membership.objects.filter(place=place, person=person).exists():
        raise ValidationError(_("%(n)s is already a member.") % {"n": person.name})
    pending = JoinRequest.objects.filter(
        place=place, person=person, state=JoinRequest.State.PENDING
    ).first()
    if pending is not None and pending.is_invitation:
        raise ValidationError(_("%(n)s is already invited.") % {"n": person.name})
    if pending is not None:
        # They asked already: inviting them is approving their request.
        return decide_request(actor, pending, approve=True)
    if len(message or "") > 1000:
        raise ValidationError({"message": _("The message is at most 1000 characters.")})
    invitation = JoinRequest.objects.create(
        place=place,
        person=person,
        invited_by=actor,
        message=(message or "").strip(),
        created=timezone.now(),
    )
    record(actor, Event.Verb.INVITE, place=place, person=person, data={"request": invitation.pk})
    return invitation


def _pending_for_update(request: JoinRequest) -> JoinRequest:
    request = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("place", "person")
        .get(pk=request.pk)
    )
    if request.state != JoinRequest.State.PENDING:
        raise ValidationError(_("This was already answered."))
    return request


@transaction.atomic
def decide_request(actor: Person, request: JoinRequest, *, approve: bool) -> JoinRequest:
    """An owner approves or declines a request to join."""
    request = _pending_for_update(request)
    _require_owner(actor, request.place)
    if request.is_invitation:
        raise ValidationError(_("This is an invitation; the person invited answers it."))
    return _close(actor, request, approve)


@transaction.atomic
def answer_invitation(actor: Person, request: JoinRequest, *, accept: bool) -> JoinRequest:
    """The person invited accepts or declines an invitation to a community."""
    request = _pending_for_update(request)
    if not request.is_invitation or request.person_id != actor.pk:
        raise PermissionDenied(_("Only the person invited can answer this invitation."))
    return _close(actor, request, accept)


@transaction.atomic
def withdraw_request(actor: Person, request: JoinRequest) -> JoinRequest:
    request = _pending_for_update(request)
    mine = request.person_id == actor.pk and not request.is_invitation
    if not (mine or (request.is_invitation and _is_owner(actor, request.place))):
        raise PermissionDenied(_("You cannot withdraw this."))
    request.state = JoinRequest.State.WITHDRAWN
    request.decided_at = timezone.now()
    request.decided_by = actor
    request.save(update_fields=["state", "decided_at", "decided_by"])
    return request


def _close(actor: Person, request: JoinRequest, yes: bool) -> JoinRequest:
    request.state = JoinRequest.State.APPROVED if yes else JoinRequest.State.DECLINED
    request.decided_at = timezone.now()
    request.decided_by = actor
    request.save(update_fields=["state", "decided_at", "decided_by"])
    if yes and not Membership.objects.filter(place=request.place, person=request.person).exists():
        _add(request.place, request.person)
        record(
            request.person,
            Event.Verb.JOIN,
            place=request.place,
            data={"request": request.pk, "by": actor.pk},
        )
    verb = Event.Verb.APPROVE if yes else Event.Verb.DECLINE
    record(actor, verb, place=request.place, person=request.person, data={"request": request.pk})
    return request


@transaction.atomic
def set_role(actor: Person, place: Place, person: Person, role: str) -> Membership:
    """Promote a member to owner (or editor) or demote an owner; the last owner stays."""
    _require_owner(actor, place)
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    membership = Membership.objects.select_for_update().filter(place=place, person=person).first()
    if membership is None:
        raise ValidationError(_("%(n)s is not a member.") % {"n": person.name})
    if membership.role == Membership.Role.OWNER and role != Membership.Role.OWNER:
        _keep_an_owner(place, membership)
    membership.role = role
    membership.save(update_fields=["role"])
    record(actor, Event.Verb.UPDATE, place=place, person=person, data={"role": role})
    return membership


@transaction.atomic
def remove_member(actor: Person, place: Place, person: Person) -> None:
    _require_owner(actor, place)
    membership = Membership.objects.select_for_update().filter(place=place, person=person).first()
    if membership is None:
        raise ValidationError(_("%(n)s is not a member.") % {"n": person.name})
    if membership.role == Membership.Role.OWNER:
        _keep_an_owner(place, membership)
    membership.delete()
    Place.objects.filter(pk=place.pk, member_count__gt=0).update(member_count=F("member_count") - 1)
    record(actor, Event.Verb.LEAVE, place=place, person=person)


def _keep_an_owner(place: Place, membership: Membership) -> None:
    others = place.memberships.filter(role=Membership.Role.OWNER).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(
            _("A community needs at least one owner; make someone else an owner first.")
        )


def _require_community(place: Place) -> None:
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError(_("Only communities have these settings."))


@transaction.atomic
def update_community(actor: Person, place: Place, **changes) -> Place:
    _require_community(place)
    _require_owner(actor, place)
    allowed = {"name", "description", "access", "tags", "idea_vote_cap"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    if "name" in changes:
        name = (changes["name"] or "").strip()
        if not name or len(name) > 160:
            raise ValidationError({"name": _("A name is 1 to 160 characters.")})
        place.name = name
    if "description" in changes:
        if len(changes["description"] or "") > 10_000:
            raise ValidationError({"description": _("The description is too long.")})
        place.description = changes["description"] or ""
        place.description_html = markdown.render(place.description)
    if "access" in changes:
        if changes["access"] not in Place.Access.values:
            raise ValidationError({"access": _("Choose open, moderated or restricted.")})
        place.access = changes["access"]
    if "idea_vote_cap" in changes:
        cap = changes["idea_vote_cap"]
        valid = isinstance(cap, int) and not isinstance(cap, bool) and 1 <= cap <= 1000
        if cap is not None and not valid:
            raise ValidationError(
                {"idea_vote_cap": _("The cap is a number from 1 to 1000, or empty.")}
            )
        place.idea_vote_cap = cap
    place.save()
    if "tags" in changes:
        place.tags.set(get_or_create_tags(parse_list(changes["tags"])))
    record(actor, Event.Verb.UPDATE, place=place, data={"fields": sorted(changes)})
    return place


@transaction.atomic
def set_picture(actor: Person, place: Place, upload) -> Place:
    from kollega.people.photos import process_photo

    _require_community(place)
    _require_owner(actor, place)
    content = process_photo(upload)
    place.picture.save(content.name, content, save=False)
    place.save(update_fields=["picture"])
    record(actor, Event.Verb.UPDATE, place=place, data={"fields": ["picture"]})
    return place


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
