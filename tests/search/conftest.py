import pytest

from kollega.search import rebuild

# The API test client (a bearer token per person).
from tests.api.conftest import ApiClient


@pytest.fixture
def indexed(org):
    """The fixture organisation, fully indexed. People are created without an Event (no
    write-time hook fires for them), so the index is rebuilt once, as `kollega reindex`
    does after an import; everything written afterwards is indexed by the hook."""
    rebuild.rebuild()
    return org


@pytest.fixture
def api(indexed):
    return ApiClient


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.KOLLEGA_FILES_ROOT = str(tmp_path / "files")


@pytest.fixture
def anonymous(db):
    return ApiClient()
