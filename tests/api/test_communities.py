"""Communities through the API: the catalog, settings, members and roles, requests to join and
owners' invitations. "Secret Project" (restricted: alice owns it, bob is a member) must stay
invisible to dana everywhere."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.content.actions import create_item
from kollega.people.actions import create_person, tag_person
from kollega.places.actions import (
    add_member,
    create_community,
    invite_to_community,
    join_place,
    request_to_join,
)
from kollega.places.models import JoinRequest, Membership, Place


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [place["slug"] for place in response.json()["items"]]


def role_of(place, person) -> str | None:
    return (
        Membership.objects.filter(place=place, person=person).values_list("role", flat=True).first()
    )


SECRET_WORDS = ("Falcon", "falcon", "Secret Project", "secret-project")


def assert_no_secret(response):
    text = response.content.decode()
    for word in SECRET_WORDS:
        assert word not in text, (response.request["PATH_INFO"], word)


# The catalog


def test_communities_sort_by_activity_name_and_size(api, org):
    join_place(org.dana, org.guild)
    join_place(org.bob, org.guild)
    client = api(org.bob)
    assert slugs(client.get("/places", kind="community")) == [
        "secret-project",
        "platform-guild",
        "architecture-board",
    ]
    assert slugs(client.get("/places", kind="community", sort="name")) == [
        "architecture-board",
        "platform-guild",
        "secret-project",
    ]
    assert slugs(client.get("/places", kind="community", sort="size")) == [
        "platform-guild",
        "secret-project",
        "architecture-board",
    ]
    assert client.get("/places", sort="popularity").status_code == 422


def test_communities_filter_by_tag_words_and_membership(api, org):
    client = api(org.bob)
    assert slugs(client.get("/places", kind="community", tag="Kubernetes")) == ["platform-guild"]
    assert slugs(client.get("/places", kind="community", q="guild")) == ["platform-guild"]
    assert slugs(client.get("/places", kind="community", q="  ARCHITECTURE  board ")) == [
        "architecture-board"
    ]
    assert slugs(client.get("/places", kind="community", mine="true")) == ["secret-project"]
    assert slugs(client.get("/places", mine="true", sort="name")) == [
        "board-bob",
        "secret-project",
    ]
    assert slugs(client.get("/places", kind="community", q="nothing like it")) == []


def test_the_catalog_never_shows_the_secret_community_to_outsiders(api, org):
    for params in (
        {"sort": "name"},
        {"sort": "size"},
        {"q": "secret"},
        {"mine": "true"},
        {"tag": "falcon"},
    ):
        response = api(org.dana).get("/places", kind="community", **params)
        assert response.status_code == 200
        assert_no_secret(response)
    assert slugs(api(org.bob).get("/places", q="secret")) == ["secret-project"]


@pytest.mark.parametrize("sort", ["name", "size", "activity"])
def test_every_order_pages_with_a_cursor(api, org, sort):
    for n in range(7):
        create_community(org.dana, f"Club {n}")
    client = api(org.dana)
    seen, cursor, pages = [], "", 0
    while True:
        page = client.get("/places", kind="community", sort=sort, limit=3, cursor=cursor).json()
        seen += [p["slug"] for p in page["items"]]
        pages += 1
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 9
    assert pages == 3
    everything = slugs(client.get("/places", kind="community", sort=sort, limit=100))
    assert seen == everything


def test_a_cursor_belongs_to_its_order(api, org):
    for n in range(3):
        create_community(org.dana, f"Club {n}")
    client = api(org.dana)
    by_name = client.get("/places", sort="name", limit=2).json()["next_cursor"]
    by_activity = client.get("/places", limit=2).json()["next_cursor"]
    for sort, cursor in (("size", by_name), ("activity", by_name), ("name", by_activity)):
        response = client.get("/places", sort=sort, cursor=cursor)
        assert response.status_code == 400, sort
        assert "first page" in response.json()["detail"]
    for cursor in ("nonsense", "bmFtZXwtNQ", "bmFtZXw5OTk5OTk5OTk5OQ"):
        assert client.get("/places", sort="name", cursor=cursor).status_code == 400


# Settings


def test_owners_change_a_community(api, org):
    response = api(org.alice).patch(
        "/places/platform-guild",
        {"name": "Platform People", "description": "*All* of us", "tags": "infra, k8s"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["name"] == "Platform People"
    assert data["slug"] == "platform-guild"
    assert data["description_html"] == "<p><em>All</em> of us</p>\n"
    assert set(data["tags"]) == {"infra", "k8s"}
    assert data["access"] == "open"
    response = api(org.alice).patch("/places/platform-guild", {"access": "moderated", "name": None})
    assert response.json()["access"] == "moderated"
    assert response.json()["name"] == "Platform People"


def test_only_owners_change_a_community(api, org):
    join_place(org.dana, org.guild)
    response = api(org.dana).patch("/places/platform-guild", {"name": "Dana's"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Only an owner of Platform Guild can do that."
    assert Place.objects.get(slug="platform-guild").name == "Platform Guild"


def test_community_changes_are_checked(api, org):
    client = api(org.alice)
    assert client.patch("/places/platform-guild", {"name": "  "}).status_code == 400
    assert client.patch("/places/platform-guild", {"name": "x" * 161}).status_code == 400
    assert client.patch("/places/platform-guild", {"access": "secret"}).status_code == 422
    response = client.patch("/places/platform-guild", {"idea_vote_cap": 0})
    assert response.status_code == 400
    assert response.json()["errors"]["idea_vote_cap"]
    assert client.patch("/places/platform-guild", {"idea_vote_cap": 3}).status_code == 200
    assert Place.objects.get(slug="platform-guild").idea_vote_cap == 3
    assert client.patch("/places/platform-guild", {"idea_vote_cap": None}).status_code == 200
    assert Place.objects.get(slug="platform-guild").idea_vote_cap is None


def test_boards_are_not_changed_as_communities(api, org):
    response = api(org.dana).patch("/places/board-dana", {"access": "restricted", "name": "X"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Only communities are changed here."
    board = Place.objects.get(slug="board-dana")
    assert (board.access, board.name) == ("open", "Dana Dahl")


def test_making_a_community_restricted_hides_it_from_outsiders(api, org):
    response = api(org.alice).patch("/places/platform-guild", {"access": "restricted"})
    assert response.status_code == 200
    assert api(org.dana).get("/places/platform-guild").status_code == 404


# Members and roles


def test_members_are_listed_with_their_roles(api, org):
    join_place(org.dana, org.guild)
    join_place(org.charlie, org.guild)
    add_member(org.alice, org.guild, org.bob, role="editor")
    response = api(org.dana).get("/places/platform-guild/members")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 4
    # Owners first, then editors, then members, each by name.
    assert [(m["person"]["username"], m["role"]) for m in data["items"]] == [
        ("alice", "owner"),
        ("bob", "editor"),
        ("charlie", "member"),
        ("dana", "member"),
    ]
    assert data["items"][0]["joined"]
    owners = api(org.dana).get("/places/platform-guild/members", role="owner").json()
    assert [m["person"]["username"] for m in owners["items"]] == ["alice"]
    page = api(org.dana).get("/places/platform-guild/members", limit=3).json()
    assert page["next_offset"] == 3
    assert api(org.dana).get("/places/platform-guild/members", role="boss").status_code == 422


def test_owners_promote_and_demote_members(api, org):
    join_place(org.dana, org.guild)
    client = api(org.alice)
    response = client.patch("/places/platform-guild/members/dana", {"role": "owner"})
    assert response.status_code == 200
    assert response.json()["role"] == "owner"
    assert response.json()["person"]["username"] == "dana"
    # Now two owners: alice may step down.
    response = client.patch("/places/platform-guild/members/alice", {"role": "member"})
    assert response.status_code == 200
    assert role_of(org.guild, org.alice) == "member"


def test_the_last_owner_cannot_be_demoted_or_removed(api, org):
    join_place(org.dana, org.guild)
    client = api(org.alice)
    response = client.patch("/places/platform-guild/members/alice", {"role": "member"})
    assert response.status_code == 400
    assert "at least one owner" in response.json()["detail"]
    response = client.delete("/places/platform-guild/members/alice")
    assert response.status_code == 400
    assert "at least one owner" in response.json()["detail"]
    assert role_of(org.guild, org.alice) == "owner"


def test_only_owners_change_roles_and_remove_members(api, org):
    join_place(org.dana, org.guild)
    join_place(org.charlie, org.guild)
    client = api(org.dana)
    response = client.patch("/places/platform-guild/members/dana", {"role": "owner"})
    assert response.status_code == 403
    response = client.delete("/places/platform-guild/members/charlie")
    assert response.status_code == 403
    assert role_of(org.guild, org.dana) == "member"
    assert role_of(org.guild, org.charlie) == "member"


def test_owners_remove_members(api, org):
    join_place(org.dana, org.guild)
    response = api(org.alice).delete("/places/platform-guild/members/dana")
    assert response.status_code == 200
    assert response.json()["member_count"] == 1
    assert role_of(org.guild, org.dana) is None
    response = api(org.alice).delete("/places/platform-guild/members/dana")
    assert response.status_code == 400
    assert "not a member" in response.json()["detail"]


def test_roles_need_members_known_people_and_known_roles(api, org):
    client = api(org.alice)
    response = client.patch("/places/platform-guild/members/dana", {"role": "editor"})
    assert response.status_code == 400
    assert "not a member" in response.json()["detail"]
    members = "/places/platform-guild/members"
    assert client.patch(f"{members}/ghost", {"role": "editor"}).status_code == 404
    assert client.delete(f"{members}/ghost").status_code == 404
    assert client.patch(f"{members}/alice", {"role": "king"}).status_code == 422


# Requests to join a moderated community


def test_a_request_to_join_is_approved_by_an_owner(api, org):
    response = api(org.dana).post("/places/architecture-board/requests", {"message": "Please"})
    assert response.status_code == 201, response.content
    request = response.json()
    assert request["kind"] == "request"
    assert request["state"] == "pending"
    assert request["person"]["username"] == "dana"
    assert request["place"]["slug"] == "architecture-board"
    assert request["invited_by"] is None

    listed = api(org.alice).get("/places/architecture-board/requests").json()
    assert [r["id"] for r in listed["items"]] == [request["id"]]
    response = api(org.alice).post(
        f"/places/architecture-board/requests/{request['id']}/decision", {"decision": "approve"}
    )
    assert response.status_code == 200
    assert response.json()["state"] == "approved"
    assert role_of(org.board_room, org.dana) == "member"
    assert api(org.alice).get("/places/architecture-board/requests").json()["count"] == 0


def test_a_declined_request_adds_nobody(api, org):
    request = request_to_join(org.dana, org.board_room)
    path = f"/places/architecture-board/requests/{request.pk}/decision"
    response = api(org.alice).post(path, {"decision": "decline"})
    assert response.json()["state"] == "declined"
    assert role_of(org.board_room, org.dana) is None
    response = api(org.alice).post(path, {"decision": "approve"})
    assert response.status_code == 400
    assert "already answered" in response.json()["detail"]
    assert role_of(org.board_room, org.dana) is None
    assert api(org.alice).post(path, {"decision": "maybe"}).status_code == 422


def test_only_owners_see_and_decide_requests(api, org):
    join_request = request_to_join(org.dana, org.board_room)
    add_member(org.alice, org.board_room, org.bob)
    for person in (org.bob, org.charlie, org.dana):
        response = api(person).get("/places/architecture-board/requests")
        assert response.status_code == 403
        assert "Only an owner of Architecture Board" in response.json()["detail"]
        response = api(person).post(
            f"/places/architecture-board/requests/{join_request.pk}/decision",
            {"decision": "approve"},
        )
        assert response.status_code == 403
    assert role_of(org.board_room, org.dana) is None
    # staff may moderate
    assert api(org.staff).get("/places/architecture-board/requests").status_code == 200


def test_asking_to_join_is_only_for_moderated_communities(api, org):
    client = api(org.dana)
    response = client.post("/places/platform-guild/requests", {})
    assert response.status_code == 400
    assert "join it directly" in response.json()["detail"]
    assert client.post("/places/board-bob/requests", {}).status_code == 400
    client.post("/places/architecture-board/requests", {})
    response = client.post("/places/architecture-board/requests", {})
    assert response.status_code == 400
    assert "already asked" in response.json()["detail"]
    response = api(org.alice).post("/places/architecture-board/requests", {})
    assert "already a member" in response.json()["detail"]
    assert JoinRequest.objects.count() == 1


def test_a_request_is_withdrawn_by_its_author_only(api, org):
    request = request_to_join(org.dana, org.board_room)
    path = f"/places/architecture-board/requests/{request.pk}"
    assert api(org.charlie).delete(path).status_code == 403
    assert api(org.alice).delete(path).status_code == 403
    response = api(org.dana).delete(path)
    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"
    assert api(org.dana).delete(path).status_code == 400


def test_requests_are_found_only_in_their_own_community(api, org):
    request = request_to_join(org.dana, org.board_room)
    other = create_community(org.charlie, "Chess", access=Place.Access.MODERATED)
    path = f"/places/{other.slug}/requests/{request.pk}/decision"
    assert api(org.charlie).post(path, {"decision": "approve"}).status_code == 404
    assert api(org.alice).delete("/places/architecture-board/requests/999999").status_code == 404


# Owners' invitations


def test_an_invitation_to_the_secret_community_is_accepted(api, org):
    response = api(org.alice).post(
        "/places/secret-project/invitations", {"username": "dana", "message": "Join us"}
    )
    assert response.status_code == 201, response.content
    invitation = response.json()
    assert invitation["kind"] == "invitation"
    assert invitation["invited_by"]["username"] == "alice"

    client = api(org.dana)
    mine = client.get("/me/community-invitations").json()
    assert [i["id"] for i in mine["items"]] == [invitation["id"]]
    assert mine["items"][0]["place"]["name"] == "Secret Project"
    assert client.get("/places/secret-project").status_code == 404  # not yet

    response = client.post(
        f"/me/community-invitations/{invitation['id']}/answer", {"answer": "accept"}
    )
    assert response.status_code == 200
    assert response.json()["state"] == "approved"
    assert client.get("/places/secret-project").json()["role"] == "member"
    assert client.get("/me/community-invitations").json()["count"] == 0


def test_a_declined_invitation_adds_nobody(api, org):
    invitation = invite_to_community(org.alice, org.secret, org.dana)
    path = f"/me/community-invitations/{invitation.pk}/answer"
    response = api(org.dana).post(path, {"answer": "decline"})
    assert response.json()["state"] == "declined"
    assert role_of(org.secret, org.dana) is None
    assert api(org.dana).post(path, {"answer": "accept"}).status_code == 400
    assert api(org.dana).post(path, {"answer": "perhaps"}).status_code == 422


def test_nobody_answers_someone_elses_invitation(api, org):
    invitation = invite_to_community(org.alice, org.secret, org.dana)
    path = f"/me/community-invitations/{invitation.pk}/answer"
    for person in (org.charlie, org.alice, org.bob):
        response = api(person).post(path, {"answer": "accept"})
        assert response.status_code == 404
        assert_no_secret(response)
    assert role_of(org.secret, org.charlie) is None
    # A request of one's own is not an invitation to answer.
    request = request_to_join(org.dana, org.board_room)
    response = api(org.dana).post(
        f"/me/community-invitations/{request.pk}/answer", {"answer": "accept"}
    )
    assert response.status_code == 404


def test_only_owners_invite_and_only_non_members(api, org):
    response = api(org.bob).post("/places/secret-project/invitations", {"username": "dana"})
    assert response.status_code == 403
    response = api(org.alice).post("/places/secret-project/invitations", {"username": "bob"})
    assert response.status_code == 400
    assert "already a member" in response.json()["detail"]
    client = api(org.alice)
    response = client.post("/places/secret-project/invitations", {"username": "dana"})
    assert response.status_code == 201
    response = client.post("/places/secret-project/invitations", {"username": "dana"})
    assert response.status_code == 400
    assert "already invited" in response.json()["detail"]
    response = client.post("/places/secret-project/invitations", {"username": "ghost"})
    assert response.status_code == 404
    assert JoinRequest.objects.count() == 1


def test_inviting_someone_who_asked_approves_their_request(api, org):
    request = request_to_join(org.dana, org.board_room)
    response = api(org.alice).post("/places/architecture-board/invitations", {"username": "dana"})
    assert response.status_code == 201
    assert response.json()["id"] == request.pk
    assert response.json()["state"] == "approved"
    assert role_of(org.board_room, org.dana) == "member"


def test_an_owner_withdraws_an_invitation(api, org):
    invitation = invite_to_community(org.alice, org.secret, org.dana)
    path = f"/places/secret-project/requests/{invitation.pk}"
    assert api(org.bob).delete(path).status_code == 403
    response = api(org.alice).delete(path)
    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"
    assert api(org.dana).get("/me/community-invitations").json()["count"] == 0


def test_an_invitation_is_decided_by_the_invited_not_the_owners(api, org):
    invitation = invite_to_community(org.alice, org.board_room, org.dana)
    response = api(org.alice).post(
        f"/places/architecture-board/requests/{invitation.pk}/decision", {"decision": "approve"}
    )
    assert response.status_code == 400
    assert "the person invited answers it" in response.json()["detail"]
    assert role_of(org.board_room, org.dana) is None


# The restricted community stays invisible


def secret_paths(org, request_id: int):
    return [
        ("patch", "/places/secret-project", {"name": "Leaked"}),
        ("get", "/places/secret-project/members", None),
        ("patch", "/places/secret-project/members/bob", {"role": "owner"}),
        ("delete", "/places/secret-project/members/bob", None),
        ("post", "/places/secret-project/requests", {"message": "let me in"}),
        ("get", "/places/secret-project/requests", None),
        ("post", f"/places/secret-project/requests/{request_id}/decision", {"decision": "approve"}),
        ("delete", f"/places/secret-project/requests/{request_id}", None),
        ("post", "/places/secret-project/invitations", {"username": "dana"}),
    ]


def test_every_membership_operation_on_the_secret_community_is_404_for_outsiders(api, org):
    invitation = invite_to_community(org.alice, org.secret, org.charlie)
    client = api(org.dana)
    missing = client.get("/places/atlantis/members")
    for method, path, body in secret_paths(org, invitation.pk):
        response = client.request(method, path, body)
        assert response.status_code == 404, (method, path, response.content)
        assert response.content == missing.content
        assert_no_secret(response)
    assert role_of(org.secret, org.bob) == "member"
    assert role_of(org.secret, org.dana) is None
    assert JoinRequest.objects.get(pk=invitation.pk).state == "pending"
    assert Place.objects.get(pk=org.secret.pk).name == "Secret Project"


def test_members_of_the_secret_community_reach_it(api, org):
    response = api(org.bob).get("/places/secret-project/members")
    assert response.status_code == 200
    assert {m["person"]["username"] for m in response.json()["items"]} == {"alice", "bob"}
    assert api(org.bob).get("/places/secret-project/requests").status_code == 403
    assert api(org.alice).get("/places/secret-project/requests").status_code == 200


def test_an_invitation_to_a_secret_community_reveals_it_only_to_the_invited(api, org):
    invite_to_community(org.alice, org.secret, org.charlie)
    assert_no_secret(api(org.dana).get("/me/community-invitations"))
    assert api(org.charlie).get("/me/community-invitations").json()["count"] == 1


# Query counts


def queries_for(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured)


def grow(org, start: int, stop: int) -> None:
    for i in range(start, stop):
        person = create_person(f"extra{i}", f"Extra Person {i}")
        join_place(person, org.guild)
        request_to_join(person, org.board_room)
        invite_to_community(org.alice, org.secret, person)
        community = create_community(person, f"Club {i}", tags=f"club, c{i}")
        invite_to_community(person, community, org.alice)
        create_item(person, community, kind="topic", body="Hello")
        tag_person(person, org.alice, "leader")


LISTS = [
    ("/places/platform-guild/members", {}, 4),
    ("/places/architecture-board/requests", {}, 5),
    ("/me/community-invitations", {}, 3),
    ("/places", {"kind": "community", "sort": "name"}, 4),
    ("/places", {"kind": "community", "sort": "size", "tag": "club"}, 4),
    ("/places", {"mine": "true"}, 4),
]


@pytest.mark.parametrize(("path", "params", "most"), LISTS, ids=[f"{p} {q}" for p, q, _ in LISTS])
def test_community_lists_use_a_fixed_number_of_queries(api, org, path, params, most):
    client = api(org.alice)
    client.get("/people/me")  # the token's first use records last_used
    grow(org, 0, 1)
    small = queries_for(client, path, limit="100", **params)
    grow(org, 1, 13)
    assert queries_for(client, path, limit="100", **params) == small
    assert small <= most
