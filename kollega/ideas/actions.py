"""Every write to ideas: submitting, voting, taking a vote back, and owners' decisions."""

from __future__ import annotations

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
from kollega.core import markdown
from kollega.ideas.models import Idea, IdeaVote
from kollega.people.models import Person
from kollega.places.models import Membership, Place

MAX_NOTE = 5_000


def _idea_for_update(item: Item) -> Idea:
    # Locking the idea serialises votes on it, so vote_count stays exact.
    idea = Idea.objects.select_for_update().filter(item_id=item.pk).first()
    if idea is None:
        raise ValidationError(_("This is not an idea."))
    return idea


@transaction.atomic
def create_idea(
    actor: Person,
    place: Place,
    *,
    title: str,
    body: str,
    tags: str | list[str] | None = None,
) -> Item:
    """Members submit ideas in a community; an idea needs a title people can vote on."""
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError({"place": _("Ideas are submitted in a community.")})
    if not (title or "").strip():
        raise ValidationError({"title": _("Give your idea a short title.")})
    if not (body or "").strip():
        raise ValidationError({"body": _("Describe the idea, so people know what they vote for.")})
    item = content_actions.create_item(
        actor, place, kind=Item.Kind.IDEA, title=title, body=body, tags=tags
    )
    Idea.objects.create(item=item)
    return item


def votes_used(person: Person, place: Place) -> int:
    """How many of the person's votes in a community are on open ideas (what the cap counts)."""
    return IdeaVote.objects.filter(
        person=person, idea__state=Idea.State.OPEN, idea__item__place=place
    ).count()


@transaction.atomic
def vote(actor: Person, item: Item) -> bool:
    """A member votes for an open idea; returns False when they had voted already.

    Beyond the community's cap the vote is refused and nothing changes.
    """
    place = item.place
    if access.role_in(actor, place) is None:
        raise PermissionDenied(
            _("Only members of %(place)s can vote. Join the community first.")
            % {"place": place.name}
        )
    idea = _idea_for_update(item)
    if idea.state != Idea.State.OPEN:
        raise ValidationError(
            _("This idea is %(state)s: it takes no more votes.")
            % {"state": idea.get_state_display().lower()}
        )
    if IdeaVote.objects.filter(idea=idea, person=actor).exists():
        return False
    cap = place.idea_vote_cap
    if cap is not None:
        # Lock the membership so two votes at once cannot both pass the cap.
        Membership.objects.select_for_update().filter(place=place, person=actor).first()
        if votes_used(actor, place) >= cap:
            raise ValidationError(
                _(
                    "You have used all %(cap)d of your votes in %(place)s. Take a vote back "
                    "from another open idea first."
                )
                % {"cap": cap, "place": place.name}
            )
    now = timezone.now()
    IdeaVote.objects.create(idea=idea, person=actor, created=now)
    Idea.objects.filter(pk=idea.pk).update(vote_count=F("vote_count") + 1)
    record(actor, Event.Verb.VOTE, item=item, data={"idea": item.pk}, at=now)
    return True


@transaction.atomic
def unvote(actor: Person, item: Item) -> bool:
    """Take a vote back while the idea is open; returns False when there was none."""
    idea = _idea_for_update(item)
    if idea.state != Idea.State.OPEN:
        raise ValidationError(_("This idea is decided: its votes are final."))
    deleted, _details = IdeaVote.objects.filter(idea=idea, person=actor).delete()
    if deleted:
        Idea.objects.filter(pk=idea.pk, vote_count__gt=0).update(vote_count=F("vote_count") - 1)
    return bool(deleted)


def _original(idea: Idea, duplicate_of: int | None) -> Idea:
    if not duplicate_of:
        raise ValidationError({"duplicate_of": _("Name the idea this one duplicates.")})
    original = (
        Idea.objects.select_related("item")
        .filter(pk=duplicate_of, item__place_id=idea.item.place_id, item__removed_at__isnull=True)
        .first()
    )
    if original is None:
        raise ValidationError(
            {"duplicate_of": _("The original must be another idea in the same community.")}
        )
    if original.pk == idea.pk:
        raise ValidationError({"duplicate_of": _("An idea cannot duplicate itself.")})
    if original.state == Idea.State.DUPLICATE:
        raise ValidationError(
            {"duplicate_of": _("That idea is itself a duplicate; name its original instead.")}
        )
    return original


@transaction.atomic
def decide(
    actor: Person,
    item: Item,
    *,
    state: str,
    duplicate_of: int | None = None,
    note: str = "",
) -> Idea:
    """An owner of the community accepts, declines or marks an idea duplicate, or reopens it."""
    if access.role_in(actor, item.place) != Membership.Role.OWNER:
        raise PermissionDenied(_("Only the community's owners decide on ideas."))
    if state not in Idea.State.values:
        raise ValidationError({"state": _("“%(s)s” is not a state of an idea.") % {"s": state}})
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("A note is at most %(n)d characters.") % {"n": MAX_NOTE}})
    idea = _idea_for_update(item)
    idea.item = item
    if state == idea.state and state == Idea.State.OPEN:
        raise ValidationError({"state": _("This idea is open already.")})
    idea.duplicate_of = _original(idea, duplicate_of) if state == Idea.State.DUPLICATE else None
    if state == Idea.State.OPEN:
        idea.decided_by, idea.decided_at, note = None, None, ""
    else:
        idea.decided_by, idea.decided_at = actor, timezone.now()
    idea.state = state
    idea.decision_note = note
    idea.decision_note_html = markdown.render(note) if note else ""
    idea.save()
    record(actor, Event.Verb.UPDATE, item=item, data={"state": state})
    return idea
