"""Settings: personal access tokens."""

from kollega.people.actions import create_token
from kollega.people.models import ApiToken


def test_a_new_token_is_shown_once(bob, org):
    response = bob.post("/settings/", {"name": "backup script"})
    assert response.status_code == 200
    page = response.content.decode()
    token = ApiToken.objects.get(person=org.bob)
    assert 'value="klg_' in page
    assert "shown only once" in page
    assert token.prefix in page
    later = bob.get("/settings/").content.decode()
    assert "backup script" in later
    assert 'value="klg_' not in later


def test_a_token_needs_a_name(bob):
    response = bob.post("/settings/", {"name": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert bob.post("/settings/", {"name": "x" * 81}).status_code == 400


def test_tokens_are_revoked(bob, org):
    token, _plain = create_token(org.bob, "ci")
    response = bob.post(f"/settings/tokens/{token.pk}/revoke/", follow=True)
    assert "The token “ci” is revoked." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked is not None


def test_nobody_revokes_someone_elses_token(dana, org):
    token, _plain = create_token(org.bob, "ci")
    response = dana.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 400
    assert "No such active token." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked is None


def test_settings_links_to_the_password_change(bob):
    assert 'href="/accounts/password_change/"' in bob.get("/settings/").content.decode()
