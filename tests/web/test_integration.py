"""How the web UI ties the feature apps together: the header, the item page (report, the
kind's own page, who edits where), the toggle route, settings (feeds, email) and the profile
(blog, board feed, what the person knows about)."""

import feedparser
import pytest

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.moderation.models import Report
from kollega.stream.models import FeedToken
from kollega.web.forms import PostForm
from kollega.wiki.actions import create_page
from tests.web.conftest import count_queries, htmx

# The header


def test_the_header_links_the_feature_apps(bob):
    page = bob.get("/people/").content.decode()
    for url, label in (("/notifications/", "Notifications"), ("/bookmarks/", "Bookmarks"),
                       ("/files/", "Files"), ("/news/", "News")):  # fmt: skip
        assert f'<a href="{url}">{label}' in page
    assert 'hx-get="/notifications/badge/"' in page


def test_the_header_counts_unread_notifications_the_viewer_may_read(bob, org):
    assert "unread notification" not in bob.get("/people/").content.decode()
    create_item(org.alice, org.guild, kind="topic", title="Hi", body="Ping @bob")
    create_item(org.alice, org.guild, kind="topic", title="Again", body="Ping @bob again")
    page = bob.get("/people/").content.decode()
    assert 'aria-label="2 unread notifications">2</span>' in page
    Item.objects.filter(title="Again").update(removed_at=org.open_item.created)
    assert 'aria-label="1 unread notification">1</span>' in bob.get("/people/").content.decode()


def test_the_header_costs_the_same_whatever_it_counts(bob, org):
    few = count_queries(bob, "/org/")
    for i in range(3):
        create_item(org.alice, org.guild, kind="topic", title=f"T{i}", body="Ping @bob")
    from kollega.network.actions import invite

    invite(org.charlie, org.bob)
    assert count_queries(bob, "/org/") == few


def test_moderation_is_in_the_header_of_reviewers_only(as_user):
    assert ">Moderation</a>" in as_user("alice").get("/org/").content.decode()  # owns communities
    assert ">Moderation</a>" in as_user("staff").get("/org/").content.decode()
    assert ">Moderation</a>" not in as_user("bob").get("/org/").content.decode()


def test_the_badge_partial_refreshes_the_count(bob, org):
    create_item(org.alice, org.guild, kind="topic", title="Hi", body="Ping @bob")
    fragment = bob.get("/notifications/badge/", **htmx()).content.decode()
    assert ">1</span>" in fragment


# The item page


def test_the_item_page_offers_a_report_link_to_readers_but_not_the_author(dana, alice, org):
    url = f"/items/{org.open_item.pk}/"
    assert f'href="/items/{org.open_item.pk}/report/">Report</a>' in dana.get(url).content.decode()
    assert "report-link" not in alice.get(url).content.decode()


def test_the_report_form_lives_under_the_item(dana, org):
    url = f"/items/{org.open_item.pk}/report/"
    assert 'name="reason"' in dana.get(url).content.decode()
    response = dana.post(url, {"reason": "spam"})
    assert response.status_code == 302
    assert Report.objects.get().item == org.open_item


def test_a_kind_with_its_own_page_is_linked_from_the_item_page(bob, org):
    page = create_page(org.alice, org.guild, title="Handbook", body="Welcome.")
    content = bob.get(f"/items/{page.item.pk}/").content.decode()
    assert f'href="{page.item.detail_url}">Open the wiki page</a>' in content
    plain = bob.get(f"/items/{org.open_item.pk}/").content.decode()
    assert "Open the" not in plain


def test_kinds_with_their_own_editor_have_no_generic_edit(alice, org):
    page = create_page(org.alice, org.guild, title="Handbook", body="Welcome.")
    url = f"/items/{page.item.pk}/edit/"
    assert "Edit</a>" not in alice.get(f"/items/{page.item.pk}/").content.decode()
    response = alice.post(url, {"title": "Hacked", "body": "No history"})
    assert response.status_code == 400
    assert "Edit wiki pages in the wiki" in response.content.decode()
    assert Item.objects.get(pk=page.item.pk).title == "Handbook"
    response = alice.get(url)
    assert response.status_code == 302
    assert response["Location"] == page.item.detail_url


def test_a_bookmark_edit_through_the_item_is_refused(bob, org):
    from kollega.bookmarks.actions import create_bookmark

    item = create_bookmark(org.bob, url="https://example.com/", title="Example")
    response = bob.post(f"/items/{item.pk}/edit/", {"title": "x", "body": "y"})
    assert response.status_code == 400
    assert "Edit bookmarks on the bookmark" in response.content.decode()


def test_others_still_edit_their_topics(alice, org):
    assert "Edit</a>" in alice.get(f"/items/{org.open_item.pk}/").content.decode()


# The toggle route


@pytest.mark.parametrize("action", ["explode", "report-all", "edit2"])
def test_only_the_toggles_are_toggles(dana, org, action):
    assert dana.post(f"/items/{org.open_item.pk}/{action}/").status_code == 404


def test_the_toggles_still_work(dana, org):
    for action in ("like", "unlike", "save", "unsave"):
        assert dana.post(f"/items/{org.open_item.pk}/{action}/").status_code == 302


# The community post form


def test_the_community_post_form_leaves_kinds_with_their_own_app_to_their_tabs():
    offered = {value for value, _label in PostForm.base_fields["kind"].choices}
    assert offered == {"topic", "question", "blog"}
    form = PostForm({"kind": "bookmark", "title": "t", "body": "b"})
    assert not form.is_valid()


# Settings


def test_settings_link_email_and_privacy(bob):
    page = bob.get("/settings/").content.decode()
    assert 'href="/notifications/email/"' in page
    assert 'href="#privacy-heading"' in page
    assert "You have no feed token." in page


def test_a_feed_token_is_issued_shown_once_and_works(bob, org, client):
    response = bob.post("/settings/feeds/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "shown only once" in page
    token = page.split("feeds/home/following.atom?token=")[1].split('"')[0]
    assert "/feeds/people/bob.atom?token=" in page
    assert "/feeds/home/discover.atom?token=" in page
    assert FeedToken.objects.filter(person=org.bob).count() == 1
    feed = feedparser.parse(client.get(f"/feeds/home/discover.atom?token={token}").content)
    assert "Kubernetes upgrade plan" in [entry.title for entry in feed.entries]
    later = bob.get("/settings/").content.decode()
    assert token not in later
    assert "You have a feed token since" in later


def test_a_feed_token_is_revoked(bob, org, client):
    page = bob.post("/settings/feeds/").content.decode()
    token = page.split("feeds/home/following.atom?token=")[1].split('"')[0]
    response = bob.post("/settings/feeds/", {"action": "revoke"}, follow=True)
    assert "Your feed token is revoked" in response.content.decode()
    assert not FeedToken.objects.filter(person=org.bob).exists()
    assert client.get(f"/feeds/home/discover.atom?token={token}").status_code == 404


def test_the_feed_token_form_wants_a_post(bob):
    assert bob.get("/settings/feeds/")["Location"] == "/settings/"


# The profile


def test_the_profile_links_the_blog(bob):
    page = bob.get("/people/alice/").content.decode()
    assert """href="/people/alice/blog/">Alice Andersson's blog</a>""" in page
    assert 'href="/people/bob/blog/">My blog</a>' in bob.get("/people/bob/").content.decode()


def test_the_board_feed_needs_a_token(bob):
    page = bob.get("/people/alice/").content.decode()
    assert "create a feed token in Settings" in page
    bob.post("/settings/feeds/")
    page = bob.get("/people/alice/").content.decode()
    assert "/feeds/people/alice.atom?token=" in page


def test_the_profile_says_what_the_person_knows_about(bob, org):
    from kollega.discovery.refresh import refresh_people
    from kollega.people.actions import tag_person

    tag_person(org.bob, org.alice, "kubernetes")
    create_item(org.alice, org.alice.board, kind="blog", title="Pods", body="x", tags="kubernetes")
    refresh_people([org.alice.pk])
    page = bob.get("/people/alice/").content.decode()
    assert "Knows about…" in page
    assert 'href="/tags/kubernetes/"' in page


def test_the_header_has_the_search_box(bob):
    page = bob.get("/org/").content.decode()
    assert 'role="search"' in page
    assert 'action="/search/"' in page
