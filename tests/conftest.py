import pytest

from tests.factories import build_org


@pytest.fixture
def org(db):
    return build_org()
