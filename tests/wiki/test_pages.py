from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.content.actions import MAX_BODY
from kollega.wiki.actions import create_page, edit_page
from kollega.wiki.models import WikiPage
from tests.web.conftest import count_queries
from tests.wiki.conftest import add_revisions, page_url

pytestmark = pytest.mark.django_db


def test_the_wiki_home_shows_the_tree_and_the_front_page(org, wiki, as_user):
    response = as_user("charlie").get("/places/platform-guild/wiki/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welcome to the guild." in html
    assert all(title in html for title in ("Handbook", "Onboarding", "Laptops"))
    assert 'aria-current="page">Wiki<' in html  # the community's wiki tab


def test_an_empty_wiki_offers_members_the_first_page(org, as_user):
    html = as_user("alice").get("/places/platform-guild/wiki/").content.decode()
    assert "Create the first page" in html
    html = as_user("charlie").get("/places/platform-guild/wiki/").content.decode()
    assert "Create the first page" not in html and "join it" in html


def test_a_member_creates_a_page_under_another(org, wiki, as_user):
    bob = as_user("bob")
    form = bob.get("/places/platform-guild/wiki/new/?parent=onboarding").content.decode()
    assert 'value="onboarding"' in form
    response = bob.post(
        "/places/platform-guild/wiki/new/",
        {"title": "VPN", "body": "Use the *VPN*.", "tags": "network", "parent": "onboarding"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/wiki/vpn/")
    page = WikiPage.objects.get(slug="vpn")
    assert page.parent == wiki.onboarding and page.revision_number == 1


def test_the_page_view_shows_breadcrumbs_children_tags_and_the_last_editor(org, wiki, as_user):
    edit_page(org.bob, wiki.onboarding, body="Day one, revised.")
    html = as_user("charlie").get(page_url(wiki.onboarding)).content.decode()
    assert 'class="breadcrumb"' in html and ">Handbook</a>" in html
    assert "Pages under this one" in html and ">Laptops</a>" in html
    assert ">onboarding</a>" in html  # the tag
    assert "Last edited by Bob Brown" in html
    assert f"/items/{wiki.onboarding.pk}/#replies" in html  # comments on the item page
    assert "/edit/" not in html  # charlie has not joined


def test_an_edit_saves_a_revision_and_a_stale_edit_is_refused(org, wiki, as_user):
    bob = as_user("bob")
    form = {"title": "Handbook", "body": "New welcome.", "tags": "", "note": "shorter",
            "base_revision": "1"}  # fmt: skip
    assert bob.post(page_url(wiki.handbook, "edit/"), form).status_code == 302
    response = as_user("alice").post(page_url(wiki.handbook, "edit/"), form | {"body": "Mine."})
    assert response.status_code == 400
    assert "newer version" in response.content.decode()
    page = WikiPage.objects.get(pk=wiki.handbook.pk)
    assert (page.revision_number, page.item.body) == (2, "New welcome.")


def test_an_oversized_text_is_a_400_and_changes_nothing(org, wiki, as_user):
    form = {"title": "Handbook", "body": "x" * (MAX_BODY + 1), "base_revision": "1"}
    response = as_user("bob").post(page_url(wiki.handbook, "edit/"), form)
    assert response.status_code == 400
    assert WikiPage.objects.get(pk=wiki.handbook.pk).revision_number == 1


def test_non_members_cannot_edit_move_create_or_restore(org, wiki, as_user):
    charlie = as_user("charlie")
    assert charlie.get(page_url(wiki.handbook, "edit/")).status_code == 403
    assert charlie.post(page_url(wiki.handbook, "edit/"), {"body": "x"}).status_code == 403
    assert charlie.get(page_url(wiki.laptops, "move/")).status_code == 403
    assert charlie.get("/places/platform-guild/wiki/new/").status_code == 403
    edit_page(org.bob, wiki.handbook, body="Second.")
    assert charlie.post(page_url(wiki.handbook, "revisions/1/restore/")).status_code == 403
    assert WikiPage.objects.get(pk=wiki.handbook.pk).revision_number == 2


def test_moving_under_a_subpage_is_refused(org, wiki, as_user):
    response = as_user("bob").post(page_url(wiki.handbook, "move/"), {"parent": "laptops"})
    # The form does not even offer its own subpages.
    assert response.status_code == 400
    assert WikiPage.objects.get(pk=wiki.handbook.pk).parent_id is None
    ok = as_user("bob").post(page_url(wiki.laptops, "move/"), {"parent": "", "position": "1"})
    assert ok.status_code == 302
    assert WikiPage.objects.get(pk=wiki.laptops.pk).parent_id is None


def test_history_diff_and_restore(org, wiki, as_user):
    edit_page(org.bob, wiki.onboarding, body="Day one.\nDay 2.\nDay three.", note="typo")
    bob = as_user("bob")
    history = bob.get(page_url(wiki.onboarding, "history/")).content.decode()
    assert "typo" in history and "Bob Brown" in history
    diff = bob.get(page_url(wiki.onboarding, "diff/?from=1&to=2")).content.decode()
    assert "<del>Day two.</del>" in diff
    assert "<ins>Day 2.</ins>" in diff and "<ins>Day three.</ins>" in diff
    old = bob.get(page_url(wiki.onboarding, "revisions/1/")).content.decode()
    assert "Restore this revision" in old and "Day two." in old
    assert bob.post(page_url(wiki.onboarding, "revisions/1/restore/")).status_code == 302
    page = WikiPage.objects.get(pk=wiki.onboarding.pk)
    assert (page.revision_number, page.item.body) == (3, "Day one.\nDay two.")


def test_the_diff_escapes_user_text(org, wiki, as_user):
    edit_page(org.bob, wiki.handbook, body="<script>alert(1)</script>", title="<b>Bold</b>")
    html = as_user("bob").get(page_url(wiki.handbook, "diff/?from=1&to=2")).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Bold</b>" not in html


@pytest.mark.parametrize(
    "suffix",
    ["diff/?from=1&to=9", "diff/?from=x&to=1", "diff/?from=1", "diff/?from=-1&to=1",
     "diff/?from=99999999999999&to=1", "history/?before=abc", "revisions/2/restore/"],
)  # fmt: skip
def test_bad_revision_numbers_are_4xx(org, wiki, as_user, suffix):
    client = as_user("bob")
    call = client.post if suffix.endswith("restore/") else client.get
    assert call(page_url(wiki.handbook, suffix)).status_code in (400, 404)


@pytest.mark.parametrize("number", ["2", "0", "999999999999999999"])
def test_a_revision_that_does_not_exist_is_404(org, wiki, as_user, number):
    assert as_user("bob").get(page_url(wiki.handbook, f"revisions/{number}/")).status_code == 404


def test_a_missing_page_and_a_board_are_404(org, wiki, as_user):
    alice = as_user("alice")
    assert alice.get("/places/platform-guild/wiki/nothing-here/").status_code == 404
    assert alice.get("/places/board-alice/wiki/").status_code == 404
    assert alice.get("/places/platform-guild/wiki/new/?parent=nothing").status_code == 404
    assert alice.get("/places/platform-guild/wiki/new/?parent=%00").status_code == 404
    response = alice.post("/places/platform-guild/wiki/new/", {"title": "x", "body": "x",
                                                               "parent": "a\x00b"})  # fmt: skip
    assert response.status_code == 404


SECRET_PAGES = [
    ("get", "/places/secret-project/wiki/"),
    ("get", "/places/secret-project/wiki/new/"),
    ("post", "/places/secret-project/wiki/new/"),
    ("get", "/places/secret-project/wiki/falcon-plan/"),
    ("get", "/places/secret-project/wiki/falcon-plan/edit/"),
    ("post", "/places/secret-project/wiki/falcon-plan/edit/"),
    ("get", "/places/secret-project/wiki/falcon-plan/move/"),
    ("get", "/places/secret-project/wiki/falcon-plan/history/"),
    ("get", "/places/secret-project/wiki/falcon-plan/diff/?from=1&to=1"),
    ("get", "/places/secret-project/wiki/falcon-plan/revisions/1/"),
    ("post", "/places/secret-project/wiki/falcon-plan/revisions/1/restore/"),
]


@pytest.mark.parametrize(("method", "url"), SECRET_PAGES)
def test_it_hides_restricted_wikis_from_non_members_on_every_page(org, wiki, as_user, method, url):
    response = getattr(as_user("dana"), method)(url)
    assert response.status_code == 404
    assert b"Falcon" not in response.content


def test_members_of_the_restricted_community_read_its_wiki(org, wiki, as_user):
    assert b"Launch in May." in as_user("bob").get(page_url(wiki.falcon)).content


def test_the_page_view_makes_a_fixed_number_of_queries(org, wiki, as_user):
    bob = as_user("bob")
    for n in range(5):
        edit_page(org.bob, WikiPage.objects.get(pk=wiki.onboarding.pk), body=f"Version {n}")
        create_page(org.bob, org.guild, title=f"Child {n}", body="x", parent=wiki.onboarding)
    few = count_queries(bob, page_url(wiki.onboarding))
    add_revisions(wiki.onboarding, org.bob, 100)
    for n in range(10):
        create_page(org.bob, org.guild, title=f"More {n}", body="x", parent=wiki.onboarding)
    assert count_queries(bob, page_url(wiki.onboarding)) == few <= 14
    with CaptureQueriesContext(connection) as captured:
        bob.get(page_url(wiki.onboarding))
    assert not [q for q in captured if "wiki_wikirevision" in q["sql"]]


def test_the_history_makes_a_fixed_number_of_queries_and_reads_no_text(org, wiki, as_user):
    bob = as_user("bob")
    add_revisions(wiki.onboarding, org.bob, 120)
    url = page_url(wiki.onboarding, "history/")
    with CaptureQueriesContext(connection) as captured:
        response = bob.get(url)
    assert response.status_code == 200 and "Older revisions" in response.content.decode()
    revision_reads = [q["sql"] for q in captured if "wiki_wikirevision" in q["sql"]]
    assert len(revision_reads) == 1 and '"body"' not in revision_reads[0]
    assert len(captured) <= 10
    assert count_queries(bob, url + "?before=60") == count_queries(bob, url)
