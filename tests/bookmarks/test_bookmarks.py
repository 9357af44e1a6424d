"""Bookmarking, grouping by page, privacy and restricted communities, through the pages."""

from urllib.parse import quote, unquote

from kollega.activity.models import Event
from kollega.bookmarks.models import Bookmark
from kollega.content.models import Item
from kollega.places.models import Place

from .conftest import URL


def group_page(client, url=URL):
    return client.get("/bookmarks/url/", {"u": url})


def test_people_add_bookmarks_to_their_own_space(bob, org):
    response = bob.post(
        "/bookmarks/add/",
        {"url": URL, "title": "The guide", "description": "Read *this*", "tags": "docs, k8s"},
    )
    assert response.status_code == 302
    item = Item.objects.get(kind="bookmark")
    assert item.place.owner == org.bob
    assert item.bookmark.normalised_url == URL
    assert "<em>this</em>" in item.body_html
    assert sorted(t.name for t in item.tags.all()) == ["docs", "k8s"]
    assert Event.objects.filter(verb="create", item=item).exists()
    page = bob.get(response["Location"]).content.decode()
    assert "1 person bookmarked this" in page


def test_a_bookmark_needs_no_description_or_title(bob, org):
    bob.post("/bookmarks/add/", {"url": URL})
    item = Item.objects.get(kind="bookmark")
    assert item.title == URL
    form = bob.get(f"/bookmarks/{item.pk}/edit/").context["form"]
    assert form.initial["description"] == ""


def test_members_add_bookmarks_in_communities_and_outsiders_cannot(alice, dana, org):
    response = alice.post(f"/places/{org.guild.slug}/bookmarks/", {"url": URL, "title": "G"})
    assert response.status_code == 302
    assert Item.objects.get(kind="bookmark").place == org.guild
    tab = dana.get(f"/places/{org.guild.slug}/bookmarks/")
    assert tab.status_code == 200 and tab.context["form"] is None
    assert "Bookmarks" in tab.content.decode()
    refused = dana.post(f"/places/{org.guild.slug}/bookmarks/", {"url": URL})
    assert refused.status_code == 403
    refused = dana.post("/bookmarks/add/", {"url": URL, "place": org.guild.slug})
    assert refused.status_code == 400
    assert Item.objects.filter(kind="bookmark").count() == 1


def test_bad_addresses_are_refused_and_nothing_is_saved(bob):
    for bad in ("javascript:alert(document.cookie)", "ftp://example.com/", "garbage", ""):
        response = bob.post("/bookmarks/add/", {"url": bad, "title": "x"})
        assert response.status_code == 400
    assert not Bookmark.objects.exists()
    response = bob.post("/bookmarks/add/", {"url": "javascript:alert(1)"})
    assert "http:// or https://" in response.content.decode()


def test_the_same_page_is_grouped_however_it_is_spelled(bob, alice, bookmark, org):
    bookmark(org.bob, url="http://Example.com/a?utm_source=x#top", tags="docs")
    bookmark(org.alice, url="http://example.com/a", tags="docs, guide")
    bookmark(org.charlie, url="http://example.com/b")
    response = group_page(bob, "http://example.com/a")
    group = response.context["group"]
    assert group.people == 2
    assert group.tags == [("docs", 2), ("guide", 1)]
    page = response.content.decode()
    assert "2 people bookmarked this" in page
    assert group_page(bob, "http://EXAMPLE.com/a#x").context["group"].people == 2


def test_private_bookmarks_are_never_shown_or_counted_to_others(bob, dana, bookmark, org):
    mine = bookmark(org.bob, private=True, title="My secret reading", tags="hidden")
    bookmark(org.dana)
    assert mine.private
    assert group_page(dana).context["group"].people == 1
    assert group_page(dana).context["group"].tags == []
    assert "My secret reading" not in group_page(dana).content.decode()
    assert group_page(bob).context["group"].people == 2
    assert dana.get(f"/items/{mine.pk}/").status_code == 404
    assert dana.get(f"/bookmarks/{mine.pk}/edit/").status_code == 404
    assert "My secret reading" not in dana.get("/bookmarks/tag/hidden/").content.decode()
    popular = dana.get("/bookmarks/").context["popular"]
    assert [g.people for g in popular] == [1]


def test_restricted_community_bookmarks_are_invisible_to_outsiders(dana, bob, bookmark, org):
    secret = bookmark(org.bob, place=org.secret, title="Falcon specs", tags="falcon")
    bookmark(org.dana)
    assert dana.get(f"/places/{org.secret.slug}/bookmarks/").status_code == 404
    assert dana.get(f"/bookmarks/{secret.pk}/edit/").status_code == 404
    assert group_page(dana).context["group"].people == 1
    assert "Falcon specs" not in dana.get("/bookmarks/tag/falcon/").content.decode()
    assert [g.people for g in dana.get("/bookmarks/").context["popular"]] == [1]
    assert "Falcon specs" in bob.get(f"/places/{org.secret.slug}/bookmarks/").content.decode()
    assert group_page(bob).context["group"].people == 2


def test_a_page_nobody_visible_bookmarked_is_404(dana, bookmark, org):
    bookmark(org.bob, place=org.secret)
    response = group_page(dana)
    assert response.status_code == 404
    assert "Be the first" in response.content.decode()
    assert group_page(dana, "javascript:alert(1)").status_code == 400
    assert group_page(dana, "").status_code == 400


def test_popular_counts_people_in_the_period(bob, bookmark, org):
    for person in (org.alice, org.bob, org.charlie):
        bookmark(person, url="https://popular.example/")
    bookmark(org.dana, url="https://once.example/")
    old = bookmark(org.alice, url="https://old.example/")
    Item.objects.filter(pk=old.pk).update(created="2000-01-01T00:00:00Z")
    popular = bob.get("/bookmarks/").context["popular"]
    assert [(g.normalised_url, g.people) for g in popular] == [
        ("https://popular.example/", 3),
        ("https://once.example/", 1),
    ]
    all_time = bob.get("/bookmarks/?period=all").context["popular"]
    assert len(all_time) == 3
    assert bob.get("/bookmarks/?period=nonsense").status_code == 200


def test_my_bookmarks_and_bookmarks_by_tag(bob, bookmark, org):
    bookmark(org.bob, url="https://a.example/", title="Mine", tags="Rust")
    bookmark(org.alice, url="https://b.example/", title="Alices", tags="rust")
    mine = [i.title for i in bob.get("/bookmarks/").context["page"].items]
    assert mine == ["Mine"]
    tagged = [i.title for i in bob.get("/bookmarks/tag/rust/").context["page"].items]
    assert sorted(tagged) == ["Alices", "Mine"]
    assert bob.get("/bookmarks/tag/%00/").status_code in (400, 404)


def test_authors_edit_and_delete_their_bookmarks_and_others_cannot(bob, dana, bookmark, org):
    item = bookmark(org.bob)
    assert dana.get(f"/bookmarks/{item.pk}/edit/").status_code == 403
    assert dana.post(f"/bookmarks/{item.pk}/delete/").status_code == 403
    response = bob.post(
        f"/bookmarks/{item.pk}/edit/",
        {"url": "https://example.com/other", "title": "Other", "private": "on"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.private, item.bookmark.url) == (
        "Other", True, "https://example.com/other",
    )  # fmt: skip
    bad = bob.post(f"/bookmarks/{item.pk}/edit/", {"url": "javascript:x", "title": "t"})
    assert bad.status_code == 400
    assert bob.post(f"/bookmarks/{item.pk}/delete/").status_code == 302
    assert not Item.objects.filter(pk=item.pk).exists()
    assert Event.objects.filter(verb="delete", data__item=item.pk).exists()


def test_the_add_form_is_prefilled_from_the_query_string(bob, bookmark, org):
    response = bob.get("/bookmarks/add/", {"url": URL, "title": "T" * 500, "popup": "1"})
    form = response.context["form"]
    assert form.initial["url"] == URL
    assert len(form.initial["title"]) == 200
    assert response.context["popup"]
    refused = bob.get("/bookmarks/add/", {"url": "javascript:alert(1)", "title": "<b>x</b>"})
    assert refused.status_code == 400
    assert "url" not in refused.context["form"].initial
    assert "<b>x</b>" not in refused.content.decode()
    bookmark(org.bob)
    assert (
        "You bookmarked this page already" in bob.get("/bookmarks/add/?url=" + URL).content.decode()
    )


def test_saving_from_the_popup_says_so(bob):
    response = bob.post("/bookmarks/add/", {"url": URL, "title": "x", "popup": "1"})
    assert response.status_code == 200
    assert "Close this window" in response.content.decode()


def test_the_bookmarklet_opens_the_add_form_with_the_page(bob):
    response = bob.get("/bookmarks/bookmarklet/")
    href = response.context["bookmarklet_href"]
    assert href.startswith("javascript:")
    assert " " not in href and '"' not in href and "<" not in href
    script = unquote(href[len("javascript:") :])
    assert '"http://testserver/bookmarks/add/"' in script
    assert "encodeURIComponent(location.href)" in script
    assert "encodeURIComponent(document.title)" in script
    assert quote('"', safe="") in href


def test_community_tab_uses_the_place_tab_bar(bob, org):
    page = bob.get(f"/places/{org.guild.slug}/bookmarks/").content.decode()
    assert f'href="/places/{org.guild.slug}/ideas/"' in page
    assert bob.get(f"/places/{org.bob.board.slug}/bookmarks/").status_code == 404
    assert org.bob.board.kind == Place.Kind.BOARD


def test_the_popular_list_has_a_fixed_number_of_queries(
    bob, bookmark, org, django_assert_max_num_queries
):
    for n in range(3):
        for person in (org.alice, org.bob, org.charlie):
            bookmark(person, url=f"https://site{n}.example/", tags=f"t{n}, common")
    bob.get("/bookmarks/")
    with django_assert_max_num_queries(14):
        response = bob.get("/bookmarks/")
    assert len(response.context["popular"]) == 3
    for n in range(3, 10):
        bookmark(org.dana, url=f"https://site{n}.example/", tags=f"x{n}")
        bookmark(org.bob, url=f"https://mine{n}.example/", tags=f"y{n}")
    with django_assert_max_num_queries(14):
        response = bob.get("/bookmarks/")
    assert len(response.context["popular"]) == 17
