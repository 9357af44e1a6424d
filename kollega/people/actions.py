"""Every write about people: accounts, profiles, photos, profile tags and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.core import markdown
from kollega.core.models import Tag
from kollega.core.tags import get_or_create_tags, parse_list
from kollega.people.models import ApiToken, Location, OrgUnit, Person, PersonTag
from kollega.people.photos import process_photo
from kollega.places.models import Membership, Place

MAX_ABOUT = 10_000
PROFILE_FIELDS = ("name", "job_title", "phone", "about", "email", "org_unit", "location", "manager")


def board_slug(username: str) -> str:
    return f"board-{slugify(username) or 'person'}"


@transaction.atomic
def create_person(
    username: str,
    name: str,
    *,
    email: str = "",
    password: str | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
    **profile,
) -> Person:
    """A user account, its profile and its board, together."""
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ValidationError(_("A username is required."))
    if User.objects.filter(username=username).exists():
        raise ValidationError(_("The username “%(u)s” is taken.") % {"u": username})
    if email:
        validate_email(email)
    user = User(username=username, email=email, is_staff=is_staff, is_superuser=is_superuser)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return ensure_person(user, name=name, **profile)


def ensure_person(user, *, name: str | None = None, **profile) -> Person:
    """The user's Person, creating it (and its board) the first time it is needed."""
    existing = Person.objects.filter(user=user).first()
    if existing:
        return existing
    with transaction.atomic():
        display = (name or user.get_full_name() or user.username).strip()
        person = Person(
            user=user,
            username=user.username,
            name=display,
            email=user.email,
            search_name=display.lower(),
            **profile,
        )
        person.about_html = markdown.render(person.about)
        person.full_clean(exclude=["user", "photo"])
        person.save()
        board = Place.objects.create(
            kind=Place.Kind.BOARD,
            slug=board_slug(user.username),
            name=display,
            owner=person,
            last_activity_at=timezone.now(),
            member_count=1,
        )
        Membership.objects.create(place=board, person=person, role=Membership.Role.OWNER)
        # Recorded so that everything that follows events (search index, analytics) sees
        # the new colleague at once.
        record(person, Event.Verb.CREATE, person=person, place=board)
        return person


def _check_manager(person: Person, manager: Person | None) -> None:
    seen = {person.pk}
    current = manager
    while current is not None:
        if current.pk in seen:
            raise ValidationError(
                {
                    "manager": _("%(m)s reports to %(p)s; a reporting line cannot loop.")
                    % {"m": manager.name, "p": person.name}
                }
            )
        seen.add(current.pk)
        current = current.manager


@transaction.atomic
def update_profile(actor: Person, person: Person, **changes) -> Person:
    """Edit a profile. People edit their own; staff may edit anyone's."""
    if actor.pk != person.pk and not actor.user.is_staff:
        raise PermissionDenied(_("You can only edit your own profile."))
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown profile fields: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    if "about" in changes and len(changes["about"] or "") > MAX_ABOUT:
        raise ValidationError(
            {"about": _("About is limited to %(n)d characters.") % {"n": MAX_ABOUT}}
        )
    if "manager" in changes:
        _check_manager(person, changes["manager"])
    for field, value in changes.items():
        setattr(
            person,
            field,
            value if value is not None or field in ("org_unit", "location", "manager") else "",
        )
    person.name = (person.name or "").strip()
    if not person.name:
        raise ValidationError({"name": _("Your name cannot be empty.")})
    person.search_name = person.name.lower()
    person.about_html = markdown.render(person.about)
    person.full_clean(exclude=["user", "photo"])
    person.save()
    user = person.user
    if user.email != person.email:
        user.email = person.email
        user.save(update_fields=["email"])
    if person.board.name != person.name:
        Place.objects.filter(pk=person.board.pk).update(name=person.name)
    record(actor, Event.Verb.UPDATE, person=person, data={"fields": sorted(changes)})
    return person


@transaction.atomic
def set_photo(actor: Person, person: Person, upload) -> Person:
    if actor.pk != person.pk and not actor.user.is_staff:
        raise PermissionDenied(_("You can only change your own photo."))
    content = process_photo(upload)
    old = person.photo.name if person.photo else None
    person.photo.save(content.name, content, save=False)
    person.save(update_fields=["photo"])
    if old:
        transaction.on_commit(lambda: person.photo.storage.delete(old))
    record(actor, Event.Verb.UPDATE, person=person, data={"fields": ["photo"]})
    return person


@transaction.atomic
def tag_person(actor: Person, person: Person, tags: str | list[str]) -> list[Tag]:
    """Anyone may tag a colleague (or themselves). Tagging twice with one tag is a no-op."""
    names = parse_list(tags)
    if not names:
        raise ValidationError(_("Give at least one tag."))
    tag_objects = get_or_create_tags(names)
    already = set(
        PersonTag.objects.filter(person=person, tagger=actor, tag__in=tag_objects).values_list(
            "tag_id", flat=True
        )
    )
    new = [t for t in tag_objects if t.pk not in already]
    PersonTag.objects.bulk_create([PersonTag(person=person, tagger=actor, tag=t) for t in new])
    if new:
        record(actor, Event.Verb.TAG, person=person, data={"tags": [t.name for t in new]})
    return new


@transaction.atomic
def remove_person_tag(actor: Person, person: Person, tag_name: str) -> int:
    """The profile's owner removes a tag entirely; a tagger may withdraw their own."""
    tag = Tag.objects.filter(name=tag_name).first()
    if tag is None:
        raise ValidationError(_("“%(t)s” is not a tag on this profile.") % {"t": tag_name})
    rows = PersonTag.objects.filter(person=person, tag=tag)
    if actor.pk != person.pk:
        rows = rows.filter(tagger=actor)
        if not rows.exists():
            raise PermissionDenied(
                _("Only %(p)s can remove tags others gave them.") % {"p": person.name}
            )
    deleted, _details = rows.delete()
    if not deleted:
        raise ValidationError(_("“%(t)s” is not a tag on this profile.") % {"t": tag_name})
    record(actor, Event.Verb.UNTAG, person=person, data={"tags": [tag.name]})
    return deleted


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(actor: Person, name: str) -> tuple[ApiToken, str]:
    """A new personal access token. The plain token is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, e.g. the script that uses it.")})
    if len(name) > 80:
        raise ValidationError({"name": _("A token name is at most 80 characters.")})
    if actor.api_tokens.filter(revoked__isnull=True).count() >= 20:
        raise ValidationError(_("You have 20 active tokens; revoke one first."))
    plain = "klg_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        person=actor, name=name, prefix=plain[:10], digest=_digest(plain)
    )
    return token, plain


@transaction.atomic
def revoke_token(actor: Person, token_id: int) -> ApiToken:
    token = actor.api_tokens.filter(pk=token_id, revoked__isnull=True).first()
    if token is None:
        raise ValidationError(_("No such active token."))
    token.revoked = timezone.now()
    token.save(update_fields=["revoked"])
    return token


def person_for_token(plain: str) -> Person | None:
    token = (
        ApiToken.objects.select_related("person__user")
        .filter(digest=_digest(plain or ""), revoked__isnull=True)
        .first()
    )
    if token is None or not token.person.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.person


def get_or_create_org_unit(name: str, parent: OrgUnit | None = None) -> OrgUnit:
    slug = slugify(name) or "unit"
    unit = OrgUnit.objects.filter(slug=slug).first()
    if unit:
        return unit
    try:
        with transaction.atomic():
            return OrgUnit.objects.create(name=name, slug=slug, parent=parent)
    except IntegrityError:
        return OrgUnit.objects.get(slug=slug)


def get_or_create_location(country: str, city: str, time_zone: str) -> Location:
    location, _created = Location.objects.get_or_create(
        country=country.upper(), city=city, defaults={"time_zone": time_zone}
    )
    return location
