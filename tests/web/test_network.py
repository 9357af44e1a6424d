"""The network through the pages: invitations, contacts, following, suggestions, privacy."""

from kollega.network.actions import accept_invitation, invite, set_privacy
from kollega.network.models import Contact, DismissedSuggestion, Follow, Invitation
from kollega.people.models import Audience
from kollega.places.actions import join_place
from tests.factories import person
from tests.web.conftest import count_queries, htmx


def connect(a, b):
    accept_invitation(b, invite(a, b))


def test_a_profile_offers_an_invitation_with_a_message(bob, org):
    page = bob.get("/people/dana/").content.decode()
    assert "Invite to my network" in page
    assert 'action="/people/dana/invite/"' in page
    response = bob.post("/people/dana/invite/", {"message": "We met at the workshop"})
    assert response.status_code == 302
    assert response["Location"] == "/people/dana/"
    invitation = Invitation.objects.get(sender=org.bob, recipient=org.dana)
    assert invitation.message == "We met at the workshop"
    page = bob.get("/people/dana/").content.decode()
    assert "Invitation sent" in page
    assert f"/network/invitations/{invitation.pk}/withdraw/" in page


def test_inviting_with_htmx_answers_the_network_box(bob, org):
    response = bob.post("/people/dana/invite/", {"from": "profile"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<div id="network-box"')
    assert "Invitation sent" in content


def test_the_invited_person_sees_the_invitation_and_accepts(bob, dana, org):
    invite(org.bob, org.dana, "Hello Dana")
    page = dana.get("/people/bob/").content.decode()
    assert "Bob Brown invited you to their network." in page
    assert "Hello Dana" in page
    invitation = Invitation.objects.get()
    response = dana.post(
        f"/network/invitations/{invitation.pk}/accept/", {"from": "profile"}, **htmx()
    )
    assert response.status_code == 200
    assert "In your network" in response.content.decode()
    assert Contact.objects.filter(person=org.dana, other=org.bob).exists()


def test_an_invitation_can_be_ignored_or_withdrawn(bob, dana, org):
    first = invite(org.bob, org.dana)
    response = dana.post(f"/network/invitations/{first.pk}/ignore/")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.state == Invitation.State.IGNORED
    second = invite(org.bob, org.dana)
    bob.post(f"/network/invitations/{second.pk}/withdraw/", {"from": "network"})
    second.refresh_from_db()
    assert second.state == Invitation.State.WITHDRAWN
    assert not Contact.objects.exists()


def test_nobody_invites_themselves(bob, org):
    response = bob.post("/people/bob/invite/", {"message": ""}, **htmx())
    assert response.status_code == 400
    assert "You cannot invite yourself" in response.content.decode()
    plain = bob.post("/people/bob/invite/", {})
    assert plain.status_code == 400
    assert "You cannot invite yourself" in plain.content.decode()
    assert not Invitation.objects.exists()


def test_a_second_invitation_is_refused(bob, org):
    invite(org.bob, org.dana)
    response = bob.post("/people/dana/invite/", {"from": "profile"}, **htmx())
    assert response.status_code == 400
    assert "You have already invited Dana Dahl." in response.content.decode()
    assert Invitation.objects.count() == 1


def test_an_oversized_message_is_refused(bob, org):
    response = bob.post(
        "/people/dana/invite/", {"message": "x" * 1001, "from": "profile"}, **htmx()
    )
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()
    assert not Invitation.objects.exists()


def test_nobody_answers_someone_elses_invitation(bob, charlie, org):
    invitation = invite(org.bob, org.dana)
    response = charlie.post(f"/network/invitations/{invitation.pk}/accept/")
    assert response.status_code == 403
    assert "Only the person invited can answer this invitation." in response.content.decode()
    response = charlie.post(f"/network/invitations/{invitation.pk}/withdraw/", **htmx())
    assert response.status_code == 403
    assert "Only the person who sent an invitation can withdraw it." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
    assert not Contact.objects.exists()


def test_an_answered_invitation_cannot_be_answered_again(dana, org):
    invitation = invite(org.bob, org.dana)
    dana.post(f"/network/invitations/{invitation.pk}/accept/")
    response = dana.post(f"/network/invitations/{invitation.pk}/ignore/")
    assert response.status_code == 400
    assert "already answered" in response.content.decode()


def test_unknown_invitations_and_actions(dana, org):
    assert dana.post("/network/invitations/999999/accept/").status_code == 404
    invitation = invite(org.bob, org.dana)
    response = dana.post(f"/network/invitations/{invitation.pk}/explode/")
    assert response.status_code == 302
    assert dana.get(f"/network/invitations/{invitation.pk}/accept/").status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
    assert dana.post("/people/bob/network/explode/").status_code == 302


def test_contacts_are_removed_from_the_profile(bob, org):
    connect(org.bob, org.dana)
    assert "Remove from network" in bob.get("/people/dana/").content.decode()
    response = bob.post("/people/dana/network/disconnect/", {"from": "profile"}, **htmx())
    assert response.status_code == 200
    assert "Invite to my network" in response.content.decode()
    assert not Contact.objects.exists()
    again = bob.post("/people/dana/network/disconnect/")
    assert again.status_code == 400
    assert "Dana Dahl is not in your network." in again.content.decode()


def test_following_and_unfollowing(bob, dana, org):
    response = bob.post("/people/dana/network/follow/", {"from": "profile"}, **htmx())
    assert "Unfollow" in response.content.decode()
    assert "1 follower" in response.content.decode()
    assert Follow.objects.filter(follower=org.bob, person=org.dana).exists()
    assert bob.post("/people/dana/network/follow/").status_code == 400
    bob.post("/people/dana/network/unfollow/")
    assert not Follow.objects.exists()
    assert dana.post("/people/dana/network/follow/").status_code == 400


def test_the_profile_shows_network_size_and_followers(bob, org):
    connect(org.alice, org.charlie)
    connect(org.alice, org.dana)
    page = bob.get("/people/alice/").content.decode()
    assert '<a href="/people/alice/network/">2 contacts</a>' in page
    assert "0 followers" in page


def test_my_network_lists_invitations_contacts_and_suggestions(bob, org):
    invite(org.charlie, org.bob, "Let's connect")
    invite(org.bob, org.alice)
    connect(org.bob, org.dana)
    page = bob.get("/network/").content.decode()
    assert "1 invitation for you" in page
    assert "Let&#x27;s connect" in page
    assert "Invitations you sent" in page
    assert "Alice Andersson" in page
    assert "My contacts" in page
    assert "Dana Dahl" in page
    assert "Do you know?" in page


def test_the_nav_counts_pending_invitations(bob, org):
    page = bob.get("/").content.decode()
    assert ">Network</a>" in page
    invite(org.charlie, org.bob)
    invite(org.dana, org.bob)
    page = bob.get("/").content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> invitations</span>' in page


def test_suggestions_carry_their_reasons_and_can_be_dismissed(bob, org):
    page = bob.get("/network/").content.decode()
    # charlie has the same manager as bob.
    assert "Charlie Chen" in page
    assert "same manager as you" in page
    response = bob.post("/network/suggestions/charlie/dismiss/", **htmx())
    assert response.status_code == 200
    assert response.content == b""
    assert DismissedSuggestion.objects.filter(person=org.bob, suggested=org.charlie).exists()
    assert "Dismiss Charlie Chen" not in bob.get("/network/").content.decode()
    plain = bob.post("/network/suggestions/alice/dismiss/")
    assert plain.status_code == 302
    assert bob.post("/network/suggestions/bob/dismiss/").status_code == 400


def test_inviting_a_suggestion_with_htmx_replaces_it(bob, org):
    response = bob.post("/people/charlie/invite/", {"from": "suggestions"}, **htmx())
    assert response.status_code == 200
    assert response.content.decode().strip() == (
        '<li class="done" role="status">Invitation sent to Charlie Chen.</li>'
    )


def test_contacts_are_searchable_as_you_type(bob, org):
    connect(org.bob, org.alice)
    connect(org.bob, org.dana)
    response = bob.get("/network/?q=da", **htmx())
    content = response.content.decode()
    assert content.startswith('<div id="contacts"')
    assert "Dana Dahl" in content
    assert "Alice Andersson" not in content
    others = bob.get("/people/dana/network/?q=bo", **htmx()).content.decode()
    assert "Bob Brown" in others
    assert bob.get("/network/?page=0").status_code == 400


def test_a_persons_network_is_paged(bob, org):
    for i in range(55):
        colleague = person(f"c{i:02d}", f"Colleague {i:02d}")
        Contact.objects.bulk_create(
            [
                Contact(person=org.alice, other=colleague, created=org.alice.user.date_joined),
                Contact(person=colleague, other=org.alice, created=org.alice.user.date_joined),
            ]
        )
    page = bob.get("/people/alice/network/").content.decode()
    assert "55 contacts" in page
    assert "Page 1 of 2" in page
    assert "Colleague 54" in bob.get("/people/alice/network/?page=2").content.decode()


def test_a_hidden_network_is_never_shown(bob, dana, org):
    connect(org.alice, org.charlie)
    connect(org.bob, org.charlie)
    set_privacy(org.alice, network_visibility=Audience.ME)
    # charlie's own list would reveal alice; hidden too, so no path may pass.
    set_privacy(org.charlie, network_visibility=Audience.ME)
    response = dana.get("/people/alice/network/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Alice Andersson keeps their network private." in page
    assert "Charlie Chen" not in page
    assert "Charlie Chen" not in dana.get("/people/alice/network/?q=ch", **htmx()).content.decode()
    profile = bob.get("/people/alice/").content.decode()
    # No count, no shared contacts, no path through a hidden contact list.
    assert "contacts</a>" not in profile
    assert "shared contact" not in profile
    assert 'href="/people/charlie/" class="step"' not in profile
    assert "not connected within three steps" in profile


def test_a_network_shown_to_the_network_only(bob, dana, org):
    connect(org.alice, org.bob)
    set_privacy(org.alice, network_visibility=Audience.NETWORK)
    assert "keeps their network private" in dana.get("/people/alice/network/").content.decode()
    assert "Bob Brown" not in dana.get("/people/alice/network/").content.decode()
    assert "Bob Brown" in bob.get("/people/alice/network/").content.decode()


def test_my_own_network_page_is_at_network(bob):
    response = bob.get("/people/bob/network/")
    assert response.status_code == 302
    assert response["Location"] == "/network/"


def test_who_connects_us_shows_the_path_and_alternatives(alice, org):
    connect(org.alice, org.bob)
    connect(org.bob, org.charlie)
    connect(org.charlie, org.dana)
    page = alice.get("/people/dana/").content.decode()
    assert "How you are connected" in page
    assert "Dana Dahl is 3 steps away." in page
    path = page[
        page.index('<ol class="path"') : page.index("</ol>", page.index('<ol class="path"'))
    ]
    assert path.index("Bob Brown") < path.index("Charlie Chen") < path.index("Dana Dahl")
    assert 'href="/people/bob/"' in path
    direct = alice.get("/people/bob/").content.decode()
    assert "Bob Brown is in your network." in direct


def test_people_far_apart_are_not_connected(dana, org):
    page = dana.get("/people/alice/").content.decode()
    assert "You and Alice Andersson are not connected within three steps." in page


def test_things_in_common(bob, org):
    connect(org.bob, org.dana)
    connect(org.charlie, org.dana)
    join_place(org.bob, org.guild)
    join_place(org.charlie, org.guild)
    from kollega.people.actions import tag_person

    tag_person(org.alice, org.bob, "go")
    tag_person(org.alice, org.charlie, "go")
    tag_person(org.bob, org.alice, "kubernetes")
    tag_person(org.charlie, org.alice, "kubernetes")
    page = bob.get("/people/charlie/").content.decode()
    common = page[page.index('id="common-heading"') :]
    assert "1 shared contact" in common
    assert "Dana Dahl" in common
    assert "Platform Guild" in common
    assert '<a class="tag" href="/tags/go/">go</a>' in common
    assert '<a class="tag" href="/tags/kubernetes/">kubernetes</a>' in common
    assert "Same manager" in common
    assert "Same department" in common


def test_in_common_hides_shared_contacts_of_a_hidden_network(bob, org):
    connect(org.bob, org.dana)
    connect(org.charlie, org.dana)
    set_privacy(org.charlie, network_visibility=Audience.ME)
    page = bob.get("/people/charlie/").content.decode()
    common = page[page.index('id="common-heading"') :]
    assert "shared contact" not in common
    # The path through dana stays: dana shows her own network to everyone.
    assert "Charlie Chen is 2 steps away." in page
    assert "shared contact" not in page[page.index('id="connection-heading"') :]


def test_privacy_settings_are_saved_and_change_who_sees_what(alice, bob, org):
    page = alice.get("/settings/").content.decode()
    assert "Who may see my network" in page
    assert "Who may post on my board" in page
    response = alice.post(
        "/settings/privacy/", {"network_visibility": "network", "board_posting": "me"}
    )
    assert response.status_code == 302
    org.alice.refresh_from_db()
    assert (org.alice.network_visibility, org.alice.board_posting) == ("network", "me")
    assert "keeps their network private" in bob.get("/people/alice/network/").content.decode()
    assert bob.post("/people/alice/board/", {"body": "Hi"}).status_code == 403


def test_bad_privacy_choices_are_refused(alice, org):
    response = alice.post(
        "/settings/privacy/", {"network_visibility": "world", "board_posting": ""}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    org.alice.refresh_from_db()
    assert org.alice.network_visibility == Audience.EVERYONE
    assert alice.get("/settings/privacy/").status_code == 302


def test_the_network_page_makes_a_fixed_number_of_queries(bob, org):
    connect(org.bob, org.alice)
    invite(org.charlie, org.bob)
    few = count_queries(bob, "/network/")
    for i in range(8):
        colleague = person(f"n{i}", f"Networker {i}", org_unit=org.bob.org_unit)
        connect(org.bob, colleague)
        invite(person(f"i{i}", f"Inviter {i}"), org.bob, "hello")
        invite(org.bob, person(f"r{i}", f"Recipient {i}"))
    assert count_queries(bob, "/network/") == few
    assert few <= 25


def test_the_profile_query_count_does_not_grow_with_the_network(bob, org):
    # Start connected (a path and a shared contact), so only the sizes grow afterwards.
    connect(org.bob, org.alice)
    connect(org.alice, org.dana)
    few = count_queries(bob, "/people/dana/")
    for i in range(6):
        colleague = person(f"n{i}", f"Networker {i}")
        connect(org.bob, colleague)
        connect(colleague, org.dana)
    assert count_queries(bob, "/people/dana/") == few
