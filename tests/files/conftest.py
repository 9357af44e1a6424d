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
