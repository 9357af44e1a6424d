import pytest

from kollega.ideas.actions import create_idea
from tests.api.conftest import ApiClient
from tests.web.conftest import alice, as_user, bob, dana  # noqa: F401 (fixtures)


@pytest.fixture
def api(org):
    return ApiClient


@pytest.fixture
def idea(org):
    """idea(org.bob, org.guild, "Title"): an idea submitted by a member."""

    def make(person, place, title="Faster builds", body="Cache the dependencies.", **fields):
        return create_idea(person, place, title=title, body=body, **fields)

    return make
