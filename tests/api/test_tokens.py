"""Personal access tokens, managed through the API itself."""

from kollega.people.actions import create_token
from kollega.people.models import ApiToken
from tests.api.conftest import ApiClient


def test_a_new_token_is_shown_once_and_works(api, org):
    response = api(org.bob).post("/me/tokens", {"name": "backup script"})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["token"].startswith("klg_")
    assert data["prefix"] == data["token"][:10]
    assert data["name"] == "backup script"
    assert ApiClient(token=data["token"]).get("/people/me").json()["username"] == "bob"
    listed = api(org.bob).get("/me/tokens").json()
    assert data["id"] in [t["id"] for t in listed]
    assert all("token" not in t for t in listed)
    assert not ApiToken.objects.filter(digest__contains=data["token"]).exists()


def test_tokens_list_only_ones_own(api, org):
    create_token(org.alice, "alice's")
    names = [t["name"] for t in api(org.bob).get("/me/tokens").json()]
    assert "alice's" not in names


def test_a_token_needs_a_name(api, org):
    response = api(org.bob).post("/me/tokens", {"name": " "})
    assert response.status_code == 400
    assert response.json()["errors"]["name"]
    assert api(org.bob).post("/me/tokens", {"name": "x" * 81}).status_code == 400
    assert api(org.bob).post("/me/tokens", {}).status_code == 422


def test_a_revoked_token_stops_working_at_once(api, org):
    token, plain = create_token(org.bob, "laptop")
    response = api(org.bob).delete(f"/me/tokens/{token.pk}")
    assert response.status_code == 200
    assert response.json()["revoked"] is not None
    assert ApiClient(token=plain).get("/people/me").status_code == 401


def test_a_token_revokes_itself(org):
    token, plain = create_token(org.bob, "leaked")
    client = ApiClient(token=plain)
    assert client.delete(f"/me/tokens/{token.pk}").status_code == 200
    assert client.get("/people/me").status_code == 401


def test_nobody_revokes_someone_elses_token(api, org):
    token, plain = create_token(org.alice, "alice's")
    response = api(org.dana).delete(f"/me/tokens/{token.pk}")
    assert response.status_code == 404
    assert ApiClient(token=plain).get("/people/me").status_code == 200


def test_revoking_twice_says_so(api, org):
    token, _plain = create_token(org.bob, "twice")
    client = api(org.bob)
    client.delete(f"/me/tokens/{token.pk}")
    response = client.delete(f"/me/tokens/{token.pk}")
    assert response.status_code == 400
    assert "active" in response.json()["detail"]


def test_at_most_twenty_active_tokens(api, org):
    client = api(org.bob)  # one token already
    for n in range(19):
        create_token(org.bob, f"t{n}")
    response = client.post("/me/tokens", {"name": "one too many"})
    assert response.status_code == 400
    assert "20" in response.json()["detail"]
