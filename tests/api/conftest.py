"""Calling the API as one of the fixture organisation's people, with a personal token."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from kollega.people.actions import create_token
from kollega.people.models import Person

PREFIX = "/api/v1"


class ApiClient:
    """A test client that speaks JSON to /api/v1 with a bearer token."""

    def __init__(self, person: Person | None = None, token: str | None = None):
        self.client = Client()
        self.person = person
        if person is not None and token is None:
            _token, token = create_token(person, "tests")
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def request(self, method: str, path: str, body=None, **params):
        kwargs = {"headers": self.headers}
        if body is not None:
            kwargs["data"] = body if isinstance(body, str | bytes) else json.dumps(body)
            kwargs["content_type"] = "application/json"
        if params:
            kwargs["QUERY_STRING"] = "&".join(f"{k}={v}" for k, v in params.items())
        return getattr(self.client, method)(PREFIX + path, **kwargs)

    def get(self, path: str, **params):
        return self.request("get", path, **params)

    def post(self, path: str, body=None):
        return self.request("post", path, body)

    def patch(self, path: str, body=None):
        return self.request("patch", path, body)

    def put(self, path: str, body=None):
        return self.request("put", path, body)

    def delete(self, path: str, body=None):
        return self.request("delete", path, body)


@pytest.fixture
def api(org):
    """``api(org.alice).get("/people/me")``: a client authenticated as that person."""
    return ApiClient


@pytest.fixture
def anonymous(db):
    return ApiClient()
