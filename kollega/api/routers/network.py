"""The network: invitations, contacts, following, privacy settings, how two people are
connected, what they have in common, and "do you know" suggestions.

A person's contacts are shown only as their "who may see my network" setting allows
(``kollega.access.can_see_network``). Listing hidden contacts is a 403 that says so, rather than
an empty list that would read as "no contacts"; counts and shared contacts elsewhere are null.
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.paging import offset_page
from kollega.api.routers.people import MAX_OFFSET, person_named, person_with_board
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.network import (
    ConnectionOut,
    ContactsPage,
    InCommonOut,
    InvitationIn,
    InvitationOut,
    InvitationsPage,
    PrivacyIn,
    RelationOut,
    SuggestionOut,
)
from kollega.api.schemas.people import PrivacyOut
from kollega.network import actions, queries
from kollega.network.common import in_common
from kollega.network.models import Invitation
from kollega.network.suggestions import do_you_know
from kollega.people.models import Audience, Person
from kollega.places.models import Place

router = Router(tags=["network"])

MAX_SUGGESTIONS = 20
# Both sides of an invitation, with what a person summary shows.
INVITATION_PEOPLE = [
    f"{side}__{field}" for side in ("sender", "recipient") for field in ("org_unit", "location")
]


class InvitationFilters(Schema):
    direction: Literal["received", "sent"] = Field(
        "received", description="Invitations you received (to answer) or sent (to withdraw)."
    )
    limit: Limit = DEFAULT_LIMIT
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ContactFilters(Schema):
    q: Text = Field("", description="Name prefix (any word).")
    limit: Limit = DEFAULT_LIMIT
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class SuggestionParams(Schema):
    limit: int = Field(10, ge=1, le=MAX_SUGGESTIONS, description=f"At most {MAX_SUGGESTIONS}.")


def _invitations():
    return Invitation.objects.select_related(*INVITATION_PEOPLE)


def _invitation_for(person: Person, invitation_id: int) -> Invitation:
    """An invitation the caller sent or received; anyone else's is "not found"."""
    invitation = (
        _invitations().filter(Q(sender=person) | Q(recipient=person), pk=invitation_id).first()
    )
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation


def can_post_on_board(caller: Person, person: Person) -> bool:
    board: Place | None = getattr(person, "board", None)
    return board is not None and access.can_post(caller, board)


def relation_of(caller: Person, person: Person) -> dict:
    relation = queries.relation(caller, person)
    visible = access.can_see_network(caller, person)
    return {
        "username": person.username,
        "is_contact": relation.is_contact,
        "invitation_sent": relation.invited_by_me,
        "invitation_received": relation.invited_me,
        "following": relation.following,
        "network_visible": visible,
        "network_size": queries.network_size(caller, person) if visible else None,
        "followers_count": queries.followers_count(person),
        "can_post_on_board": can_post_on_board(caller, person),
    }


def hidden_network_message(person: Person) -> str:
    if person.network_visibility == Audience.NETWORK:
        return _("%(p)s shows their network only to their own contacts.") % {"p": person.name}
    return _("%(p)s keeps their network private.") % {"p": person.name}


@router.get(
    "/network/invitations",
    response={200: InvitationsPage, codes_4xx: ErrorOut},
    operation_id="invitations_list",
    summary="Your pending network invitations",
    description="Received (for you to accept or ignore) or sent (to withdraw), newest first.",
)
def invitations_list(request, filters: Query[InvitationFilters]):
    person = viewer(request)
    pending = queries.pending_received if filters.direction == "received" else queries.pending_sent
    qs = pending(person).select_related(*INVITATION_PEOPLE).order_by("-created", "-pk")
    return offset_page(qs, filters.offset, filters.limit)


@router.post(
    "/network/invitations",
    response={201: InvitationOut, codes_4xx: ErrorOut},
    operation_id="invitations_create",
    summary="Invite a colleague to your network",
    description="When they have already invited you, this accepts their invitation instead: "
    "the answer is then their invitation, accepted, and you are contacts. Inviting yourself, "
    "a contact, or someone you already invited is a 400.",
)
def invitations_create(request, payload: InvitationIn):
    person = viewer(request)
    recipient = person_named(payload.username)
    invitation = actions.invite(person, recipient, payload.message)
    return 201, _invitations().get(pk=invitation.pk)


@router.post(
    "/network/invitations/{invitation_id}/accept",
    response={200: InvitationOut, codes_4xx: ErrorOut},
    operation_id="invitations_accept",
    summary="Accept an invitation",
    description="You and the sender become contacts. Only the person invited may accept.",
)
def invitations_accept(request, invitation_id: Id):
    person = viewer(request)
    invitation = actions.accept_invitation(person, _invitation_for(person, invitation_id))
    return _invitations().get(pk=invitation.pk)


@router.post(
    "/network/invitations/{invitation_id}/ignore",
    response={200: InvitationOut, codes_4xx: ErrorOut},
    operation_id="invitations_ignore",
    summary="Ignore an invitation",
    description="The sender is not told. Only the person invited may ignore it.",
)
def invitations_ignore(request, invitation_id: Id):
    person = viewer(request)
    invitation = actions.ignore_invitation(person, _invitation_for(person, invitation_id))
    return _invitations().get(pk=invitation.pk)


@router.delete(
    "/network/invitations/{invitation_id}",
    response={200: InvitationOut, codes_4xx: ErrorOut},
    operation_id="invitations_withdraw",
    summary="Withdraw an invitation you sent",
    description="Only while it is pending.",
)
def invitations_withdraw(request, invitation_id: Id):
    person = viewer(request)
    invitation = actions.withdraw_invitation(person, _invitation_for(person, invitation_id))
    return _invitations().get(pk=invitation.pk)


@router.get(
    "/people/{username}/contacts",
    response={200: ContactsPage, codes_4xx: ErrorOut},
    operation_id="contacts_list",
    summary="A person's contacts",
    description="Ordered by name; q narrows by name prefix. A network hidden from you by its "
    "owner's setting is 403 with a message saying so (see relation's network_visible).",
)
def contacts_list(request, username: Text, filters: Query[ContactFilters]):
    person = viewer(request)
    owner = person_named(username)
    if not access.can_see_network(person, owner):
        raise PermissionDenied(hidden_network_message(owner))
    qs = queries.contacts(person, owner, filters.q)
    return offset_page(qs, filters.offset, filters.limit)


@router.delete(
    "/network/contacts/{username}",
    response={200: RelationOut, codes_4xx: ErrorOut},
    operation_id="contacts_remove",
    summary="Remove a contact from your network",
    description="Both sides lose the contact; the other person is not told.",
)
def contacts_remove(request, username: Text):
    person = viewer(request)
    other = person_with_board(username)
    actions.remove_contact(person, other)
    return relation_of(person, other)


@router.put(
    "/people/{username}/follow",
    response={200: RelationOut, codes_4xx: ErrorOut},
    operation_id="follows_add",
    summary="Follow a colleague",
    description="Their updates reach your stream. Following needs no consent.",
)
def follows_add(request, username: Text):
    person = viewer(request)
    other = person_with_board(username)
    actions.follow_person(person, other)
    return relation_of(person, other)


@router.delete(
    "/people/{username}/follow",
    response={200: RelationOut, codes_4xx: ErrorOut},
    operation_id="follows_remove",
    summary="Stop following a colleague",
)
def follows_remove(request, username: Text):
    person = viewer(request)
    other = person_with_board(username)
    actions.unfollow_person(person, other)
    return relation_of(person, other)


@router.get(
    "/me/privacy",
    response={200: PrivacyOut, codes_4xx: ErrorOut},
    operation_id="privacy_get",
    summary="Your privacy settings",
)
def privacy_get(request):
    return viewer(request)


@router.patch(
    "/me/privacy",
    response={200: PrivacyOut, codes_4xx: ErrorOut},
    operation_id="privacy_update",
    summary="Change your privacy settings",
    description="Each is everyone, network (your contacts) or me. Send only what changes.",
)
def privacy_update(request, payload: PrivacyIn):
    return actions.set_privacy(viewer(request), **payload.dict(exclude_none=True))


@router.get(
    "/people/{username}/relation",
    response={200: RelationOut, codes_4xx: ErrorOut},
    operation_id="people_relation",
    summary="How you stand to a colleague",
    description="Contact, pending invitations either way, following, and their network size "
    "and followers, for the buttons on a profile.",
)
def people_relation(request, username: Text):
    return relation_of(viewer(request), person_with_board(username))


@router.get(
    "/people/{username}/connection",
    response={200: ConnectionOut, codes_4xx: ErrorOut},
    operation_id="people_connection",
    summary="Who connects us",
    description="The shortest paths from you to them through contacts, up to three hops. A "
    "path never reveals a contact between two people who both hide their networks from you.",
)
def people_connection(request, username: Text):
    person = viewer(request)
    other = person_named(username)
    connection = queries.who_connects_us(person, other)
    # The domain's count includes contacts of theirs that their setting hides from the
    # caller; shown only when their network is visible (as things in common does).
    shared = connection.shared_contacts if access.can_see_network(person, other) else None
    return {"hops": connection.hops, "paths": connection.paths, "shared_contacts": shared}


@router.get(
    "/people/{username}/in-common",
    response={200: InCommonOut, codes_4xx: ErrorOut},
    operation_id="people_in_common",
    summary="What you have in common",
    description="Shared contacts (when their network is visible to you), communities you both "
    "belong to, profile tags, manager and department.",
)
def people_in_common(request, username: Text):
    person = viewer(request)
    other = person_named(username)
    common = in_common(person, other)
    visible = other.pk == person.pk or access.can_see_network(person, other)
    return {
        "shared_contacts": common.shared_contacts,
        "shared_contact_count": common.shared_contact_count if visible else None,
        "communities": common.communities,
        "tags_received": common.tags_received,
        "tags_given": common.tags_given,
        "same_manager": common.same_manager,
        "same_org_unit": common.same_org_unit,
    }


@router.get(
    "/network/suggestions",
    response={200: list[SuggestionOut], codes_4xx: ErrorOut},
    operation_id="suggestions_list",
    summary="Do you know…?",
    description="Colleagues you probably know but are not connected with, best first, each "
    "with its reasons: shared contacts, manager, department, communities and tags.",
)
def suggestions_list(request, params: Query[SuggestionParams]):
    return do_you_know(viewer(request), limit=params.limit)


@router.delete(
    "/network/suggestions/{username}",
    response={200: list[SuggestionOut], codes_4xx: ErrorOut},
    operation_id="suggestions_dismiss",
    summary="Dismiss a suggestion",
    description="They are not suggested again. The answer is your suggestions without them.",
)
def suggestions_dismiss(request, username: Text, params: Query[SuggestionParams]):
    person = viewer(request)
    actions.dismiss_suggestion(person, person_named(username))
    return do_you_know(person, limit=params.limit)
