"""Signing in and out, password change and reset, and the login wall."""

import re

import pytest
from django.core import mail

from tests.factories import PASSWORD

PAGES = ["/", "/people/", "/people/alice/", "/org/", "/places/", "/settings/", "/tags/x/"]


@pytest.mark.parametrize("url", PAGES)
def test_it_sends_anonymous_visitors_to_sign_in(client, org, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/"]
)
def test_sign_in_and_reset_pages_need_no_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content or b"email" in response.content


def test_people_sign_in_with_their_password(client, org):
    response = client.post(
        "/accounts/login/", {"username": "bob", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert "Welcome, Bob Brown" in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(client, org):
    response = client.post("/accounts/login/", {"username": "bob", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_signing_out_is_a_post(bob):
    page = bob.get("/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"', page)
    response = bob.post("/accounts/logout/")
    assert response.status_code == 302
    assert bob.get("/").status_code == 302


def test_people_change_their_password(client, org):
    client.force_login(org.bob.user)
    new = "a much better passphrase 42"
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    org.bob.user.refresh_from_db()
    assert org.bob.user.check_password(new)


def test_a_password_reset_sends_a_working_link(client, org):
    response = client.post("/accounts/password_reset/", {"email": "bob@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Kollega password"
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "another fine passphrase 7"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    org.bob.user.refresh_from_db()
    assert org.bob.user.check_password(new)


def test_a_used_reset_link_says_so(client, org):
    response = client.get("/accounts/reset/MQ/set-password/")
    assert "expired or was already used" in response.content.decode()
