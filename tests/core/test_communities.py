import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega.places import actions
from kollega.places.models import JoinRequest, Membership
from kollega.places.queries import catalog, pending_requests, requests_to_decide


def test_a_moderated_community_is_joined_by_approved_request(org):
    request = actions.request_to_join(org.dana, org.board_room, "I'd like to follow the decisions")
    assert list(requests_to_decide(org.alice)) == [request]
    assert list(pending_requests(org.board_room)) == [request]
    with pytest.raises(ValidationError, match="already asked"):
        actions.request_to_join(org.dana, org.board_room)
    actions.decide_request(org.alice, request, approve=True)
    assert Membership.objects.filter(place=org.board_room, person=org.dana).exists()
    org.board_room.refresh_from_db()
    assert org.board_room.member_count == 2


def test_only_owners_decide_requests(org):
    request = actions.request_to_join(org.dana, org.board_room)
    with pytest.raises(PermissionDenied):
        actions.decide_request(org.charlie, request, approve=True)
    actions.decide_request(org.alice, request, approve=False)
    assert JoinRequest.objects.get(pk=request.pk).state == "declined"
    assert not Membership.objects.filter(place=org.board_room, person=org.dana).exists()


def test_restricted_communities_are_joined_by_invitation_only(org):
    with pytest.raises(PermissionDenied):
        actions.request_to_join(org.dana, org.secret)
    invitation = actions.invite_to_community(org.alice, org.secret, org.charlie)
    with pytest.raises(PermissionDenied):
        actions.answer_invitation(org.dana, invitation, accept=True)
    actions.answer_invitation(org.charlie, invitation, accept=True)
    assert Membership.objects.filter(place=org.secret, person=org.charlie).exists()


def test_open_communities_need_no_request(org):
    with pytest.raises(ValidationError, match="join it directly"):
        actions.request_to_join(org.dana, org.guild)


def test_a_community_always_keeps_an_owner(org):
    actions.join_place(org.bob, org.guild)
    with pytest.raises(ValidationError, match="at least one owner"):
        actions.set_role(org.alice, org.guild, org.alice, "member")
    with pytest.raises(ValidationError, match="at least one owner"):
        actions.remove_member(org.alice, org.guild, org.alice)
    actions.set_role(org.alice, org.guild, org.bob, "owner")
    actions.set_role(org.bob, org.guild, org.alice, "member")
    assert Membership.objects.get(place=org.guild, person=org.alice).role == "member"


def test_members_cannot_promote_themselves(org):
    actions.join_place(org.bob, org.guild)
    with pytest.raises(PermissionDenied):
        actions.set_role(org.bob, org.guild, org.bob, "owner")


def test_the_catalog_sorts_and_hides_restricted_communities(org):
    assert org.secret not in catalog(org.dana)
    assert org.secret in catalog(org.bob)
    names = [p.name for p in catalog(org.alice, sort="name")]
    assert names == sorted(names)
    assert list(catalog(org.dana, tag="kubernetes")) == [org.guild]
    assert list(catalog(org.bob, mine=True)) == [org.secret]


def test_vote_caps_are_validated(org):
    with pytest.raises(ValidationError):
        actions.update_community(org.alice, org.guild, idea_vote_cap=0)
    actions.update_community(org.alice, org.guild, idea_vote_cap=3)
    org.guild.refresh_from_db()
    assert org.guild.idea_vote_cap == 3
