"""Ideas through the pages: submitting, voting with htmx, the cap, decisions, access."""

from kollega.activity.models import Event
from kollega.ideas.models import Idea, IdeaVote
from kollega.places.models import Place
from tests.web.conftest import htmx


def vote_url(item, action="vote"):
    return f"/ideas/{item.pk}/{action}/"


def test_members_submit_ideas_from_the_ideas_tab(alice, org):
    response = alice.post(
        f"/places/{org.guild.slug}/ideas/",
        {"title": "Faster builds", "body": "Cache *deps*", "tags": "ci"},
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert response["Location"] == f"/ideas/{idea.pk}/"
    assert idea.state == Idea.State.OPEN and idea.item.place == org.guild
    page = alice.get(response["Location"]).content.decode()
    assert "<em>deps</em>" in page
    assert f'href="/items/{idea.pk}/#replies"' in page


def test_an_idea_needs_a_title_and_text(alice, org):
    response = alice.post(f"/places/{org.guild.slug}/ideas/", {"title": "", "body": ""})
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_outsiders_cannot_submit_or_vote(dana, idea, org):
    item = idea(org.alice, org.guild)
    page = dana.get(f"/places/{org.guild.slug}/ideas/")
    assert page.status_code == 200 and page.context["form"] is None
    assert "Join the community" in page.content.decode()
    assert (
        dana.post(f"/places/{org.guild.slug}/ideas/", {"title": "x", "body": "y"}).status_code
        == 403
    )
    assert dana.post(vote_url(item)).status_code == 403
    response = dana.post(vote_url(item), **htmx())
    assert response.status_code == 403
    assert "Join the community first" in response.content.decode()
    assert not IdeaVote.objects.exists()


def test_restricted_ideas_are_invisible_to_outsiders(dana, bob, idea, org):
    item = idea(org.bob, org.secret, title="Falcon idea")
    assert dana.get(f"/places/{org.secret.slug}/ideas/").status_code == 404
    assert dana.get(f"/ideas/{item.pk}/").status_code == 404
    assert dana.post(vote_url(item)).status_code == 404
    assert dana.post(f"/ideas/{item.pk}/decide/", {"state": "accepted"}).status_code == 404
    assert "Falcon idea" in bob.get(f"/places/{org.secret.slug}/ideas/").content.decode()


def test_members_vote_and_take_votes_back_with_htmx(bob, idea, org):
    item = idea(org.alice, org.guild)
    org.guild.memberships.create(person=org.bob)
    response = bob.post(vote_url(item), **htmx())
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "1 vote" in fragment and "Take my vote back" in fragment
    assert Event.objects.filter(verb="vote", item=item, data={"idea": item.pk}).exists()
    assert bob.post(vote_url(item), **htmx()).status_code == 200  # twice changes nothing
    assert Idea.objects.get().vote_count == 1
    assert "0 votes" in bob.post(vote_url(item, "unvote"), **htmx()).content.decode()
    assert Idea.objects.get().vote_count == 0
    assert bob.post(vote_url(item)).status_code == 302
    assert bob.post(vote_url(item, "nonsense")).status_code == 302
    assert Idea.objects.get().vote_count == 1


def test_votes_beyond_the_cap_are_refused(bob, idea, org):
    Place.objects.filter(pk=org.secret.pk).update(idea_vote_cap=2)
    ideas = [idea(org.alice, org.secret, title=f"Idea {n}") for n in range(3)]
    page = bob.get(f"/places/{org.secret.slug}/ideas/").content.decode()
    assert "You have 2 of 2 votes left." in page
    bob.post(vote_url(ideas[0]), **htmx())
    response = bob.post(vote_url(ideas[1]), **htmx())
    assert 'id="votes-left" class="hint" role="status" hx-swap-oob="true">You have 0 of 2' in (
        response.content.decode()
    )
    refused = bob.post(vote_url(ideas[2]), **htmx())
    assert refused.status_code == 400
    assert "used all 2 of your votes" in refused.content.decode()
    assert bob.post(vote_url(ideas[2])).status_code == 400
    assert IdeaVote.objects.filter(person=org.bob).count() == 2
    assert Idea.objects.get(pk=ideas[2].pk).vote_count == 0
    # A decision gives votes back: only votes on open ideas count.
    Idea.objects.filter(pk=ideas[0].pk).update(state=Idea.State.ACCEPTED)
    assert bob.post(vote_url(ideas[2]), **htmx()).status_code == 200


def test_decided_ideas_take_no_more_votes(bob, alice, idea, org):
    item = idea(org.alice, org.secret)
    alice.post(f"/ideas/{item.pk}/decide/", {"state": "declined", "note": "Not *now*"})
    response = bob.post(vote_url(item), **htmx())
    assert response.status_code == 400
    assert "declined" in response.content.decode()
    page = bob.get(f"/ideas/{item.pk}/").content.decode()
    assert "<em>now</em>" in page and "Declined" in page


def test_owners_decide_and_others_cannot(alice, bob, idea, org):
    first = idea(org.bob, org.secret, title="Original")
    second = idea(org.bob, org.secret, title="Copy")
    assert bob.post(f"/ideas/{second.pk}/decide/", {"state": "accepted"}).status_code == 403
    page = alice.get(f"/ideas/{second.pk}/")
    assert page.context["decision_form"] is not None
    assert bob.get(f"/ideas/{second.pk}/").context["decision_form"] is None
    missing = alice.post(f"/ideas/{second.pk}/decide/", {"state": "duplicate"})
    assert missing.status_code == 400
    assert "Name the idea this one duplicates" in missing.content.decode()
    itself = alice.post(
        f"/ideas/{second.pk}/decide/", {"state": "duplicate", "duplicate_of": second.pk}
    )
    assert itself.status_code == 400
    ok = alice.post(f"/ideas/{second.pk}/decide/", {"state": "duplicate", "duplicate_of": first.pk})
    assert ok.status_code == 302
    decided = Idea.objects.get(pk=second.pk)
    assert (decided.state, decided.duplicate_of_id, decided.decided_by) == (
        "duplicate",
        first.pk,
        org.alice,
    )
    assert Event.objects.filter(verb="update", item=second, data={"state": "duplicate"}).exists()
    assert "Original" in bob.get(f"/ideas/{second.pk}/").content.decode()
    alice.post(f"/ideas/{second.pk}/decide/", {"state": "open"})
    reopened = Idea.objects.get(pk=second.pk)
    assert (reopened.state, reopened.duplicate_of, reopened.decided_by) == ("open", None, None)
    assert alice.post(f"/ideas/{second.pk}/decide/", {"state": "bogus"}).status_code == 400


def test_the_list_sorts_by_votes_or_newest_and_filters_by_state(bob, idea, org):
    quiet = idea(org.alice, org.secret, title="Quiet")
    loud = idea(org.alice, org.secret, title="Loud")
    Idea.objects.filter(pk=quiet.pk).update(vote_count=5)
    Idea.objects.filter(pk=loud.pk).update(state="accepted")
    url = f"/places/{org.secret.slug}/ideas/"
    assert [i.title for i in bob.get(url).context["page"]] == ["Quiet", "Loud"]
    assert [i.title for i in bob.get(url + "?sort=newest").context["page"]] == ["Loud", "Quiet"]
    assert [i.title for i in bob.get(url + "?state=accepted").context["page"]] == ["Loud"]
    assert bob.get(url + "?sort=x&state=y&page=-5").status_code == 200


def test_ideas_are_only_for_communities(alice, org):
    assert alice.get(f"/places/{org.alice.board.slug}/ideas/").status_code == 404
    assert alice.get(f"/ideas/{org.open_item.pk}/").status_code == 404
    assert alice.get("/ideas/99999999999999999/").status_code == 404


def test_the_ideas_list_has_a_fixed_number_of_queries(
    bob, idea, org, django_assert_max_num_queries
):
    Place.objects.filter(pk=org.secret.pk).update(idea_vote_cap=3)
    url = f"/places/{org.secret.slug}/ideas/"
    for n in range(3):
        idea(org.alice, org.secret, title=f"Idea {n}", tags=f"t{n}")
    bob.get(url)
    with django_assert_max_num_queries(16):
        assert bob.get(url).status_code == 200
    for n in range(3, 15):
        item = idea(org.alice, org.secret, title=f"Idea {n}", tags=f"t{n}, x")
        bob.post(vote_url(item))
    with django_assert_max_num_queries(16):
        response = bob.get(url)
    assert len(response.context["page"]) == 15
