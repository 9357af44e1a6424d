"""Ask in a real browser: alice writes a question, Kollega suggests charlie (the kubernetes
expert, two steps away through bob), she addresses it to him; charlie is told, answers on
the question's page, and alice accepts his answer."""

import re

import pytest

from kollega.discovery.refresh import refresh_people
from kollega.people.actions import tag_person
from kollega.places.actions import join_place
from tests.discovery.conftest import answered, connect

pytestmark = pytest.mark.browser


@pytest.fixture
def ask_org(live_org):
    org = live_org
    tag_person(org.charlie, org.charlie, "kubernetes")
    tag_person(org.bob, org.charlie, "kubernetes")
    tag_person(org.dana, org.charlie, "kubernetes")
    join_place(org.dana, org.guild)
    answered(org.dana, org.charlie, org.guild, "kubernetes")
    connect(org.alice, org.bob)
    connect(org.bob, org.charlie)
    refresh_people([org.alice.pk, org.bob.pk, org.charlie.pk, org.dana.pk])
    return org


def test_a_question_reaches_the_suggested_expert_and_is_answered(ask_org, sign_in, live_server):
    url = live_server.url
    alice = sign_in("alice")
    alice.goto(f"{url}/ask/")
    alice.get_by_label("Your question").press_sequentially("How do I drain a Kubernetes node?")
    suggestion = alice.locator(".suggestion", has_text="Charlie Chen")
    suggestion.wait_for()
    assert "accepted answer" in suggestion.inner_text()
    assert "Bob Brown" in suggestion.locator(".path").inner_text()
    alice.get_by_label("Charlie Chen").check()
    alice.get_by_role("button", name="Post question").click()
    alice.wait_for_url(re.compile(r".*/ask/\d+/$"))
    assert "not replied yet" in alice.locator("ul.routed").inner_text()
    item_id = alice.url.rstrip("/").rsplit("/", 1)[-1]

    charlie = sign_in("charlie")
    charlie.goto(f"{url}/notifications/")
    charlie.get_by_text("How do I drain a Kubernetes node?").first.wait_for()
    charlie.goto(f"{url}/ask/for-me/")
    charlie.locator(".routed-questions li", has_text="drain a Kubernetes node").get_by_role(
        "link", name="Answer"
    ).click()
    charlie.wait_for_url(f"{url}/items/{item_id}/")
    charlie.get_by_label("Your reply").fill("Run `kubectl drain` with --ignore-daemonsets.")
    charlie.get_by_role("button", name="Reply", exact=True).click()
    charlie.locator(".reply", has_text="kubectl drain").wait_for()

    alice.goto(f"{url}/items/{item_id}/")
    alice.locator(".reply", has_text="kubectl drain").get_by_role(
        "button", name="Accept as answer"
    ).click()
    alice.locator("#item-detail h1 .badge", has_text="Answered").wait_for()
    alice.goto(f"{url}/ask/{item_id}/")
    assert "replied" in alice.locator("ul.routed").inner_text()
    assert "Answered" in alice.locator(".page-head").inner_text()
