"""A removed item disappears from every surface, and stays in the database for audit."""

import pytest

from kollega.content.models import Item
from kollega.moderation import actions


@pytest.fixture
def removed(org, as_user):
    """alice's Guild topic (tagged kubernetes), removed after a report."""
    client = as_user("dana")
    item = org.open_item
    # Every surface shows it before removal, so the absence below means something.
    assert client.get(f"/items/{item.pk}/").status_code == 200
    assert "Kubernetes upgrade plan" in client.get(f"/places/{org.guild.slug}/").content.decode()
    actions.report_item(org.dana, item, reason="spam")
    actions.remove_item(org.alice, item)
    return item


def test_the_item_page_is_404(org, removed, as_user):
    for username in ("dana", "alice", "staff"):
        assert as_user(username).get(f"/items/{removed.pk}/").status_code == 404


def test_the_api_item_is_404(org, removed, api):
    assert api(org.dana).get(f"/items/{removed.pk}").status_code == 404
    assert api(org.alice).get(f"/items/{removed.pk}").status_code == 404


def test_the_api_list_leaves_it_out(org, removed, api):
    ids = [item["id"] for item in api(org.dana).get("/items").json()["items"]]
    assert removed.pk not in ids
    tagged = api(org.dana).get("/items", tag="kubernetes").json()["items"]
    assert removed.pk not in [item["id"] for item in tagged]


def test_the_place_page_leaves_it_out(org, removed, as_user):
    page = as_user("dana").get(f"/places/{org.guild.slug}/").content.decode()
    assert "Kubernetes upgrade plan" not in page


def test_the_home_page_leaves_it_out(org, removed, as_user):
    assert "Kubernetes upgrade plan" not in as_user("bob").get("/").content.decode()


def test_the_tag_page_leaves_it_out(org, removed, as_user):
    page = as_user("bob").get("/tags/kubernetes/").content.decode()
    assert "Kubernetes upgrade plan" not in page


def test_replies_likes_and_reports_are_refused(org, removed, as_user, api):
    client = as_user("bob")
    assert client.post(f"/items/{removed.pk}/reply/", {"body": "Hi"}).status_code == 404
    assert client.post(f"/items/{removed.pk}/like/").status_code == 404
    assert client.get(f"/items/{removed.pk}/report/").status_code == 404


def test_it_stays_in_the_database(org, removed):
    item = Item.objects.get(pk=removed.pk)
    assert item.title == "Kubernetes upgrade plan"
    assert item.removed_at is not None
