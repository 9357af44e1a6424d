"""The ideas API: list, create, get, vote, unvote, decide — and who may."""

from kollega.ideas.models import Idea, IdeaVote
from kollega.places.models import Place


def test_members_submit_ideas(api, org):
    response = api(org.bob).post(
        "/ideas", {"place": org.secret.slug, "title": "Falcon", "body": "Fly", "tags": "x"}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["state"], body["vote_count"], body["voted"]) == ("open", 0, False)
    assert body["url"].endswith(f"/ideas/{body['id']}/")


def test_submitting_is_refused_with_reasons(api, org):
    assert (
        api(org.dana)
        .post("/ideas", {"place": org.guild.slug, "title": "t", "body": "b"})
        .status_code
        == 403
    )
    assert (
        api(org.dana)
        .post("/ideas", {"place": org.secret.slug, "title": "t", "body": "b"})
        .status_code
        == 404
    )
    board = org.bob.board.slug
    assert (
        api(org.bob).post("/ideas", {"place": board, "title": "t", "body": "b"}).status_code == 404
    )
    assert (
        api(org.alice)
        .post("/ideas", {"place": org.guild.slug, "title": " ", "body": "b"})
        .status_code
        == 400
    )
    assert (
        api(org.alice)
        .post("/ideas", {"place": org.guild.slug, "title": "t", "body": ""})
        .status_code
        == 400
    )
    assert api(org.alice).post("/ideas", {"place": org.guild.slug}).status_code == 422
    assert not Idea.objects.exists()


def test_voting_counts_and_twice_changes_nothing(api, idea, org):
    item = idea(org.alice, org.secret)
    bob = api(org.bob)
    assert bob.put(f"/ideas/{item.pk}/vote").json()["vote_count"] == 1
    body = bob.put(f"/ideas/{item.pk}/vote").json()
    assert (body["vote_count"], body["voted"]) == (1, True)
    assert api(org.alice).get(f"/ideas/{item.pk}").json()["voted"] is False
    assert bob.delete(f"/ideas/{item.pk}/vote").json()["vote_count"] == 0
    assert bob.delete(f"/ideas/{item.pk}/vote").json()["vote_count"] == 0


def test_non_members_cannot_vote(api, idea, org):
    open_idea = idea(org.alice, org.guild)
    secret_idea = idea(org.alice, org.secret)
    response = api(org.dana).put(f"/ideas/{open_idea.pk}/vote")
    assert response.status_code == 403
    assert "Join the community first" in response.json()["detail"]
    assert api(org.dana).put(f"/ideas/{secret_idea.pk}/vote").status_code == 404
    assert api(org.dana).get(f"/ideas/{secret_idea.pk}").status_code == 404
    assert api(org.dana).get("/ideas", place=org.secret.slug).status_code == 404
    assert not IdeaVote.objects.exists()


def test_votes_beyond_the_cap_are_refused_and_change_nothing(api, idea, org):
    Place.objects.filter(pk=org.secret.pk).update(idea_vote_cap=1)
    first, second = idea(org.alice, org.secret), idea(org.alice, org.secret, title="Two")
    bob = api(org.bob)
    assert bob.put(f"/ideas/{first.pk}/vote").status_code == 200
    assert bob.get("/ideas", place=org.secret.slug).json()["votes_left"] == 0
    refused = bob.put(f"/ideas/{second.pk}/vote")
    assert refused.status_code == 400
    assert "used all 1 of your votes" in refused.json()["detail"]
    assert Idea.objects.get(pk=second.pk).vote_count == 0
    assert IdeaVote.objects.count() == 1
    api(org.alice).post(f"/ideas/{first.pk}/decision", {"state": "accepted"})
    assert bob.put(f"/ideas/{second.pk}/vote").status_code == 200
    assert bob.delete(f"/ideas/{first.pk}/vote").status_code == 400  # decided: votes are final


def test_owners_decide(api, idea, org):
    original = idea(org.bob, org.secret, title="Original")
    copy = idea(org.bob, org.secret, title="Copy")
    other_place = idea(org.alice, org.guild, title="Elsewhere")
    assert api(org.bob).post(f"/ideas/{copy.pk}/decision", {"state": "accepted"}).status_code == 403
    alice = api(org.alice)
    assert alice.post(f"/ideas/{copy.pk}/decision", {"state": "duplicate"}).status_code == 400
    assert (
        alice.post(
            f"/ideas/{copy.pk}/decision", {"state": "duplicate", "duplicate_of": other_place.pk}
        ).status_code
        == 400
    )
    assert alice.post(f"/ideas/{copy.pk}/decision", {"state": "maybe"}).status_code == 422
    assert (
        alice.post(
            f"/ideas/{copy.pk}/decision", {"state": "duplicate", "duplicate_of": 2**63}
        ).status_code
        == 422
    )
    body = alice.post(
        f"/ideas/{copy.pk}/decision",
        {"state": "duplicate", "duplicate_of": original.pk, "note": "See *that*"},
    ).json()
    assert (body["state"], body["duplicate_of"], body["decided_by"]["username"]) == (
        "duplicate", original.pk, "alice",
    )  # fmt: skip
    assert "<em>that</em>" in body["decision_note_html"]
    # The original may not point back at its own duplicate.
    assert (
        alice.post(
            f"/ideas/{original.pk}/decision", {"state": "duplicate", "duplicate_of": copy.pk}
        ).status_code
        == 400
    )
    assert api(org.bob).put(f"/ideas/{copy.pk}/vote").status_code == 400
    body = alice.post(f"/ideas/{copy.pk}/decision", {"state": "open"}).json()
    assert (body["state"], body["duplicate_of"], body["decided_at"]) == ("open", None, None)


def test_the_list_sorts_filters_and_pages(api, idea, org):
    for n in range(3):
        idea(org.alice, org.guild, title=f"Idea {n}")
    client = api(org.dana)
    body = client.get("/ideas", place=org.guild.slug, sort="newest", limit=2).json()
    assert [i["title"] for i in body["items"]] == ["Idea 2", "Idea 1"]
    assert (body["count"], body["next_offset"], body["votes_left"]) == (3, 2, None)
    assert client.get("/ideas", place=org.guild.slug, state="declined").json()["count"] == 0
    assert client.get("/ideas", place=org.guild.slug, state="nope").status_code == 400
    assert client.get("/ideas", place=org.guild.slug, sort="nope").status_code == 400
    assert client.get("/ideas", place=org.guild.slug, offset=-1).status_code == 422
    assert client.get("/ideas", place="no-such").status_code == 404
    assert client.get(f"/ideas/{org.open_item.pk}").status_code == 404


def test_the_list_has_a_fixed_number_of_queries(api, idea, org, django_assert_max_num_queries):
    Place.objects.filter(pk=org.guild.pk).update(idea_vote_cap=5)
    client = api(org.alice)
    for n in range(15):
        item = idea(org.alice, org.guild, title=f"Idea {n}", tags=f"t{n}")
        if n % 2:
            client.put(f"/ideas/{item.pk}/vote")
    client.get("/ideas", place=org.guild.slug)
    with django_assert_max_num_queries(12):
        assert len(client.get("/ideas", place=org.guild.slug).json()["items"]) == 15
