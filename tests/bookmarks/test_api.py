"""The bookmarks API: create, update, delete, lists, popular and a page's group."""

from kollega.bookmarks.models import Bookmark
from kollega.content.models import Item

from .conftest import URL


def test_people_bookmark_pages_through_the_api(api, org):
    response = api(org.bob).post(
        "/bookmarks",
        {
            "url": "http://Example.com/guide?utm_campaign=z#x",
            "title": "Guide",
            "description": "Good",
            "tags": ["docs"],
        },  # fmt: skip
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["normalised_url"] == "http://example.com/guide"
    assert body["place"]["kind"] == "board"
    assert body["tags"] == ["docs"]
    assert body["people_count"] == 1
    assert body["private"] is False
    assert body["page_url"].endswith(f"/items/{body['id']}/")


def test_bad_input_is_a_400_and_saves_nothing(api, org):
    client = api(org.bob)
    for url in (
        "javascript:alert(1)",
        "ftp://example.com/",
        "garbage",
        "",
        "https://" + "a" * 3000,
    ):
        response = client.post("/bookmarks", {"url": url})
        assert response.status_code == 400, url
        assert "url" in response.json()["errors"]
    assert client.post("/bookmarks", {"url": URL, "tags": "bad tag!"}).status_code == 400
    assert client.post("/bookmarks", {"url": URL, "title": "x" * 201}).status_code == 400
    assert client.post("/bookmarks", {"url": "https://x.example/\u0000"}).status_code == 422
    assert client.post("/bookmarks", {"url": URL, "place": "no-such-place"}).status_code == 404
    assert not Bookmark.objects.exists()


def test_non_members_cannot_bookmark_in_a_community(api, org):
    response = api(org.dana).post("/bookmarks", {"url": URL, "place": org.guild.slug})
    assert response.status_code == 403
    response = api(org.dana).post("/bookmarks", {"url": URL, "place": org.secret.slug})
    assert response.status_code == 404
    response = api(org.dana).post("/bookmarks", {"url": URL, "place": org.bob.board.slug})
    assert response.status_code == 403
    assert not Bookmark.objects.exists()


def test_lists_and_groups_leave_out_what_the_viewer_may_not_see(api, bookmark, org):
    bookmark(org.bob, place=org.secret, tags="falcon")
    bookmark(org.alice, private=True, tags="falcon")
    bookmark(org.charlie, tags="falcon")
    dana = api(org.dana)
    group = dana.get("/bookmarks/url", u=URL).json()
    assert group["people"] == 1
    assert group["tags"] == [{"name": "falcon", "count": 1}]
    assert [b["author"]["username"] for b in group["bookmarks"]] == ["charlie"]
    assert len(dana.get("/bookmarks", tag="falcon").json()["items"]) == 1
    assert dana.get("/bookmarks", place=org.secret.slug).status_code == 404
    popular = dana.get("/bookmarks/popular", period="all").json()
    assert [g["people"] for g in popular["items"]] == [1]
    bob = api(org.bob)
    assert bob.get("/bookmarks/url", u=URL).json()["people"] == 2
    assert api(org.alice).get("/bookmarks/url", u=URL).json()["people"] == 3
    assert len(bob.get("/bookmarks", place=org.secret.slug).json()["items"]) == 1


def test_my_list_holds_my_private_bookmarks(api, bookmark, org):
    bookmark(org.bob, private=True)
    bookmark(org.alice)
    items = api(org.bob).get("/bookmarks").json()["items"]
    assert [(b["author"]["username"], b["private"]) for b in items] == [("bob", True)]


def test_a_group_nobody_visible_bookmarked_is_404(api, bookmark, org):
    bookmark(org.bob, place=org.secret)
    assert api(org.dana).get("/bookmarks/url", u=URL).status_code == 404
    assert api(org.dana).get("/bookmarks/url", u="javascript:x").status_code == 400
    assert api(org.dana).get("/bookmarks/popular", period="7").status_code == 422


def test_authors_update_and_delete_and_others_cannot(api, bookmark, org):
    item = bookmark(org.bob)
    secret = bookmark(org.bob, place=org.secret)
    assert api(org.dana).patch(f"/bookmarks/{item.pk}", {"title": "x"}).status_code == 403
    assert api(org.dana).patch(f"/bookmarks/{secret.pk}", {"title": "x"}).status_code == 404
    assert api(org.dana).delete(f"/bookmarks/{item.pk}").status_code == 403
    response = api(org.bob).patch(
        f"/bookmarks/{item.pk}", {"url": "https://example.com/new", "private": True}
    )
    assert response.status_code == 200
    assert (response.json()["url"], response.json()["private"]) == ("https://example.com/new", True)
    assert response.json()["title"] == "A guide"
    assert api(org.bob).patch(f"/bookmarks/{item.pk}", {"url": "ftp://x"}).status_code == 400
    assert api(org.dana).get("/bookmarks/url", u="https://example.com/new").status_code == 404
    assert api(org.bob).patch(f"/bookmarks/{org.open_item.pk}", {"title": "x"}).status_code == 404
    assert api(org.bob).delete(f"/bookmarks/{9 * 10**18}").status_code == 404


def test_deleting_removes_the_bookmark(api, bookmark, org):
    item = bookmark(org.bob)
    assert api(org.bob).delete(f"/bookmarks/{item.pk}").status_code == 204
    assert not Item.objects.filter(pk=item.pk).exists()


def test_lists_have_a_fixed_number_of_queries(api, bookmark, org, django_assert_max_num_queries):
    client = api(org.bob)
    for n in range(12):
        bookmark(org.bob, url=f"https://s{n}.example/", tags=f"t{n}")
        bookmark(org.alice, url=f"https://s{n}.example/", tags="shared")
    client.get("/bookmarks")
    with django_assert_max_num_queries(10):
        assert len(client.get("/bookmarks").json()["items"]) == 12
    with django_assert_max_num_queries(10):
        assert len(client.get("/bookmarks/popular").json()["items"]) == 12
