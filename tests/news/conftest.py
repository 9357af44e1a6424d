"""The fixture organisation with a news desk: charlie edits the news, staff administers it."""

from __future__ import annotations

import pytest
from django.test import Client

from kollega.news import actions
from tests.api.conftest import ApiClient


@pytest.fixture
def desk(org):
    """The organisation place, with charlie as its news editor."""
    actions.grant_editor(org.staff, org.charlie)
    return actions.get_organisation_place()


@pytest.fixture
def as_user(org):
    def sign_in(username: str) -> Client:
        client = Client()
        client.force_login(getattr(org, username).user)
        return client

    return sign_in


@pytest.fixture
def api(org):
    return ApiClient


def publish(org, title="Town hall on Friday", **fields):
    """An article by charlie (the editor)."""
    fields.setdefault("body", "Join us in the **atrium**.")
    return actions.create_news(org.charlie, title=title, **fields)


@pytest.fixture
def anonymous_api(db):
    return ApiClient()
