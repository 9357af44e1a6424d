"""Every write about official news: the organisation place, its editors, and articles.

An article's Item part goes through content.actions (which records the create/update Event
and checks that only owners and editors post in the organisation place); its lead, featured
window and audience live in NewsDetail, written in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content import actions as content_actions
from kollega.content.models import Item
from kollega.news.models import MAX_SUMMARY, NewsDetail
from kollega.news.queries import is_editor, organisation_place
from kollega.people.models import Location, OrgUnit, Person
from kollega.places.actions import unique_slug
from kollega.places.models import Membership, Place

ORGANISATION_SLUG = "organisation"
# An audience is a handful of departments or sites; hundreds would be a mistake.
MAX_AUDIENCE = 100
UNSET = object()


@transaction.atomic
def get_organisation_place() -> Place:
    """The organisation place, created (open, named "News") the first time it is needed."""
    place = organisation_place()
    if place is not None:
        return place
    # A community may already use the slug "organisation"; the kind is what identifies it.
    slug = ORGANISATION_SLUG
    if Place.objects.filter(slug=slug).exists():
        slug = unique_slug(ORGANISATION_SLUG)
    return Place.objects.create(
        kind=Place.Kind.ORGANISATION,
        slug=slug,
        name="News",
        access=Place.Access.OPEN,
        last_activity_at=timezone.now(),
    )


def _require_staff(actor: Person) -> None:
    if not actor.user.is_staff:
        raise PermissionDenied(_("Only administrators can choose who edits the news."))


def _require_editor(actor: Person) -> None:
    if not is_editor(actor):
        raise PermissionDenied(
            _("Only the organisation's news editors can publish or edit news articles.")
        )


@transaction.atomic
def grant_editor(actor: Person, person: Person) -> Membership:
    _require_staff(actor)
    if not person.user.is_active:
        raise ValidationError(_("%(n)s has no active account.") % {"n": person.name})
    place = get_organisation_place()
    membership = Membership.objects.select_for_update().filter(place=place, person=person).first()
    if membership is not None and membership.role == Membership.Role.OWNER:
        raise ValidationError(_("%(n)s owns the news and publishes already.") % {"n": person.name})
    if membership is not None and membership.role == Membership.Role.EDITOR:
        raise ValidationError(_("%(n)s is already a news editor.") % {"n": person.name})
    if membership is None:
        membership = Membership.objects.create(
            place=place, person=person, role=Membership.Role.EDITOR
        )
        Place.objects.filter(pk=place.pk).update(member_count=F("member_count") + 1)
    else:
        membership.role = Membership.Role.EDITOR
        membership.save(update_fields=["role"])
    record(actor, Event.Verb.UPDATE, place=place, person=person,
           data={"role": Membership.Role.EDITOR})  # fmt: skip
    return membership


@transaction.atomic
def revoke_editor(actor: Person, person: Person) -> None:
    _require_staff(actor)
    place = get_organisation_place()
    membership = Membership.objects.select_for_update().filter(place=place, person=person).first()
    if membership is None or membership.role == Membership.Role.MEMBER:
        raise ValidationError(_("%(n)s is not a news editor.") % {"n": person.name})
    if membership.role == Membership.Role.OWNER:
        # Owners are set up with the organisation place itself (admin), not here.
        raise ValidationError(
            _("%(n)s owns the news; change owners in the administration.") % {"n": person.name}
        )
    membership.delete()
    Place.objects.filter(pk=place.pk, member_count__gt=0).update(member_count=F("member_count") - 1)
    record(actor, Event.Verb.LEAVE, place=place, person=person,
           data={"role": Membership.Role.EDITOR})  # fmt: skip


def _require_body(body: str | None) -> None:
    # Items may be a title alone; an article is always written out.
    if not (body or "").strip():
        raise ValidationError({"body": _("Write the article: the text is empty.")})


def _clean_summary(summary: str) -> str:
    summary = " ".join((summary or "").split())
    if len(summary) > MAX_SUMMARY:
        raise ValidationError(
            {"summary": _("A summary is at most %(n)d characters.") % {"n": MAX_SUMMARY}}
        )
    return summary


def _clean_featured_until(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value <= timezone.now():
        raise ValidationError(
            {
                "featured_until": _(
                    "Pick a time in the future, or leave it empty to not feature the article."
                )
            }
        )
    return value


def _same_minute(a: datetime | None, b: datetime | None) -> bool:
    """Forms send times to the minute, so a stored time comes back without its seconds."""
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < 60


def _pick(model, values, field: str, label: str) -> list:
    """Org units or locations by instance or id; an unknown id is an error, not a miss."""
    values = list(values or [])
    if len(values) > MAX_AUDIENCE:
        raise ValidationError(
            {field: _("Choose at most %(n)d %(what)s.") % {"n": MAX_AUDIENCE, "what": label}}
        )
    ids = {v.pk if isinstance(v, model) else v for v in values}
    if not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in ids):
        raise ValidationError({field: _("Choose %(what)s from the list.") % {"what": label}})
    found = list(model.objects.filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError({field: _("Some of these %(what)s do not exist.") % {"what": label}})
    return found


@transaction.atomic
def create_news(
    actor: Person,
    *,
    title: str,
    body: str,
    summary: str = "",
    tags: str | list[str] | None = None,
    featured_until: datetime | None = None,
    org_units=(),
    locations=(),
) -> Item:
    _require_editor(actor)
    if not (title or "").strip():
        raise ValidationError({"title": _("A news article needs a title.")})
    _require_body(body)
    summary = _clean_summary(summary)
    featured_until = _clean_featured_until(featured_until)
    units = _pick(OrgUnit, org_units, "org_units", _("org units"))
    places = _pick(Location, locations, "locations", _("locations"))
    item = content_actions.create_item(
        actor, get_organisation_place(), kind=Item.Kind.NEWS, title=title, body=body, tags=tags
    )
    detail = NewsDetail.objects.create(item=item, summary=summary, featured_until=featured_until)
    detail.audience_units.set(units)
    detail.audience_locations.set(places)
    return item


@transaction.atomic
def update_news(
    actor: Person,
    item: Item,
    *,
    title: str | None = None,
    body: str | None = None,
    tags: str | list[str] | None = None,
    summary: str | None = None,
    featured_until=UNSET,
    org_units=None,
    locations=None,
) -> Item:
    """Change an article; None (and, for featured_until, leaving it out) keeps a field.

    featured_until=None stops featuring the article.
    """
    _require_editor(actor)
    if item.kind != Item.Kind.NEWS or item.place.kind != Place.Kind.ORGANISATION:
        raise ValidationError(_("This is not a news article."))
    if not access.can_edit(actor, item):
        raise PermissionDenied(
            _("Only the article's author or an owner of the news can edit this article.")
        )
    if title is not None and not title.strip():
        raise ValidationError({"title": _("A news article needs a title.")})
    if body is not None:
        _require_body(body)
    detail, _created = NewsDetail.objects.get_or_create(item=item)
    if summary is not None:
        detail.summary = _clean_summary(summary)
    # An edit form sends the stored window back unchanged even once it has passed.
    if featured_until is not UNSET and not _same_minute(featured_until, detail.featured_until):
        detail.featured_until = _clean_featured_until(featured_until)
    units = None if org_units is None else _pick(OrgUnit, org_units, "org_units", _("org units"))
    places = None if locations is None else _pick(Location, locations, "locations", _("locations"))
    # The Item part (title, body, tags) and the update Event go through the content spine.
    content_actions.update_item(actor, item, title=title, body=body, tags=tags, editor="news")
    detail.save(update_fields=["summary", "featured_until"])
    if units is not None:
        detail.audience_units.set(units)
    if places is not None:
        detail.audience_locations.set(places)
    return item
