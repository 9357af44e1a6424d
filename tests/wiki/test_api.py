from __future__ import annotations

import pytest

from kollega.content.actions import MAX_BODY
from kollega.wiki.actions import edit_page
from kollega.wiki.models import WikiPage
from tests.wiki.conftest import add_revisions, api_url


def test_it_lists_the_pages_as_a_tree(org, wiki, api):
    response = api("charlie").get("/wiki/platform-guild/pages")
    assert response.status_code == 200
    body = response.json()
    assert body["front_page"] == "handbook"
    assert [(p["slug"], p["parent"], p["depth"]) for p in body["pages"]] == [
        ("handbook", None, 1), ("onboarding", "handbook", 2), ("laptops", "onboarding", 3),
    ]  # fmt: skip


def test_it_gets_a_page_with_breadcrumbs_children_and_revision(org, wiki, api):
    body = api("charlie").get(api_url(wiki.onboarding)).json()
    assert body["title"] == "Onboarding" and body["tags"] == ["onboarding"]
    assert [c["slug"] for c in body["breadcrumbs"]] == ["handbook"]
    assert body["parent"]["slug"] == "handbook"
    assert [c["slug"] for c in body["children"]] == ["laptops"]
    assert (body["revision"], body["can_edit"], body["item_id"]) == (1, False, wiki.onboarding.pk)
    assert body["url"].endswith("/places/platform-guild/wiki/onboarding/")


def test_a_member_creates_edits_and_moves_pages(org, wiki, api):
    bob = api("bob")
    new = {"title": "Runbooks", "body": "# Runbooks", "parent": "handbook"}
    created = bob.post("/wiki/platform-guild/pages", new)
    assert created.status_code == 201, created.json()
    assert created.json()["slug"] == "runbooks" and created.json()["parent"]["slug"] == "handbook"
    change = {"body": "# Runbooks\n\nPager duty.", "note": "more", "base_revision": 1}
    edited = bob.patch("/wiki/platform-guild/pages/runbooks", change)
    assert edited.status_code == 200 and edited.json()["revision"] == 2
    moved = bob.post("/wiki/platform-guild/pages/runbooks/move", {"parent": None, "position": 0})
    assert moved.status_code == 200 and moved.json()["parent"] is None
    listing = bob.get("/wiki/platform-guild/pages").json()
    assert listing["front_page"] == "runbooks"


def test_revisions_diff_and_restore(org, wiki, api):
    edit_page(org.bob, wiki.onboarding, body="Day one.\nDay 2.", note="digits")
    bob = api("bob")
    revisions = bob.get(api_url(wiki.onboarding, "/revisions")).json()
    assert [(r["number"], r["note"]) for r in revisions["items"]] == [(2, "digits"), (1, "")]
    assert "body" not in revisions["items"][0]
    one = bob.get(api_url(wiki.onboarding, "/revisions/1")).json()
    assert one["body"] == "Day one.\nDay two." and "<p>" in one["body_html"]
    diff = bob.get(api_url(wiki.onboarding, "/diff"), **{"from": 1, "to": 2}).json()
    assert (diff["added"], diff["removed"]) == (1, 1)
    ops = [(line["op"], line["text"]) for line in diff["hunks"][0]["lines"]]
    assert ops == [("same", "Day one."), ("del", "Day two."), ("add", "Day 2.")]
    restored = bob.post(api_url(wiki.onboarding, "/revisions/1/restore"))
    assert restored.status_code == 200 and restored.json()["revision"] == 3
    assert restored.json()["body"] == "Day one.\nDay two."


def test_revision_history_is_paged(org, wiki, api):
    for n in range(5):
        edit_page(org.bob, WikiPage.objects.get(pk=wiki.handbook.pk), body=f"Edit {n}")
    first = api("bob").get(api_url(wiki.handbook, "/revisions"), limit=4).json()
    assert [r["number"] for r in first["items"]] == [6, 5, 4, 3]
    rest = api("bob").get(api_url(wiki.handbook, "/revisions"), before=first["next_before"])
    assert [r["number"] for r in rest.json()["items"]] == [2, 1]
    assert rest.json()["next_before"] is None


def test_non_members_cannot_write(org, wiki, api):
    charlie = api("charlie")
    assert (
        charlie.post("/wiki/platform-guild/pages", {"title": "x", "body": "x"}).status_code == 403
    )
    assert charlie.patch(api_url(wiki.handbook), {"body": "x"}).status_code == 403
    assert charlie.post(api_url(wiki.laptops, "/move"), {"parent": None}).status_code == 403
    edit_page(org.bob, wiki.handbook, body="Second.")
    assert charlie.post(api_url(wiki.handbook, "/revisions/1/restore")).status_code == 403
    assert WikiPage.objects.get(pk=wiki.handbook.pk).revision_number == 2


def test_bad_input_is_refused_with_a_message(org, wiki, api):
    bob = api("bob")
    too_big = bob.patch(api_url(wiki.handbook), {"body": "x" * (MAX_BODY + 1)})
    assert too_big.status_code == 400 and "too long" in too_big.json()["detail"]
    cycle = bob.post(api_url(wiki.handbook, "/move"), {"parent": "laptops"})
    assert cycle.status_code == 400 and "under itself" in cycle.json()["detail"]
    stale = bob.patch(api_url(wiki.handbook), {"body": "New", "base_revision": 7})
    assert stale.status_code == 400
    empty = bob.post("/wiki/platform-guild/pages", {"title": " ", "body": "x"})
    assert empty.status_code == 400 and "title" in empty.json()["errors"]
    taken = bob.post("/wiki/platform-guild/pages", {"title": "x", "body": "x", "slug": "handbook"})
    assert taken.status_code == 400
    missing_parent = bob.post("/wiki/platform-guild/pages", {"title": "x", "body": "x",
                                                             "parent": "nope"})  # fmt: skip
    assert missing_parent.status_code == 404
    assert WikiPage.objects.get(pk=wiki.handbook.pk).revision_number == 1


@pytest.mark.parametrize(
    ("method", "suffix", "params", "statuses"),
    [
        ("get", "/revisions/2", {}, (404,)),
        ("get", "/revisions/0", {}, (422,)),
        ("get", "/revisions/99999999999999999999", {}, (422,)),
        ("get", "/revisions/abc", {}, (422,)),
        ("get", "/diff", {"from": 1, "to": 5}, (404,)),
        ("get", "/diff", {"from": "x", "to": 1}, (422,)),
        ("get", "/diff", {"to": 1}, (422,)),
        ("get", "/revisions", {"before": -3}, (422,)),
        ("post", "/revisions/9/restore", {}, (400,)),
    ],
)
def test_bad_revision_numbers_are_4xx(org, wiki, api, method, suffix, params, statuses):
    response = getattr(api("bob"), method)(api_url(wiki.handbook, suffix), **params)
    assert response.status_code in statuses and response.json()["detail"]


SECRET_CALLS = [
    ("get", "/wiki/secret-project/pages", None),
    ("post", "/wiki/secret-project/pages", {"title": "x", "body": "x"}),
    ("get", "/wiki/secret-project/pages/falcon-plan", None),
    ("patch", "/wiki/secret-project/pages/falcon-plan", {"body": "x"}),
    ("post", "/wiki/secret-project/pages/falcon-plan/move", {"parent": None}),
    ("get", "/wiki/secret-project/pages/falcon-plan/revisions", None),
    ("get", "/wiki/secret-project/pages/falcon-plan/revisions/1", None),
    ("get", "/wiki/secret-project/pages/falcon-plan/diff?from=1&to=1", None),
    ("post", "/wiki/secret-project/pages/falcon-plan/revisions/1/restore", None),
]


@pytest.mark.parametrize(("method", "path", "body"), SECRET_CALLS)
def test_it_hides_restricted_wikis_from_non_members_everywhere(org, wiki, api, method, path, body):
    client = api("dana")
    response = client.request(method, path, body)
    assert response.status_code == 404
    assert b"Falcon" not in response.content


def test_the_page_and_history_calls_make_a_fixed_number_of_queries(
    org, wiki, api, django_assert_max_num_queries
):
    bob = api("bob")
    add_revisions(wiki.onboarding, org.bob, 100)
    with django_assert_max_num_queries(12):
        assert bob.get(api_url(wiki.onboarding)).status_code == 200
    with django_assert_max_num_queries(8):
        assert bob.get(api_url(wiki.onboarding, "/revisions"), limit=100).status_code == 200
