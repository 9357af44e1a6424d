"""The fixture organisation, with helpers to report and sign in."""

from __future__ import annotations

import pytest
from django.test import Client

from kollega.moderation import actions
from tests.api.conftest import ApiClient


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


@pytest.fixture
def reported(org):
    """alice's open Guild topic, reported by dana (spam) and charlie (offensive)."""
    actions.report_item(org.dana, org.open_item, reason="spam")
    actions.report_item(org.charlie, org.open_item, reason="offensive", note="Rude about ops.")
    return org.open_item


def htmx():
    return {"HTTP_HX_REQUEST": "true"}
