"""One item: replies, likes, saves, editing; and what outsiders cannot reach."""

import pytest

from kollega.content.actions import reply_to_item
from kollega.content.models import Item, Like, Save
from tests.web.conftest import htmx


def test_an_item_page_shows_text_tags_author_place_and_replies(bob, org):
    reply_to_item(org.alice, org.open_item, "First *reply*")
    page = bob.get(f"/items/{org.open_item.pk}/").content.decode()
    assert "<h1>Kubernetes upgrade plan</h1>" in page
    assert "<strong>next week</strong>" in page
    assert 'href="/tags/kubernetes/"' in page
    assert 'href="/places/platform-guild/"' in page
    assert "<em>reply</em>" in page


def test_restricted_items_are_404_for_outsiders_on_every_route(dana, org):
    pk = org.secret_item.pk
    for url in (f"/items/{pk}/", f"/items/{pk}/edit/"):
        assert dana.get(url).status_code == 404
    for url in (f"/items/{pk}/reply/", f"/items/{pk}/like/", f"/items/{pk}/save/"):
        assert dana.post(url, {"body": "peek"}).status_code == 404
    assert not Like.objects.exists()


def test_members_read_restricted_items(bob, org):
    assert bob.get(f"/items/{org.secret_item.pk}/").status_code == 200


def test_an_unknown_item_is_404(bob):
    assert bob.get("/items/999999/").status_code == 404


def test_people_reply(dana, org):
    response = dana.post(f"/items/{org.open_item.pk}/reply/", {"body": "Count me in"})
    assert response.status_code == 302
    page = dana.get(f"/items/{org.open_item.pk}/").content.decode()
    assert "Count me in" in page
    assert "Your reply is posted." in page


def test_an_empty_reply_is_refused(dana, org):
    response = dana.post(f"/items/{org.open_item.pk}/reply/", {"body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize(
    ("action", "undo", "model"), [("like", "unlike", Like), ("save", "unsave", Save)]
)
def test_like_and_save_toggle_with_htmx(dana, org, action, undo, model):
    url = f"/items/{org.open_item.pk}/"
    response = dana.post(url + f"{action}/", **htmx())
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.startswith(f'<div class="item-actions" id="actions-{org.open_item.pk}">')
    assert f'hx-post="{url}{undo}/"' in fragment
    assert model.objects.filter(person=org.dana).count() == 1
    dana.post(url + f"{undo}/", **htmx())
    assert not model.objects.filter(person=org.dana).exists()


def test_toggles_work_without_javascript(dana, org):
    response = dana.post(f"/items/{org.open_item.pk}/like/")
    assert response["Location"] == f"/items/{org.open_item.pk}/"
    assert "1 like" in dana.get(f"/items/{org.open_item.pk}/").content.decode()


def test_an_unknown_toggle_is_404_and_changes_nothing(dana, org):
    response = dana.post(f"/items/{org.open_item.pk}/explode/")
    assert response.status_code == 404
    assert not Like.objects.exists()


def test_authors_edit_their_items(alice, org):
    page = alice.get(f"/items/{org.open_item.pk}/edit/").content.decode()
    assert "Kubernetes upgrade plan" in page
    response = alice.post(
        f"/items/{org.open_item.pk}/edit/",
        {"title": "Upgrade moved", "body": "Now in **June**", "tags": "kubernetes, june"},
    )
    assert response.status_code == 302
    item = Item.objects.get(pk=org.open_item.pk)
    assert item.title == "Upgrade moved"
    assert "<strong>June</strong>" in item.body_html
    assert "edited" in alice.get(f"/items/{item.pk}/").content.decode()


def test_an_edit_with_an_empty_body_is_refused(alice, org):
    response = alice.post(f"/items/{org.open_item.pk}/edit/", {"title": "x", "body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_only_the_author_edits(dana, org):
    assert "Edit</a>" not in dana.get(f"/items/{org.open_item.pk}/").content.decode()
    response = dana.post(f"/items/{org.open_item.pk}/edit/", {"title": "x", "body": "y"})
    assert response.status_code == 403
    assert "Only the author can edit this." in response.content.decode()
