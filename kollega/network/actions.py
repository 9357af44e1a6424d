"""Every write about the network: invitations, contacts, following, dismissed suggestions,
and the privacy settings that govern who sees a network and who posts on a board."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.network.models import Contact, DismissedSuggestion, Follow, Invitation
from kollega.people.models import Audience, Person

MAX_MESSAGE = 1000


def _pending(sender: Person, recipient: Person):
    return Invitation.objects.filter(
        sender=sender, recipient=recipient, state=Invitation.State.PENDING
    )


@transaction.atomic
def invite(actor: Person, recipient: Person, message: str = "") -> Invitation:
    """Invite a colleague to your network. If they already invited you, this accepts theirs."""
    if recipient.pk == actor.pk:
        raise ValidationError(_("You cannot invite yourself to your own network."))
    if not recipient.user.is_active:
        raise ValidationError(_("%(p)s no longer has an account.") % {"p": recipient.name})
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise ValidationError(
            {"message": _("The message is at most %(n)d characters.") % {"n": MAX_MESSAGE}}
        )
    if Contact.objects.filter(person=actor, other=recipient).exists():
        raise ValidationError(_("%(p)s is already in your network.") % {"p": recipient.name})
    if _pending(actor, recipient).exists():
        raise ValidationError(_("You have already invited %(p)s.") % {"p": recipient.name})
    theirs = _pending(recipient, actor).first()
    if theirs is not None:
        return accept_invitation(actor, theirs)
    invitation = Invitation.objects.create(
        sender=actor, recipient=recipient, message=message, created=timezone.now()
    )
    record(actor, Event.Verb.INVITE, person=recipient, data={"invitation": invitation.pk})
    return invitation


def _decide(actor: Person, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.recipient_id != actor.pk:
        raise PermissionDenied(_("Only the person invited can answer this invitation."))
    if invitation.state != Invitation.State.PENDING:
        raise ValidationError(_("This invitation was already answered."))
    return invitation


@transaction.atomic
def accept_invitation(actor: Person, invitation: Invitation) -> Invitation:
    invitation = _decide(actor, invitation)
    now = timezone.now()
    invitation.state = Invitation.State.ACCEPTED
    invitation.decided_at = now
    invitation.save(update_fields=["state", "decided_at"])
    a, b = invitation.sender_id, invitation.recipient_id
    Contact.objects.bulk_create(
        [
            Contact(person_id=a, other_id=b, created=now),
            Contact(person_id=b, other_id=a, created=now),
        ],
        ignore_conflicts=True,
    )
    record(actor, Event.Verb.CONNECT, person=invitation.sender, at=now,
           data={"invitation": invitation.pk})  # fmt: skip
    return invitation


@transaction.atomic
def ignore_invitation(actor: Person, invitation: Invitation) -> Invitation:
    invitation = _decide(actor, invitation)
    invitation.state = Invitation.State.IGNORED
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "decided_at"])
    return invitation


@transaction.atomic
def withdraw_invitation(actor: Person, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.sender_id != actor.pk:
        raise PermissionDenied(_("Only the person who sent an invitation can withdraw it."))
    if invitation.state != Invitation.State.PENDING:
        raise ValidationError(_("This invitation was already answered."))
    invitation.state = Invitation.State.WITHDRAWN
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "decided_at"])
    return invitation


@transaction.atomic
def remove_contact(actor: Person, other: Person) -> None:
    deleted, _details = Contact.objects.filter(
        Q(person=actor, other=other) | Q(person=other, other=actor)
    ).delete()
    if not deleted:
        raise ValidationError(_("%(p)s is not in your network.") % {"p": other.name})
    record(actor, Event.Verb.DISCONNECT, person=other)


@transaction.atomic
def follow_person(actor: Person, person: Person) -> Follow:
    if person.pk == actor.pk:
        raise ValidationError(_("You cannot follow yourself."))
    if Follow.objects.filter(follower=actor, person=person).exists():
        raise ValidationError(_("You already follow %(p)s.") % {"p": person.name})
    follow = Follow.objects.create(follower=actor, person=person, created=timezone.now())
    record(actor, Event.Verb.FOLLOW, person=person)
    return follow


@transaction.atomic
def unfollow_person(actor: Person, person: Person) -> None:
    deleted, _details = Follow.objects.filter(follower=actor, person=person).delete()
    if not deleted:
        raise ValidationError(_("You do not follow %(p)s.") % {"p": person.name})
    record(actor, Event.Verb.UNFOLLOW, person=person)


@transaction.atomic
def dismiss_suggestion(actor: Person, person: Person) -> None:
    if person.pk == actor.pk:
        raise ValidationError(_("You cannot dismiss yourself."))
    DismissedSuggestion.objects.get_or_create(person=actor, suggested=person)


@transaction.atomic
def set_privacy(
    actor: Person, *, network_visibility: str | None = None, board_posting: str | None = None
) -> Person:
    fields = []
    for name, value in (
        ("network_visibility", network_visibility),
        ("board_posting", board_posting),
    ):
        if value is None:
            continue
        if value not in Audience.values:
            raise ValidationError({name: _("Choose everyone, network or me.")})
        setattr(actor, name, value)
        fields.append(name)
    if fields:
        actor.save(update_fields=fields)
        record(actor, Event.Verb.UPDATE, person=actor, data={"fields": fields})
    return actor
