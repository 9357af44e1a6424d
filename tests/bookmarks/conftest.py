import pytest

from kollega.bookmarks.actions import create_bookmark
from tests.api.conftest import ApiClient
from tests.web.conftest import alice, as_user, bob, dana  # noqa: F401 (fixtures)

URL = "https://example.com/guide"


@pytest.fixture
def api(org):
    return ApiClient


@pytest.fixture
def bookmark(org):
    """Bookmaker: bookmark(org.bob, url=..., tags=..., place=..., private=...)."""

    def make(person, url=URL, **fields):
        fields.setdefault("title", "A guide")
        return create_bookmark(person, url=url, **fields)

    return make
