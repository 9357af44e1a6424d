import pytest
from django.test import Client


@pytest.fixture
def as_user(org):
    """A signed-in test client for one of the org's people: as_user("bob")."""

    def sign_in(username: str) -> Client:
        client = Client()
        client.force_login(getattr(org, username).user)
        return client

    return sign_in


@pytest.fixture
def bob(as_user):
    return as_user("bob")


@pytest.fixture
def dana(as_user):
    return as_user("dana")


@pytest.fixture
def alice(as_user):
    return as_user("alice")


def htmx(**extra):
    """Headers an htmx request carries."""
    return {"HTTP_HX_REQUEST": "true", **extra}
