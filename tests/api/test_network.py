"""The network through the API: invitations, contacts, following, privacy, who connects us,
things in common and "do you know" suggestions.

Privacy: a network hidden from the caller is a 403 on the contacts list, null counts
elsewhere, and never shows through paths, things in common or suggestions.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.network.actions import accept_invitation, invite, set_privacy
from kollega.network.models import Contact, Follow, Invitation
from kollega.people.actions import create_person, tag_person
from kollega.places.actions import create_community, join_place
from kollega.places.models import Place


def connect(a, b):
    accept_invitation(b, invite(a, b))


def names(people) -> list[str]:
    return [p["username"] for p in people]


# Invitations


def test_an_invitation_is_sent_listed_and_accepted(api, org):
    response = api(org.dana).post("/network/invitations", {"username": "bob", "message": "Hi!"})
    assert response.status_code == 201, response.content
    sent = response.json()
    assert sent["state"] == "pending"
    assert sent["message"] == "Hi!"
    assert (sent["sender"]["username"], sent["recipient"]["username"]) == ("dana", "bob")
    assert sent["recipient"]["org_unit"] == {"slug": "platform", "name": "Platform"}

    outbox = api(org.dana).get("/network/invitations", direction="sent").json()
    assert [i["id"] for i in outbox["items"]] == [sent["id"]]
    assert api(org.dana).get("/network/invitations").json()["items"] == []
    inbox = api(org.bob).get("/network/invitations").json()
    assert inbox["count"] == 1
    assert inbox["items"][0]["sender"]["username"] == "dana"

    response = api(org.bob).post(f"/network/invitations/{sent['id']}/accept")
    assert response.status_code == 200
    assert response.json()["state"] == "accepted"
    assert response.json()["decided_at"]
    assert Contact.objects.filter(person=org.dana, other=org.bob).exists()
    assert Contact.objects.filter(person=org.bob, other=org.dana).exists()
    assert api(org.bob).get("/network/invitations").json()["count"] == 0
    relation = api(org.dana).get("/people/bob/relation").json()
    assert relation["is_contact"] is True
    assert relation["invitation_sent"] is None


def test_invitation_lists_page_and_refuse_unknown_directions(api, org):
    for sender in (org.alice, org.bob, org.charlie):
        invite(sender, org.dana)
    client = api(org.dana)
    first = client.get("/network/invitations", limit=2).json()
    assert first["count"] == 3
    assert len(first["items"]) == 2
    assert first["next_offset"] == 2
    rest = client.get("/network/invitations", limit=2, offset=2).json()
    assert len(rest["items"]) == 1
    assert rest["next_offset"] is None
    assert names(i["sender"] for i in first["items"] + rest["items"]) == [
        "charlie",
        "bob",
        "alice",
    ]
    assert client.get("/network/invitations", direction="both").status_code == 422


def test_inviting_yourself_is_refused(api, org):
    response = api(org.dana).post("/network/invitations", {"username": "dana"})
    assert response.status_code == 400
    assert "yourself" in response.json()["detail"]
    assert not Invitation.objects.exists()


def test_inviting_twice_is_refused(api, org):
    client = api(org.dana)
    assert client.post("/network/invitations", {"username": "bob"}).status_code == 201
    response = client.post("/network/invitations", {"username": "bob"})
    assert response.status_code == 400
    assert response.json()["detail"] == "You have already invited Bob Brown."
    assert Invitation.objects.count() == 1


def test_inviting_a_contact_is_refused(api, org):
    connect(org.dana, org.bob)
    response = api(org.dana).post("/network/invitations", {"username": "bob"})
    assert response.status_code == 400
    assert "already in your network" in response.json()["detail"]


def test_inviting_someone_who_invited_you_accepts_their_invitation(api, org):
    theirs = invite(org.bob, org.dana)
    response = api(org.dana).post("/network/invitations", {"username": "bob"})
    assert response.status_code == 201
    assert response.json()["id"] == theirs.pk
    assert response.json()["state"] == "accepted"
    assert Contact.objects.filter(person=org.dana, other=org.bob).exists()


def test_inviting_needs_a_known_person_and_a_short_message(api, org):
    client = api(org.dana)
    response = client.post("/network/invitations", {"username": "ghost"})
    assert response.status_code == 404
    assert "ghost" in response.json()["detail"]
    response = client.post("/network/invitations", {"username": "bob", "message": "x" * 1001})
    assert response.status_code == 400
    assert response.json()["errors"]["message"]
    assert client.post("/network/invitations", {}).status_code == 422
    assert not Invitation.objects.exists()


def test_inviting_someone_who_left_is_404(api, org):
    get_user_model().objects.filter(pk=org.charlie.user_id).update(is_active=False)
    assert api(org.dana).post("/network/invitations", {"username": "charlie"}).status_code == 404


def test_only_the_person_invited_answers_an_invitation(api, org):
    invitation = invite(org.alice, org.bob)
    # A third party does not even learn that the invitation exists.
    for action in ("accept", "ignore"):
        response = api(org.dana).post(f"/network/invitations/{invitation.pk}/{action}")
        assert response.status_code == 404
        assert response.json()["detail"] == "No such invitation."
    # The sender cannot answer their own invitation.
    response = api(org.alice).post(f"/network/invitations/{invitation.pk}/accept")
    assert response.status_code == 403
    assert "Only the person invited" in response.json()["detail"]
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
    assert not Contact.objects.exists()


def test_an_invitation_is_answered_once(api, org):
    invitation = invite(org.alice, org.bob)
    client = api(org.bob)
    assert client.post(f"/network/invitations/{invitation.pk}/ignore").json()["state"] == "ignored"
    response = client.post(f"/network/invitations/{invitation.pk}/accept")
    assert response.status_code == 400
    assert "already answered" in response.json()["detail"]
    assert not Contact.objects.exists()
    # Ignoring is quiet: the sender may invite again.
    assert api(org.alice).post("/network/invitations", {"username": "bob"}).status_code == 201


def test_only_the_sender_withdraws_an_invitation(api, org):
    invitation = invite(org.alice, org.bob)
    response = api(org.bob).delete(f"/network/invitations/{invitation.pk}")
    assert response.status_code == 403
    assert api(org.dana).delete(f"/network/invitations/{invitation.pk}").status_code == 404
    response = api(org.alice).delete(f"/network/invitations/{invitation.pk}")
    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"
    assert api(org.alice).delete(f"/network/invitations/{invitation.pk}").status_code == 400
    assert api(org.bob).get("/network/invitations").json()["count"] == 0


def test_unknown_invitations_are_404(api, org):
    for path in ("/network/invitations/999999/accept", "/network/invitations/999999/ignore"):
        assert api(org.bob).post(path).status_code == 404
    assert api(org.bob).delete("/network/invitations/999999").status_code == 404
    assert api(org.bob).post("/network/invitations/0/accept").status_code == 422


# Contacts


def test_contacts_are_listed_by_name_searched_and_paged(api, org):
    for person in (org.alice, org.charlie, org.dana):
        connect(org.bob, person)
    client = api(org.dana)
    page = client.get("/people/bob/contacts").json()
    assert names(page["items"]) == ["alice", "charlie", "dana"]
    assert page["count"] == 3
    assert page["items"][0]["job_title"] == "Head of Engineering"
    assert names(client.get("/people/bob/contacts", q="chen").json()["items"]) == ["charlie"]
    assert names(client.get("/people/bob/contacts", q="CH").json()["items"]) == ["charlie"]
    assert client.get("/people/bob/contacts", q="zzz").json() == {
        "count": 0,
        "items": [],
        "next_offset": None,
    }
    first = client.get("/people/bob/contacts", limit=2).json()
    assert first["next_offset"] == 2
    second = client.get("/people/bob/contacts", limit=2, offset=2).json()
    assert names(second["items"]) == ["dana"]
    assert second["next_offset"] is None


def test_contacts_leave_out_people_who_left(api, org):
    connect(org.bob, org.charlie)
    connect(org.bob, org.alice)
    get_user_model().objects.filter(pk=org.charlie.user_id).update(is_active=False)
    assert names(api(org.dana).get("/people/bob/contacts").json()["items"]) == ["alice"]


def test_a_network_shown_to_contacts_only_is_403_for_others(api, org):
    connect(org.bob, org.alice)
    set_privacy(org.bob, network_visibility="network")
    response = api(org.dana).get("/people/bob/contacts")
    assert response.status_code == 403
    assert response.json()["detail"] == "Bob Brown shows their network only to their own contacts."
    assert "alice" not in response.content.decode()
    assert names(api(org.alice).get("/people/bob/contacts").json()["items"]) == ["alice"]
    assert names(api(org.bob).get("/people/bob/contacts").json()["items"]) == ["alice"]


def test_a_private_network_is_seen_by_its_owner_alone(api, org):
    connect(org.bob, org.alice)
    set_privacy(org.bob, network_visibility="me")
    for viewer in (org.alice, org.dana, org.staff):
        response = api(viewer).get("/people/bob/contacts", q="ali")
        assert response.status_code == 403
        assert response.json()["detail"] == "Bob Brown keeps their network private."
    assert api(org.bob).get("/people/bob/contacts").json()["count"] == 1


def test_removing_a_contact_removes_both_sides(api, org):
    connect(org.bob, org.dana)
    response = api(org.dana).delete("/network/contacts/bob")
    assert response.status_code == 200
    assert response.json()["is_contact"] is False
    assert not Contact.objects.exists()
    response = api(org.dana).delete("/network/contacts/bob")
    assert response.status_code == 400
    assert response.json()["detail"] == "Bob Brown is not in your network."
    assert api(org.dana).delete("/network/contacts/ghost").status_code == 404


# Following


def test_following_and_unfollowing(api, org):
    client = api(org.dana)
    response = client.put("/people/bob/follow")
    assert response.status_code == 200
    assert response.json()["following"] is True
    assert response.json()["followers_count"] == 1
    response = client.put("/people/bob/follow")
    assert response.status_code == 400
    assert "already follow" in response.json()["detail"]
    response = client.delete("/people/bob/follow")
    assert response.json()["following"] is False
    assert response.json()["followers_count"] == 0
    assert client.delete("/people/bob/follow").status_code == 400
    assert Follow.objects.count() == 0


def test_nobody_follows_themselves_or_a_stranger(api, org):
    response = api(org.dana).put("/people/dana/follow")
    assert response.status_code == 400
    assert "yourself" in response.json()["detail"]
    assert api(org.dana).put("/people/ghost/follow").status_code == 404
    assert not Follow.objects.exists()


# Privacy settings


def test_privacy_settings_are_read_and_changed(api, org):
    client = api(org.dana)
    assert client.get("/me/privacy").json() == {
        "network_visibility": "everyone",
        "board_posting": "everyone",
    }
    response = client.patch("/me/privacy", {"network_visibility": "network"})
    assert response.status_code == 200
    assert response.json() == {"network_visibility": "network", "board_posting": "everyone"}
    response = client.patch("/me/privacy", {"board_posting": "me", "network_visibility": None})
    assert response.json() == {"network_visibility": "network", "board_posting": "me"}
    org.dana.refresh_from_db()
    assert (org.dana.network_visibility, org.dana.board_posting) == ("network", "me")


def test_privacy_settings_refuse_unknown_audiences(api, org):
    client = api(org.dana)
    for body in ({"board_posting": "friends"}, {"network_visibility": 3}, {"board_posting": ""}):
        response = client.patch("/me/privacy", body)
        assert response.status_code == 422, body
    org.dana.refresh_from_db()
    assert org.dana.board_posting == "everyone"


def test_a_profile_shows_privacy_settings_to_its_owner_only(api, org):
    set_privacy(org.bob, board_posting="network")
    assert api(org.bob).get("/people/me").json()["privacy"] == {
        "network_visibility": "everyone",
        "board_posting": "network",
    }
    assert api(org.bob).get("/people/bob").json()["privacy"]["board_posting"] == "network"
    assert api(org.dana).get("/people/bob").json()["privacy"] is None
    listed = api(org.dana).get("/people", q="bob").json()["items"]
    assert listed[0]["privacy"] is None


# Relation


def test_the_relation_shows_invitations_both_ways(api, org):
    mine = invite(org.dana, org.bob)
    theirs = invite(org.alice, org.dana)
    to_bob = api(org.dana).get("/people/bob/relation").json()
    assert to_bob["invitation_sent"]["id"] == mine.pk
    assert to_bob["invitation_received"] is None
    to_alice = api(org.dana).get("/people/alice/relation").json()
    assert to_alice["invitation_received"]["id"] == theirs.pk
    assert to_alice["invitation_sent"] is None
    assert to_alice["is_contact"] is False
    assert to_alice["following"] is False


def test_the_relation_shows_network_size_only_when_visible(api, org):
    connect(org.bob, org.alice)
    connect(org.bob, org.charlie)
    relation = api(org.dana).get("/people/bob/relation").json()
    assert relation["network_visible"] is True
    assert relation["network_size"] == 2
    assert relation["can_post_on_board"] is True
    set_privacy(org.bob, network_visibility="network", board_posting="me")
    relation = api(org.dana).get("/people/bob/relation").json()
    assert relation["network_visible"] is False
    assert relation["network_size"] is None
    assert relation["can_post_on_board"] is False
    assert api(org.alice).get("/people/bob/relation").json()["network_size"] == 2


def test_network_endpoints_answer_404_for_unknown_people(api, org):
    client = api(org.dana)
    for path in ("relation", "contacts", "connection", "in-common", "board"):
        response = client.get(f"/people/ghost/{path}")
        assert response.status_code == 404, path
        assert response.json()["detail"] == "No one has the username “ghost”."
    assert client.delete("/network/suggestions/ghost").status_code == 404


# Who connects us


def test_the_connection_through_a_contact(api, org):
    connect(org.dana, org.alice)
    connect(org.alice, org.charlie)
    data = api(org.dana).get("/people/charlie/connection").json()
    assert data["hops"] == 2
    assert [names(path) for path in data["paths"]] == [["dana", "alice", "charlie"]]
    assert data["shared_contacts"] == 1
    assert data["paths"][0][1]["name"] == "Alice Andersson"


def test_the_connection_over_three_hops_and_to_a_contact(api, org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.bob, org.charlie)
    data = api(org.dana).get("/people/charlie/connection").json()
    assert data["hops"] == 3
    assert [names(p) for p in data["paths"]] == [["dana", "alice", "bob", "charlie"]]
    assert data["shared_contacts"] == 0
    data = api(org.dana).get("/people/alice/connection").json()
    assert (data["hops"], [names(p) for p in data["paths"]]) == (1, [["dana", "alice"]])


def test_no_connection_and_yourself(api, org):
    data = api(org.dana).get("/people/charlie/connection").json()
    assert data == {"hops": None, "paths": [], "shared_contacts": 0}
    data = api(org.dana).get("/people/dana/connection").json()
    assert (data["hops"], [names(p) for p in data["paths"]]) == (0, [["dana"]])


def test_the_connection_never_reveals_hidden_networks(api, org):
    # dana — bob — charlie, and both bob and charlie hide their networks from dana.
    connect(org.dana, org.bob)
    connect(org.bob, org.charlie)
    set_privacy(org.bob, network_visibility="me")
    set_privacy(org.charlie, network_visibility="network")
    response = api(org.dana).get("/people/charlie/connection")
    assert response.json() == {"hops": None, "paths": [], "shared_contacts": None}
    # charlie's contact alice sees a path to bob through charlie, who shows her his network;
    # how many contacts she shares with bob stays hidden, as bob hides his network.
    connect(org.alice, org.charlie)
    data = api(org.alice).get("/people/bob/connection").json()
    assert [names(p) for p in data["paths"]] == [["alice", "charlie", "bob"]]
    assert data["shared_contacts"] is None


def test_a_path_shows_a_contact_that_one_side_reveals(api, org):
    # bob hides his network, but charlie shows his: that bob and charlie are contacts is
    # visible on charlie's list anyway, so the path may show it.
    connect(org.dana, org.bob)
    connect(org.bob, org.charlie)
    set_privacy(org.bob, network_visibility="me")
    data = api(org.dana).get("/people/charlie/connection").json()
    assert [names(p) for p in data["paths"]] == [["dana", "bob", "charlie"]]


# Things in common


def test_things_in_common(api, org):
    connect(org.bob, org.alice)
    connect(org.charlie, org.alice)
    join_place(org.bob, org.guild)
    join_place(org.charlie, org.guild)
    tag_person(org.alice, org.bob, "kubernetes")
    tag_person(org.alice, org.charlie, "kubernetes")
    tag_person(org.bob, org.dana, "sales")
    tag_person(org.charlie, org.dana, "sales")
    data = api(org.bob).get("/people/charlie/in-common").json()
    assert names(data["shared_contacts"]) == ["alice"]
    assert data["shared_contact_count"] == 1
    assert [c["slug"] for c in data["communities"]] == ["platform-guild"]
    assert data["tags_received"] == ["kubernetes"]
    assert data["tags_given"] == ["sales"]
    assert data["same_manager"] == {"username": "alice", "name": "Alice Andersson"}
    assert data["same_org_unit"] is True


def test_things_in_common_hide_a_hidden_network_and_secret_communities(api, org):
    connect(org.dana, org.alice)
    connect(org.bob, org.alice)
    set_privacy(org.bob, network_visibility="network")
    data = api(org.dana).get("/people/bob/in-common").json()
    assert data["shared_contacts"] == []
    assert data["shared_contact_count"] is None
    assert data["communities"] == []
    assert "secret" not in str(data).lower()
    # alice shares Secret Project with bob and sees it; she is bob's contact.
    data = api(org.alice).get("/people/bob/in-common").json()
    assert [c["slug"] for c in data["communities"]] == ["secret-project"]
    assert data["shared_contact_count"] == 0


# Do you know …?


def test_suggestions_come_with_their_reasons(api, org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.alice, org.charlie)
    data = api(org.dana).get("/network/suggestions").json()
    by_name = {s["person"]["username"]: s for s in data}
    assert set(by_name) == {"bob", "charlie"}
    assert by_name["bob"]["reasons"] == ["1 shared contact"]
    assert by_name["bob"]["shared_contacts"] == 1
    assert by_name["bob"]["same_manager"] is False
    # bob himself knows charlie through their shared manager.
    bob = {s["person"]["username"]: s for s in api(org.bob).get("/network/suggestions").json()}
    assert "same manager as you" in bob["charlie"]["reasons"]
    assert bob["charlie"]["same_manager"] is True


def test_suggestions_leave_out_contacts_and_pending_invitations(api, org):
    connect(org.bob, org.charlie)
    invite(org.bob, org.alice)
    data = api(org.bob).get("/network/suggestions").json()
    assert "charlie" not in names(s["person"] for s in data)
    assert "alice" not in names(s["person"] for s in data)


def test_a_dismissed_suggestion_does_not_come_back(api, org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.alice, org.charlie)
    client = api(org.dana)
    response = client.delete("/network/suggestions/bob")
    assert response.status_code == 200
    assert names(s["person"] for s in response.json()) == ["charlie"]
    assert names(s["person"] for s in client.get("/network/suggestions").json()) == ["charlie"]
    assert client.delete("/network/suggestions/bob").status_code == 200  # again: no change
    response = client.delete("/network/suggestions/dana")
    assert response.status_code == 400
    assert "yourself" in response.json()["detail"]


def test_suggestions_never_pass_through_a_hidden_network(api, org):
    connect(org.dana, org.bob)
    connect(org.bob, org.charlie)
    assert "charlie" in names(s["person"] for s in api(org.dana).get("/network/suggestions").json())
    set_privacy(org.bob, network_visibility="me")
    response = api(org.dana).get("/network/suggestions")
    assert response.json() == []
    assert "charlie" not in response.content.decode().lower()


def test_suggestions_limit(api, org):
    assert api(org.dana).get("/network/suggestions", limit="0").status_code == 422
    assert api(org.dana).get("/network/suggestions", limit="21").status_code == 422
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.alice, org.charlie)
    assert len(api(org.dana).get("/network/suggestions", limit="1").json()) == 1


# Query counts


def queries_for(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured)


def grow_network(org, start: int, stop: int) -> None:
    """More people, each a contact of bob and charlie, every other one of dana's too, in a
    community with dana, with a tag dana has, and networks shown to contacts only here and
    there. The first few already take every branch a read has, so more only adds rows."""
    club = Place.objects.filter(slug="sales-club").first() or create_community(
        org.dana, "Sales Club"
    )
    tag_person(org.alice, org.dana, "sales")
    for i in range(start, stop):
        person = create_person(f"extra{i}", f"Extra Person {i}", manager=org.alice)
        connect(org.bob, person)
        connect(person, org.charlie)
        if i % 2:
            connect(person, org.dana)
        join_place(person, club)
        tag_person(org.alice, person, "sales")
        if i % 3 == 0:
            set_privacy(person, network_visibility="network")


# The bearer token's lookup is the first query of every request.
HOT = [
    ("/people/bob/contacts", {}, 4),
    ("/people/charlie/connection", {}, 7),
    ("/people/bob/in-common", {}, 8),
    ("/network/suggestions", {"limit": "20"}, 13),
    ("/people/bob/relation", {}, 7),
    ("/network/invitations", {}, 3),
]


@pytest.mark.parametrize(("path", "params", "most"), HOT, ids=[p for p, _, _ in HOT])
def test_network_reads_use_a_fixed_number_of_queries(api, org, path, params, most):
    client = api(org.dana)
    client.get("/people/me")  # the token's first use records last_used
    connect(org.dana, org.bob)
    invite(org.alice, org.dana)
    grow_network(org, 0, 4)
    small = queries_for(client, path, **params)
    grow_network(org, 4, 16)
    assert queries_for(client, path, **params) == small
    assert small <= most
