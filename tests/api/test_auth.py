"""Who may call the API: token holders and signed-in browsers, nobody else."""

import json

from django.contrib.auth import get_user_model
from django.test import Client

from kollega.people.actions import create_token, revoke_token
from tests.api.conftest import ApiClient
from tests.factories import PASSWORD


def signed_in_browser(username: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=username, password=PASSWORD)
    return client


def csrf_token(client: Client) -> str:
    # Any page sets the cookie once asked for; the API docs page renders a CSRF token.
    client.get("/api/v1/docs")
    return client.cookies["csrftoken"].value


def test_anonymous_requests_get_401_json(anonymous):
    response = anonymous.get("/people/me")
    assert response.status_code == 401
    assert "token" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_valid_token_identifies_its_owner(org):
    response = ApiClient(org.bob).get("/people/me")
    assert response.status_code == 200
    assert response.json()["username"] == "bob"


def test_a_revoked_token_is_refused(org):
    token, plain = create_token(org.bob, "old script")
    revoke_token(org.bob, token.pk)
    assert ApiClient(token=plain).get("/people/me").status_code == 401


def test_garbage_tokens_are_refused(org):
    for garbage in ("nonsense", "klg_", "klg_" + "x" * 43, "klg_" + "x" * 500, "ü", "a b c"):
        assert ApiClient(token=garbage).get("/people/me").status_code == 401, garbage


def test_other_authorization_schemes_are_refused(org):
    client = Client()
    response = client.get("/api/v1/people/me", headers={"Authorization": "Basic YWxpY2U6eA=="})
    assert response.status_code == 401


def test_an_inactive_persons_token_is_refused(org):
    client = ApiClient(org.charlie)
    get_user_model().objects.filter(pk=org.charlie.user_id).update(is_active=False)
    assert client.get("/people/me").status_code == 401


def test_a_token_records_when_it_was_last_used(org):
    token, plain = create_token(org.bob, "cron")
    ApiClient(token=plain).get("/people/me")
    token.refresh_from_db()
    assert token.last_used is not None


def test_a_signed_in_browser_reads_with_its_session(org):
    client = signed_in_browser("alice")
    response = client.get("/api/v1/people/me")
    assert response.status_code == 200
    assert response.json()["username"] == "alice"


def test_a_signed_in_browser_must_send_the_csrf_token_to_write(org):
    client = signed_in_browser("alice")
    body = json.dumps({"job_title": "CTO"})
    response = client.patch("/api/v1/people/me", body, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    org.alice.refresh_from_db()
    assert org.alice.job_title == "Head of Engineering"


def test_a_signed_in_browser_writes_with_the_csrf_token(org):
    client = signed_in_browser("alice")
    response = client.patch(
        "/api/v1/people/me",
        json.dumps({"job_title": "CTO"}),
        content_type="application/json",
        headers={"X-CSRFToken": csrf_token(client)},
    )
    assert response.status_code == 200
    assert response.json()["job_title"] == "CTO"


def test_a_token_needs_no_csrf_token_even_beside_a_session_cookie(org):
    client = signed_in_browser("alice")
    _token, plain = create_token(org.alice, "script")
    response = client.post(
        "/api/v1/me/tokens",
        json.dumps({"name": "another"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {plain}"},
    )
    assert response.status_code == 201


def test_an_anonymous_write_is_401_not_a_csrf_error(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/items", "{}", content_type="application/json")
    assert response.status_code == 401


def test_a_signed_out_session_is_refused(org):
    client = signed_in_browser("alice")
    client.logout()
    assert client.get("/api/v1/people/me").status_code == 401


def test_an_inactive_users_session_is_refused(org):
    client = signed_in_browser("dana")
    get_user_model().objects.filter(pk=org.dana.user_id).update(is_active=False)
    assert client.get("/api/v1/people/me").status_code == 401
