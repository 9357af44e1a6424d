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
def charlie(as_user):
    return as_user("charlie")


@pytest.fixture
def dana(as_user):
    return as_user("dana")


@pytest.fixture
def alice(as_user):
    return as_user("alice")


def htmx(**extra):
    """Headers an htmx request carries."""
    return {"HTTP_HX_REQUEST": "true", **extra}


def count_queries(client, url: str) -> int:
    """How many SQL queries one GET of url makes (after a warm-up request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)
