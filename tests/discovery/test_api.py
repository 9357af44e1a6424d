"""The discovery API: expertise, experts, Ask, routed questions and recommendations."""

import pytest

from kollega.content.models import Question
from kollega.discovery.models import DismissedRecommendation, RoutedQuestion

BASE = "/discovery"


def test_expertise_lists_topics_with_their_evidence(api, experts):
    body = api(experts.dana).get(f"{BASE}/expertise/charlie").json()
    topic = body["topics"][0]
    assert (topic["tag"], topic["taggers"], topic["answers"], topic["self_tagged"]) == (
        "kubernetes", 2, 1, True,
    )  # fmt: skip
    assert body["responsiveness"]["accepted"] == 1
    assert api(experts.dana).get(f"{BASE}/expertise/nobody").status_code == 404


def test_experts_search_ranks_by_expertise(api, experts):
    body = api(experts.dana).get(f"{BASE}/experts", q="kubernetes").json()
    assert [e["person"]["username"] for e in body][0] == "charlie"
    assert {e["person"]["username"] for e in body} == {"charlie", "bob", "alice"}
    assert api(experts.dana).get(f"{BASE}/experts", q="").status_code == 422
    assert api(experts.dana).get(f"{BASE}/experts", q="x", limit=10**30).status_code == 422


def test_ask_suggest_explains_and_shows_the_path(api, experts):
    response = api(experts.alice).post(f"{BASE}/ask/suggestions", {"title": "kubernetes?"})
    first = response.json()[0]
    assert first["person"]["username"] == "charlie"
    assert [p["username"] for p in first["path"]] == ["alice", "bob", "charlie"]
    assert first["hops"] == 2 and first["reasons"]


@pytest.mark.parametrize(
    "payload",
    [{"title": "x" * 201}, {"title": "a", "limit": 0}, {"title": "a", "tags": 5},
     {"title": "bad\x00"}, "not json"],
)  # fmt: skip
def test_ask_suggest_refuses_bad_input(api, experts, payload):
    assert api(experts.alice).post(f"{BASE}/ask/suggestions", payload).status_code in (400, 422)


def test_ask_post_routes_and_reports_status(api, experts):
    response = api(experts.alice).post(
        f"{BASE}/ask", {"title": "Drain a node?", "tags": "kubernetes", "experts": ["charlie"]}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [r["person"]["username"] for r in body["routed"]] == ["charlie"]
    assert body["state"] == "open" and body["url"].endswith(f"/ask/{body['id']}/")
    routed = api(experts.charlie).get(f"{BASE}/routed").json()
    assert [r["item_id"] for r in routed] == [body["id"]]
    assert api(experts.dana).get(f"{BASE}/ask/{body['id']}").json()["routed"][0]["state"] == "open"


def test_ask_post_in_a_community(api, experts):
    body = (
        api(experts.alice)
        .post(f"{BASE}/ask", {"title": "Q?", "place": experts.guild.slug, "experts": []})
        .json()
    )
    assert Question.objects.filter(item_id=body["id"]).exists()


def test_ask_post_refuses_with_reasons_and_changes_nothing(api, experts):
    alice = api(experts.alice)
    assert alice.post(f"{BASE}/ask", {"title": "Q", "experts": ["ghost"]}).status_code == 400
    assert alice.post(f"{BASE}/ask", {"title": " "}).status_code == 400
    assert alice.post(f"{BASE}/ask", {"title": "Q", "place": "no-such"}).status_code == 404
    dana = api(experts.dana)
    assert dana.post(f"{BASE}/ask", {"title": "Q", "place": experts.secret.slug}).status_code == 404
    assert (
        dana.post(f"{BASE}/ask", {"title": "Q", "place": experts.board_room.slug}).status_code
        == 403
    )
    answer = alice.post(
        f"{BASE}/ask", {"title": "Q", "place": experts.secret.slug, "experts": ["dana"]}
    )
    assert answer.status_code == 400 and "cannot read" in answer.json()["detail"]
    assert not Question.objects.filter(item__title="Q").exists()


def test_routed_decline(api, experts):
    api(experts.alice).post(f"{BASE}/ask", {"title": "Q?", "experts": ["charlie"]})
    routed = RoutedQuestion.objects.get()
    assert api(experts.bob).post(f"{BASE}/routed/{routed.pk}/decline").status_code == 404
    assert api(experts.charlie).post(f"{BASE}/routed/{routed.pk}/decline").json()["id"] == routed.pk
    assert api(experts.charlie).post(f"{BASE}/routed/{routed.pk}/decline").status_code == 400
    assert api(experts.charlie).post(f"{BASE}/routed/{2**70}/decline").status_code in (404, 422)


def test_the_status_of_a_restricted_question_is_not_found(api, experts):
    assert api(experts.dana).get(f"{BASE}/ask/{experts.secret_item.pk}").status_code == 404
    assert api(experts.dana).get(f"{BASE}/ask/{experts.open_item.pk}").status_code == 404


def test_recommendations_list_and_dismiss(api, experts):
    dana = api(experts.dana)
    found = dana.get(f"{BASE}/recommendations").json()
    assert experts.open_item.pk in [r["item_id"] for r in found]
    rec = next(r for r in found if r["item_id"] == experts.open_item.pk)
    assert "community" in rec["reason_codes"]
    assert dana.post(f"{BASE}/recommendations/{experts.open_item.pk}/dismiss").status_code == 204
    assert experts.open_item.pk not in [
        r["item_id"] for r in dana.get(f"{BASE}/recommendations").json()
    ]
    assert dana.post(f"{BASE}/recommendations/{experts.secret_item.pk}/dismiss").status_code == 404
    assert DismissedRecommendation.objects.count() == 1
    assert dana.post(f"{BASE}/seen/{experts.open_item.pk}").status_code == 204


def test_anonymous_callers_are_refused(anonymous):
    assert anonymous.get(f"{BASE}/recommendations").status_code == 401
    assert anonymous.post(f"{BASE}/ask/suggestions", {"title": "x"}).status_code == 401
