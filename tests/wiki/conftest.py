"""A wiki in the Platform Guild (bob joined to write in it) and one in the Secret Project."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from kollega.places.actions import join_place
from kollega.wiki.actions import create_page
from kollega.wiki.models import WikiPage
from tests.api.conftest import ApiClient


@dataclass
class Wiki:
    handbook: WikiPage  # the guild wiki's front page, by alice
    onboarding: WikiPage  # under the handbook
    laptops: WikiPage  # under onboarding
    falcon: WikiPage  # the secret project's wiki, by bob


@pytest.fixture
def wiki(org):
    join_place(org.bob, org.guild)
    handbook = create_page(org.alice, org.guild, title="Handbook", body="Welcome to the guild.")
    onboarding = create_page(
        org.alice, org.guild, title="Onboarding", body="Day one.\nDay two.", parent=handbook,
        tags="onboarding",
    )  # fmt: skip
    laptops = create_page(org.bob, org.guild, title="Laptops", body="Ask IT.", parent=onboarding)
    falcon = create_page(org.bob, org.secret, title="Falcon plan", body="Launch in May.")
    return Wiki(handbook, onboarding, laptops, falcon)


@pytest.fixture
def as_user(org):
    def sign_in(username: str) -> Client:
        client = Client()
        client.force_login(getattr(org, username).user)
        return client

    return sign_in


@pytest.fixture
def api(org):
    """``api("bob").get(...)``: a JSON client with that person's token."""
    return lambda username: ApiClient(getattr(org, username))


def page_url(page: WikiPage, suffix: str = "") -> str:
    return f"/places/{page.place.slug}/wiki/{page.slug}/{suffix}"


def api_url(page: WikiPage, suffix: str = "") -> str:
    return f"/wiki/{page.place.slug}/pages/{page.slug}{suffix}"


def add_revisions(page: WikiPage, author, count: int) -> None:
    """``count`` more revisions with sizeable texts, written in bulk (for query counts)."""
    from django.utils import timezone

    from kollega.wiki.models import WikiRevision

    page.refresh_from_db()
    start = page.revision_number
    WikiRevision.objects.bulk_create(
        WikiRevision(page=page, number=start + n, title="Old", body=f"Old text {n}\n" * 500,
                     author=author, created=timezone.now())
        for n in range(1, count + 1)
    )  # fmt: skip
    WikiPage.objects.filter(pk=page.pk).update(revision_number=start + count)
