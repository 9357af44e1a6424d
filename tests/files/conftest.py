import pytest

from kollega.files import actions
from tests.files import builders


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Each test stores its blobs in a folder of its own."""
    settings.KOLLEGA_FILES_ROOT = str(tmp_path / "files")


@pytest.fixture
def guild_file(org):
    """A PDF bob uploaded to the open guild (bob joins it first)."""
    from kollega.places.actions import join_place

    join_place(org.bob, org.guild)
    return actions.upload_file(
        org.bob, org.guild, builders.upload("plan.pdf", builders.pdf("Kubernetes rollout plan"))
    )


@pytest.fixture
def secret_file(org):
    return actions.upload_file(
        org.bob, org.secret, builders.upload("falcon.pdf", builders.pdf("Falcon launch dates"))
    )


@pytest.fixture
def private_file(org):
    """A file in alice's own space, private as files there are unless made visible."""
    return actions.upload_file(
        org.alice, org.alice.board, builders.upload("salaries.xlsx", builders.xlsx("Salary band"))
    )


class Api:
    """Calls /api/v1/files as one person, with a personal access token."""

    def __init__(self, person):
        from django.test import Client

        from kollega.people.actions import create_token

        self.client = Client()
        _token, plain = create_token(person, "tests")
        self.headers = {"Authorization": f"Bearer {plain}"}

    def get(self, path, **params):
        return self.client.get("/api/v1/files" + path, params, headers=self.headers)

    def post(self, path, data=None, **kwargs):
        return self.client.post("/api/v1/files" + path, data or {}, headers=self.headers, **kwargs)

    def post_json(self, path, payload):
        return self.post(path, payload, content_type="application/json")

    def delete(self, path):
        return self.client.delete("/api/v1/files" + path, headers=self.headers)


@pytest.fixture
def api(org):
    """``api(org.alice).get("/mine")``"""
    return Api
