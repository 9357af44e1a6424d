"""The OpenAPI description is complete and stable enough to generate clients from."""

import pytest

from kollega.api.api import FEATURE_APPS

OPERATION_IDS = {
    "people_list", "people_get", "people_me", "people_update_me",
    "profile_tags_list", "profile_tags_add", "profile_tags_remove",
    "places_list", "places_get", "places_create", "places_join", "places_leave",
    "place_items_list", "items_list", "items_get", "items_create", "items_update",
    "replies_list", "replies_create", "likes_add", "likes_remove", "saves_add", "saves_remove",
    "saved_list", "tokens_list", "tokens_create", "tokens_revoke",
    "org_units_list", "locations_list",
    # network
    "invitations_list", "invitations_create", "invitations_accept", "invitations_ignore",
    "invitations_withdraw", "contacts_list", "contacts_remove", "follows_add", "follows_remove",
    "privacy_get", "privacy_update", "people_relation", "people_connection", "people_in_common",
    "suggestions_list", "suggestions_dismiss",
    # boards and questions
    "board_list", "board_post", "people_suggest", "items_mark_question", "answers_accept",
    "answers_unaccept",
    # communities
    "places_update", "members_list", "members_set_role", "members_remove",
    "join_requests_create", "join_requests_list", "join_requests_decide", "join_requests_withdraw",
    "community_invitations_create", "community_invitations_list", "community_invitations_answer",
}  # fmt: skip


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_schema_names_the_api_and_its_version(schema):
    assert schema["info"]["title"] == "Kollega API"
    assert schema["info"]["version"] == "1"


# Feature apps mount their own routers at /api/v1/<app> and test their own operation ids.


def in_feature_app(path: str) -> bool:
    return any(
        path.startswith(f"/api/v1/{app}/") or path == f"/api/v1/{app}" for app in FEATURE_APPS
    )


def test_every_operation_has_exactly_the_agreed_operation_ids(schema):
    ids = [operation["operationId"] for _path, _method, operation in operations(schema)]
    assert len(ids) == len(set(ids))
    core = {op["operationId"] for path, _m, op in operations(schema) if not in_feature_app(path)}
    assert core == OPERATION_IDS


def test_every_operation_has_a_summary_and_a_tag(schema):
    for path, method, operation in operations(schema):
        assert operation.get("summary"), (path, method)
        assert operation.get("tags"), (path, method)


def test_every_operation_documents_its_errors(schema):
    for path, method, operation in operations(schema):
        assert "401" in operation["responses"] or "4XX" in str(operation["responses"]), (
            path,
            method,
        )


def test_the_schema_declares_bearer_and_session_auth(schema):
    schemes = schema["components"]["securitySchemes"]
    kinds = {(s["type"], s.get("scheme") or s.get("in")) for s in schemes.values()}
    assert ("http", "bearer") in kinds
    assert ("apiKey", "cookie") in kinds


def test_the_browsable_docs_load_without_signing_in(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content
