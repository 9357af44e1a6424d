"""Community membership: members and their roles, requests to join, owners' invitations.

- open communities are joined directly (POST /places/{slug}/join);
- moderated ones by a request that an owner approves or declines;
- restricted ones only by an owner's invitation. They stay invisible (404) to everyone else,
  members list and requests included; the person invited sees the invitation under /me.

A community always keeps an owner: the last one can be neither demoted nor removed.
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.paging import offset_page
from kollega.api.routers.people import MAX_OFFSET, person_named
from kollega.api.routers.places import place_detail
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.places import (
    AnswerIn,
    CommunityInvitationIn,
    DecisionIn,
    JoinRequestIn,
    JoinRequestOut,
    JoinRequestsPage,
    MemberOut,
    MembersPage,
    PlaceOut,
    RoleIn,
)
from kollega.people.models import Person
from kollega.places import actions, queries
from kollega.places.models import JoinRequest, Membership, Place

router = Router(tags=["communities"])


class PageParams(Schema):
    limit: Limit = DEFAULT_LIMIT
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MemberFilters(PageParams):
    role: Literal["owner", "editor", "member"] | None = Field(
        None, description="Only members with this role."
    )


def _requests():
    return JoinRequest.objects.select_related("place", "person", "invited_by")


def _fresh(request: JoinRequest) -> JoinRequest:
    return _requests().get(pk=request.pk)


def _is_owner(person: Person, place: Place) -> bool:
    return person.user.is_staff or access.role_in(person, place) == Membership.Role.OWNER


@router.get(
    "/places/{slug}/members",
    response={200: MembersPage, codes_4xx: ErrorOut},
    operation_id="members_list",
    summary="Members of a place",
    description="With their roles, by role and then name.",
)
def members_list(request, slug: Text, filters: Query[MemberFilters]):
    place = access.place_for(viewer(request), slug)
    return offset_page(queries.members(place, filters.role), filters.offset, filters.limit)


@router.patch(
    "/places/{slug}/members/{username}",
    response={200: MemberOut, codes_4xx: ErrorOut},
    operation_id="members_set_role",
    summary="Change a member's role",
    description="Owners may make members owners or editors, and demote owners, as long as "
    "another owner stays.",
)
def members_set_role(request, slug: Text, username: Text, payload: RoleIn):
    person = viewer(request)
    place = access.place_for(person, slug)
    membership = actions.set_role(person, place, person_named(username), payload.role)
    return queries.members(place).get(pk=membership.pk)


@router.delete(
    "/places/{slug}/members/{username}",
    response={200: PlaceOut, codes_4xx: ErrorOut},
    operation_id="members_remove",
    summary="Remove a member",
    description="Owners may, except the last owner. To leave yourself, use POST "
    "/places/{slug}/leave.",
)
def members_remove(request, slug: Text, username: Text):
    person = viewer(request)
    place = access.place_for(person, slug)
    actions.remove_member(person, place, person_named(username))
    return place_detail(person, slug)


@router.post(
    "/places/{slug}/requests",
    response={201: JoinRequestOut, codes_4xx: ErrorOut},
    operation_id="join_requests_create",
    summary="Ask to join a moderated community",
    description="Its owners approve or decline. Open communities are joined directly; "
    "restricted ones only by invitation.",
)
def join_requests_create(request, slug: Text, payload: JoinRequestIn):
    person = viewer(request)
    place = access.place_for(person, slug)
    return 201, _fresh(actions.request_to_join(person, place, payload.message))


@router.get(
    "/places/{slug}/requests",
    response={200: JoinRequestsPage, codes_4xx: ErrorOut},
    operation_id="join_requests_list",
    summary="Pending requests to join",
    description="For the community's owners, oldest first: the longest waiting at the top.",
)
def join_requests_list(request, slug: Text, params: Query[PageParams]):
    person = viewer(request)
    place = access.place_for(person, slug)
    if not _is_owner(person, place):
        raise PermissionDenied(
            _("Only an owner of %(p)s can see its requests to join.") % {"p": place.name}
        )
    qs = queries.pending_requests(place).select_related("place", "invited_by")
    return offset_page(qs.order_by("created", "pk"), params.offset, params.limit)


def _request_in(place: Place, request_id: int) -> JoinRequest:
    found = _requests().filter(place=place, pk=request_id).first()
    if found is None:
        raise Http404("No such request.")
    return found


@router.post(
    "/places/{slug}/requests/{request_id}/decision",
    response={200: JoinRequestOut, codes_4xx: ErrorOut},
    operation_id="join_requests_decide",
    summary="Approve or decline a request to join",
    description="Owners only. Approving makes the person a member.",
)
def join_requests_decide(request, slug: Text, request_id: Id, payload: DecisionIn):
    person = viewer(request)
    place = access.place_for(person, slug)
    join_request = _request_in(place, request_id)
    decided = actions.decide_request(person, join_request, approve=payload.decision == "approve")
    return _fresh(decided)


@router.delete(
    "/places/{slug}/requests/{request_id}",
    response={200: JoinRequestOut, codes_4xx: ErrorOut},
    operation_id="join_requests_withdraw",
    summary="Withdraw a request or an invitation",
    description="Your own request to join, or (as an owner) an invitation the person has not "
    "answered yet.",
)
def join_requests_withdraw(request, slug: Text, request_id: Id):
    person = viewer(request)
    place = access.place_for(person, slug)
    return _fresh(actions.withdraw_request(person, _request_in(place, request_id)))


@router.post(
    "/places/{slug}/invitations",
    response={201: JoinRequestOut, codes_4xx: ErrorOut},
    operation_id="community_invitations_create",
    summary="Invite a colleague to a community",
    description="Owners only; the only way into a restricted community. Inviting someone who "
    "already asked to join approves their request: the answer is then that request, approved.",
)
def community_invitations_create(request, slug: Text, payload: CommunityInvitationIn):
    person = viewer(request)
    place = access.place_for(person, slug)
    invited = person_named(payload.username)
    return 201, _fresh(actions.invite_to_community(person, place, invited, payload.message))


@router.get(
    "/me/community-invitations",
    response={200: JoinRequestsPage, codes_4xx: ErrorOut},
    operation_id="community_invitations_list",
    summary="Your invitations to communities",
    description="Pending ones, newest first. A restricted community you are invited to shows "
    "here by name before you can open it.",
)
def community_invitations_list(request, params: Query[PageParams]):
    qs = queries.pending_invitations_for(viewer(request)).select_related("person")
    return offset_page(qs.order_by("-created", "-pk"), params.offset, params.limit)


@router.post(
    "/me/community-invitations/{invitation_id}/answer",
    response={200: JoinRequestOut, codes_4xx: ErrorOut},
    operation_id="community_invitations_answer",
    summary="Accept or decline an invitation to a community",
    description="Accepting makes you a member.",
)
def community_invitations_answer(request, invitation_id: Id, payload: AnswerIn):
    person = viewer(request)
    invitation = (
        _requests().filter(pk=invitation_id, person=person, invited_by__isnull=False).first()
    )
    if invitation is None:
        raise Http404("No such invitation.")
    answered = actions.answer_invitation(person, invitation, accept=payload.answer == "accept")
    return _fresh(answered)
