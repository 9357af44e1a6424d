"""A small organisation where charlie is plainly the kubernetes expert.

- charlie lists kubernetes as a skill, alice and bob tag him with it, he wrote a blog
  entry about it, and dana accepted his answer to her kubernetes question.
- bob only lists kubernetes as a skill.
- alice and bob are contacts, bob and charlie are contacts: alice reaches charlie via bob.
"""

import pytest

from kollega.content.actions import accept_answer, create_item, reply_to_item
from kollega.content.models import Item
from kollega.discovery.refresh import refresh_people
from kollega.network.actions import accept_invitation, invite
from kollega.people.actions import tag_person
from kollega.places.actions import join_place
from tests.api.conftest import ApiClient, anonymous  # noqa: F401 (fixture)
from tests.web.conftest import alice, as_user, bob, charlie, dana  # noqa: F401 (fixtures)


def connect(a, b):
    accept_invitation(b, invite(a, b))


def answered(asker, expert, place, tags, body="The answer is in the runbook."):
    """A question by ``asker`` in ``place`` whose accepted answer is ``expert``'s."""
    question = create_item(
        asker, place, kind=Item.Kind.QUESTION, title="How do I?", body="", tags=tags
    )
    accept_answer(asker, reply_to_item(expert, question, body))
    return question


def refresh(org):
    refresh_people([p.pk for p in (org.alice, org.bob, org.charlie, org.dana, org.staff)])


@pytest.fixture
def experts(org):
    tag_person(org.charlie, org.charlie, "kubernetes")
    tag_person(org.alice, org.charlie, "kubernetes")
    tag_person(org.bob, org.charlie, "kubernetes")
    tag_person(org.bob, org.bob, "kubernetes")
    create_item(org.charlie, org.charlie.board, kind=Item.Kind.BLOG, title="Pods in practice",
                body="What I learned.", tags="kubernetes")  # fmt: skip
    join_place(org.dana, org.guild)
    answered(org.dana, org.charlie, org.guild, "kubernetes")
    connect(org.alice, org.bob)
    connect(org.bob, org.charlie)
    refresh(org)
    return org


@pytest.fixture
def api(org):
    return ApiClient
