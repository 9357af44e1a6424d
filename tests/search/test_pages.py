"""The search page, the suggestions under the box, the API, and their query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from kollega.content.actions import create_item
from kollega.content.models import Item
from tests.factories import PASSWORD


@pytest.fixture
def dana_client(indexed):
    client = Client()
    assert client.login(username="dana", password=PASSWORD)
    return client


def test_the_search_page_shows_results_facets_and_reasons(dana_client):
    response = dana_client.get("/search/", {"q": "kubernetes"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>Kubernetes</mark> upgrade plan" in html
    assert "Why here?" in html and "text match" in html
    assert "Forum topic" in html and "Platform Guild" in html


def test_htmx_gets_only_the_results(dana_client):
    response = dana_client.get("/search/", {"q": "kubernetes", "kind": "topic"},
                               headers={"HX-Request": "true"})  # fmt: skip
    assert response.status_code == 200
    assert b"<html" not in response.content and b"search-results" in response.content


def test_the_search_page_never_shows_restricted_items(dana_client):
    html = dana_client.get("/search/", {"q": "falcon"}).content.decode()
    assert "Codename" not in html and "0 results" in html


@pytest.mark.parametrize("params", [{"kind": "bogus"}, {"from": "yesterday"}, {"page": "999"}])
def test_bad_parameters_get_a_400_not_a_500(dana_client, params):
    response = dana_client.get("/search/", {"q": "kubernetes", **params})
    assert response.status_code == 400


def test_nul_bytes_and_operators_are_harmless(dana_client):
    for q in ["\x00", '"(', "a OR", "-", "x" * 20000]:
        assert (
            dana_client.get("/search/", {"q": q, "tag": "\x00", "place": "\x00"}).status_code == 200
        )
    assert dana_client.get("/search/suggest/", {"q": '"(\x00'}).status_code == 200


def queries_for(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/search/", params).status_code == 200
    return len(captured)


def test_search_page_query_count_does_not_grow(dana_client, indexed):
    # Counted on one kind, so the same lookups run (people and communities are one query
    # each when some are on the page, none otherwise).
    params = {"q": "kubernetes", "kind": "topic"}
    few = queries_for(dana_client, params)
    for n in range(15):
        create_item(indexed.alice, indexed.guild, kind=Item.Kind.TOPIC, tags="kubernetes",
                    title=f"Kubernetes note {n}", body="Kubernetes.")  # fmt: skip
    many = queries_for(dana_client, params)
    assert many == few
    assert queries_for(dana_client, {"q": "kubernetes"}) <= many + 2 <= 30


def test_suggestions_are_options_of_a_listbox(dana_client):
    response = dana_client.get("/search/suggest/", {"q": "ali"})
    assert response.status_code == 200
    assert b'role="option"' in response.content and b"Alice Andersson" in response.content


def test_the_search_box_tag_renders_a_combobox(indexed):
    request = RequestFactory().get("/")
    request.resolver_match = None
    html = Template("{% load search_tags %}{% search_box %}").render(Context({"request": request}))
    assert 'role="combobox"' in html and 'action="/search/"' in html and 'role="listbox"' in html


def test_api_search(api, indexed):
    response = api(indexed.dana).get("/search", q="kubernetes")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2
    first = body["results"][0]
    assert first["title"] == "Kubernetes upgrade plan" and first["item_id"] == indexed.open_item.pk
    assert first["reasons"][0]["code"] == "text"
    assert {f["value"] for f in body["facets"]["kind"]} == {"topic", "community"}


def test_api_search_hides_restricted_items_and_plain_ranking(api, indexed):
    body = api(indexed.dana).get("/search", q="falcon", social="false").json()
    assert body["total"] == 0 and body["facets"]["tag"] == [] and body["social"] is False


def test_api_search_refuses_bad_input_with_400(api, indexed):
    assert api(indexed.dana).get("/search", q="x", kind="bogus").status_code == 400
    assert api(indexed.dana).get("/search", q="x", page="0").status_code in (400, 422)


def test_api_suggest(api, indexed):
    response = api(indexed.dana).get("/search/suggest", q="char")
    assert response.status_code == 200
    assert [s["label"] for s in response.json()] == ["Charlie Chen"]


def test_api_requires_authentication(anonymous):
    assert anonymous.get("/search", q="x").status_code == 401
