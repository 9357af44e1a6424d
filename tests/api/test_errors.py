"""Whatever a client sends, the answer is JSON with a status that says whose fault it is."""

import json

import pytest
from django.test import override_settings


@pytest.fixture
def dana(api, org):
    return api(org.dana)


def test_unknown_api_addresses_are_404_json(dana):
    for path in ("/nope", "/items/1/nope", "/people/bob/tags/x/y", "/items/"):
        response = dana.get(path)
        assert response.status_code == 404, path
        assert "docs" in response.json()["detail"]


def test_addresses_outside_v1_are_404_json(client, db):
    response = client.get("/api/v2/items")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_wrong_method_is_405_json_naming_the_right_ones(dana):
    response = dana.post("/people/me", {})
    assert response.status_code == 405
    assert "GET" in response.json()["detail"]
    assert "PATCH" in response["Allow"]


def test_a_body_that_is_not_json_is_400(dana):
    for body in ("{", "not json", "\x00", '{"name": }'):
        response = dana.post("/me/tokens", body)
        assert response.status_code == 400, body
        assert response.json()["detail"] == "The request body is not valid JSON."


def test_json_of_the_wrong_shape_is_422_with_field_errors(dana):
    for body in ([], [1, 2], "text", 5, None, {"name": 5}, {"name": ["a"]}):
        response = dana.post("/me/tokens", json.dumps(body))
        assert response.status_code == 422, body
        data = response.json()
        assert data["detail"].startswith("The request does not fit the schema")
        assert data["errors"]


def test_schema_errors_name_the_field(dana):
    response = dana.post("/items", {"place": "platform-guild", "kind": "topic"})
    assert response.status_code == 422
    assert "body" in response.json()["errors"]
    assert "body" in response.json()["detail"]


def test_an_oversized_body_is_413(dana):
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        response = dana.post("/me/tokens", {"name": "x" * 2000})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_an_overlong_item_body_is_400(api, org):
    response = api(org.alice).post(
        "/items", {"place": "platform-guild", "kind": "topic", "body": "x" * 50_001}
    )
    assert response.status_code == 400
    assert "too long" in response.json()["detail"]


def test_text_no_database_can_store_is_refused(dana):
    for text in ("a\x00b", "\ud800"):
        response = dana.post("/me/tokens", {"name": text})
        assert response.status_code == 422, repr(text)
    assert dana.get("/people", q="a%00b").status_code == 422
    assert dana.get("/people/a%00b").status_code == 422


def test_unicode_is_welcome(api, org):
    client = api(org.dana)
    response = client.post("/places", {"name": "Ålands 日本語 Гильдия 🚀", "tags": "ö, 日本"})
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Ålands 日本語 Гильдия 🚀"
    assert client.get("/people", q="Ångström").status_code == 200
    assert client.get("/people/%C3%A5sa").status_code == 404


def test_empty_strings_are_treated_as_absent_filters(dana):
    for path in ("/people", "/items", "/places"):
        response = dana.get(path, q="", tag="", author="", org_unit="", country="", cursor="")
        assert response.status_code == 200, path


def test_huge_and_negative_numbers_are_refused(dana):
    for params in (
        {"limit": "-5"},
        {"offset": "-1"},
        {"offset": "10000000000000000000000"},
        {"location": "99999999999999999999999"},
        {"location": "0"},
        {"limit": "1e3"},
    ):
        response = dana.get("/people", **params)
        assert response.status_code == 422, params
        assert response.json()["errors"]
