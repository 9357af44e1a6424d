"""Joining, asking to join, invitations, roles and removal, through the pages."""

import pytest

from kollega.places.actions import add_member, invite_to_community, request_to_join
from kollega.places.models import JoinRequest, Membership
from tests.web.conftest import htmx


def is_member(place, person):
    return Membership.objects.filter(place=place, person=person).exists()


def role(place, person):
    return Membership.objects.get(place=place, person=person).role


def test_a_moderated_join_request_is_approved_by_an_owner(dana, alice, org):
    slug = org.board_room.slug
    page = dana.get(f"/places/{slug}/").content.decode()
    assert "Ask to join" in page
    response = dana.post(f"/places/{slug}/ask/", {"message": "I sell architecture."})
    assert response.status_code == 302
    page = dana.get(f"/places/{slug}/").content.decode()
    assert "Request pending" in page
    assert "Withdraw request" in page

    waiting = alice.get("/places/requests/").content.decode()
    assert "asks to join Architecture Board" in waiting
    assert "I sell architecture." in waiting
    members = alice.get(f"/places/{slug}/members/").content.decode()
    assert "1 request to join" in members
    request = JoinRequest.objects.get(place=org.board_room, person=org.dana)
    response = alice.post(f"/places/{slug}/requests/{request.pk}/", {"decision": "approve"})
    assert response["Location"] == f"/places/{slug}/members/"
    assert is_member(org.board_room, org.dana)
    assert "Your role: Member" in dana.get(f"/places/{slug}/").content.decode()


def test_an_owner_declines_from_the_action_required_list(dana, alice, org):
    request = request_to_join(org.dana, org.board_room, "please")
    response = alice.post(
        f"/places/{org.board_room.slug}/requests/{request.pk}/",
        {"decision": "decline", "next": "requests"},
    )
    assert response["Location"] == "/places/requests/"
    request.refresh_from_db()
    assert request.state == JoinRequest.State.DECLINED
    assert not is_member(org.board_room, org.dana)
    assert "Ask to join" in dana.get(f"/places/{org.board_room.slug}/").content.decode()


def test_a_request_is_withdrawn_by_the_person_who_asked(dana, org):
    request_to_join(org.dana, org.board_room)
    response = dana.post(f"/places/{org.board_room.slug}/withdraw/")
    assert response.status_code == 302
    request = JoinRequest.objects.get(place=org.board_room, person=org.dana)
    assert request.state == JoinRequest.State.WITHDRAWN
    again = dana.post(f"/places/{org.board_room.slug}/withdraw/")
    assert again.status_code == 400
    assert "no pending request" in again.content.decode()


def test_asking_twice_or_asking_an_open_community_is_refused(dana, org):
    dana.post(f"/places/{org.board_room.slug}/ask/", {"message": ""})
    twice = dana.post(f"/places/{org.board_room.slug}/ask/", {"message": ""})
    assert twice.status_code == 400
    assert "already asked" in twice.content.decode()
    open_one = dana.post(f"/places/{org.guild.slug}/ask/", {"message": ""})
    assert open_one.status_code == 400
    assert "join it directly" in open_one.content.decode()
    too_long = dana.post(f"/places/{org.board_room.slug}/ask/", {"message": "x" * 1001})
    assert too_long.status_code == 400


def test_an_invitation_to_a_restricted_community(alice, dana, org):
    slug = org.secret.slug
    response = alice.post(
        f"/places/{slug}/members/invite/", {"username": "dana", "message": "Join us"}
    )
    assert response["Location"] == f"/places/{slug}/members/"
    assert "Waiting for an answer" in alice.get(f"/places/{slug}/members/").content.decode()
    # Invited, dana still cannot see the community, but she sees the invitation.
    assert dana.get(f"/places/{slug}/").status_code == 404
    waiting = dana.get("/places/requests/").content.decode()
    assert "Secret Project" in waiting
    assert "Join us" in waiting
    invitation = JoinRequest.objects.get(place=org.secret, person=org.dana)
    response = dana.post(f"/places/invitations/{invitation.pk}/", {"answer": "accept"})
    assert response["Location"] == f"/places/{slug}/"
    assert is_member(org.secret, org.dana)
    assert "Codename Falcon" in dana.get(f"/places/{slug}/").content.decode()


def test_a_declined_invitation_adds_nobody(dana, org):
    invitation = invite_to_community(org.alice, org.secret, org.dana)
    response = dana.post(f"/places/invitations/{invitation.pk}/", {"answer": "decline"})
    assert response["Location"] == "/places/requests/"
    assert not is_member(org.secret, org.dana)
    again = dana.post(f"/places/invitations/{invitation.pk}/", {"answer": "accept"})
    assert again.status_code == 400
    assert not is_member(org.secret, org.dana)


def test_an_invitation_is_answered_only_by_the_person_invited(bob, org):
    invitation = invite_to_community(org.alice, org.secret, org.dana)
    assert bob.post(f"/places/invitations/{invitation.pk}/", {"answer": "accept"}).status_code == (
        404
    )


def test_the_invitation_banner_on_a_community_page(dana, org):
    invite_to_community(org.alice, org.board_room, org.dana, "Come!")
    page = dana.get(f"/places/{org.board_room.slug}/").content.decode()
    assert "Alice Andersson invites you to join this community" in page
    assert "Come!" in page
    assert "Ask to join" not in page


def test_owners_withdraw_invitations(alice, org):
    invitation = invite_to_community(org.alice, org.guild, org.dana)
    response = alice.post(
        f"/places/{org.guild.slug}/invitations/{invitation.pk}/withdraw/", **htmx()
    )
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == JoinRequest.State.WITHDRAWN


def test_inviting_an_unknown_person_or_a_member_is_a_400(alice, org):
    response = alice.post(f"/places/{org.secret.slug}/members/invite/", {"username": "nobody"})
    assert response.status_code == 400
    assert "Nobody has the username" in response.content.decode()
    response = alice.post(f"/places/{org.secret.slug}/members/invite/", {"username": "bob"})
    assert response.status_code == 400
    assert "already a member" in response.content.decode()


def test_invite_suggestions_leave_out_members(alice, org):
    options = alice.get(f"/places/{org.secret.slug}/members/suggest/?username=b").content
    assert b"bob" not in options
    options = alice.get(f"/places/{org.secret.slug}/members/suggest/?username=d").content
    assert b'value="dana"' in options


def test_owners_promote_and_demote(alice, bob, org):
    url = f"/places/{org.secret.slug}/members/bob/role/"
    response = alice.post(url, {"role": "owner"}, **htmx())
    assert response.status_code == 200
    assert response.content.decode().startswith('<div id="members-panel"')
    assert role(org.secret, org.bob) == Membership.Role.OWNER
    bob.post(f"/places/{org.secret.slug}/members/alice/role/", {"role": "member"})
    assert role(org.secret, org.alice) == Membership.Role.MEMBER
    assert alice.post(url, {"role": "emperor"}).status_code == 400


@pytest.mark.parametrize("headers", [{}, htmx()])
def test_the_last_owner_cannot_be_demoted_removed_or_leave(alice, org, headers):
    slug = org.secret.slug
    for url, data in (
        (f"/places/{slug}/members/alice/role/", {"role": "member"}),
        (f"/places/{slug}/members/alice/remove/", {}),
    ):
        response = alice.post(url, data, **headers)
        assert response.status_code == 400
        assert "at least one owner" in response.content.decode()
    left = alice.post(f"/places/{slug}/leave/")
    assert left.status_code == 400
    assert "last owner" in left.content.decode()
    assert role(org.secret, org.alice) == Membership.Role.OWNER
    assert org.secret.memberships.count() == 2


def test_owners_remove_members(alice, org):
    response = alice.post(f"/places/{org.secret.slug}/members/bob/remove/")
    assert response.status_code == 302
    assert not is_member(org.secret, org.bob)
    assert "Bob Brown was removed." in alice.get(response["Location"]).content.decode()


def test_non_owners_get_403_on_admin_actions(bob, org):
    slug = org.secret.slug
    request = request_to_join(org.dana, org.board_room)
    add_member(org.alice, org.board_room, org.bob)
    refused = [
        bob.post(f"/places/{slug}/members/alice/role/", {"role": "member"}),
        bob.post(f"/places/{slug}/members/alice/remove/"),
        bob.post(f"/places/{slug}/members/invite/", {"username": "dana"}),
        bob.post(f"/places/{org.board_room.slug}/requests/{request.pk}/", {"decision": "approve"}),
        bob.get(f"/places/{slug}/settings/"),
        bob.post(f"/places/{slug}/settings/", {"name": "Mine now", "access": "open"}),
    ]
    assert [r.status_code for r in refused] == [403] * len(refused)
    assert "Only an owner of Secret Project can do that." in refused[0].content.decode()
    org.secret.refresh_from_db()
    assert org.secret.name == "Secret Project"
    assert role(org.secret, org.alice) == Membership.Role.OWNER
    assert not is_member(org.board_room, org.dana)
    page = bob.get(f"/places/{slug}/members/").content.decode()
    assert "Make owner" not in page
    assert "Invite" not in page


def test_restricted_community_pages_are_404_for_outsiders(dana, org):
    slug = org.secret.slug
    request = JoinRequest.objects.create(
        place=org.secret, person=org.charlie, created=org.secret.created
    )
    urls = [
        f"/places/{slug}/",
        f"/places/{slug}/blog/",
        f"/places/{slug}/members/",
        f"/places/{slug}/members/suggest/?username=a",
        f"/places/{slug}/settings/",
    ]
    for url in urls:
        assert dana.get(url).status_code == 404, url
    posts = [
        f"/places/{slug}/post/",
        f"/places/{slug}/blog/",
        f"/places/{slug}/ask/",
        f"/places/{slug}/withdraw/",
        f"/places/{slug}/leave/",
        f"/places/{slug}/members/invite/",
        f"/places/{slug}/members/bob/role/",
        f"/places/{slug}/members/bob/remove/",
        f"/places/{slug}/requests/{request.pk}/",
        f"/places/{slug}/settings/",
    ]
    for url in posts:
        assert dana.post(url, {"title": "x", "body": "y"}).status_code == 404, url


def test_members_are_listed_with_roles_and_searchable(dana, org):
    page = dana.get(f"/places/{org.guild.slug}/members/").content.decode()
    assert "Alice Andersson" in page
    assert "Owner" in page
    response = dana.get(f"/places/{org.secret.slug}/members/")
    assert response.status_code == 404
    add_member(org.alice, org.guild, org.bob)
    found = dana.get(f"/places/{org.guild.slug}/members/?q=bo", **htmx()).content.decode()
    assert "Bob Brown" in found
    assert "Alice Andersson" not in found
    assert "<html" not in found
