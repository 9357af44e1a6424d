"""Blogs: a community's Blog tab and a person's own blog."""

from kollega.content.actions import create_item, like_item, reply_to_item
from kollega.content.models import Item
from tests.web.conftest import count_queries, htmx


def entry(person, place, title):
    return create_item(person, place, kind="blog", title=title, body=f"About *{title}*")


def test_the_blog_tab_lists_entries_newest_first_with_counts(dana, org):
    first = entry(org.alice, org.guild, "First entry")
    entry(org.alice, org.guild, "Second entry")
    reply_to_item(org.bob, first, "Nice")
    like_item(org.bob, first)
    create_item(org.alice, org.guild, kind="topic", title="Not a blog entry", body="b")
    response = dana.get(f"/places/{org.guild.slug}/blog/")
    assert [i.title for i in response.context["page"].items] == ["Second entry", "First entry"]
    content = response.content.decode()
    assert "Not a blog entry" not in content
    assert "1 comment" in content
    assert "1 like" in content
    assert "<em>First entry</em>" in content
    assert 'aria-current="page">Blog</a>' in content


def test_members_write_blog_entries(alice, org):
    page = alice.get(f"/places/{org.guild.slug}/blog/").content.decode()
    assert "New entry" in page
    response = alice.post(
        f"/places/{org.guild.slug}/blog/",
        {"title": "Release notes", "body": "We shipped.", "tags": "release"},
    )
    item = Item.objects.get(title="Release notes")
    assert item.kind == Item.Kind.BLOG
    assert item.place == org.guild
    assert response["Location"] == f"/items/{item.pk}/"


def test_a_blog_entry_needs_a_title_and_text(alice, org):
    response = alice.post(f"/places/{org.guild.slug}/blog/", {"title": "", "body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_non_members_cannot_write_in_a_community_blog(dana, org):
    assert "New entry" not in dana.get(f"/places/{org.guild.slug}/blog/").content.decode()
    response = dana.post(f"/places/{org.guild.slug}/blog/", {"title": "Hi", "body": "x"})
    assert response.status_code == 403
    assert not Item.objects.filter(title="Hi").exists()


def test_the_restricted_blog_is_404_for_outsiders(dana, bob, org):
    entry(org.bob, org.secret, "Falcon diary")
    assert dana.get(f"/places/{org.secret.slug}/blog/").status_code == 404
    assert "Falcon diary" in bob.get(f"/places/{org.secret.slug}/blog/").content.decode()


def test_the_blog_pages_with_more(bob, org):
    for i in range(23):
        entry(org.alice, org.guild, f"E{i:02d}")
    response = bob.get(f"/places/{org.guild.slug}/blog/")
    cursor = response.context["page"].next_cursor
    fragment = bob.get(f"/places/{org.guild.slug}/blog/?cursor={cursor}", **htmx())
    assert "E02" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_the_blog_tab_makes_a_fixed_number_of_queries(bob, org):
    entry(org.alice, org.guild, "One")
    few = count_queries(bob, f"/places/{org.guild.slug}/blog/")
    for i in range(8):
        create_item(org.alice, org.guild, kind="blog", title=f"B{i}", body="b", tags="x y")
    assert count_queries(bob, f"/places/{org.guild.slug}/blog/") == few


def test_a_personal_blog_lists_the_persons_entries_from_their_own_space(dana, org):
    entry(org.bob, org.bob.board, "Bob writes")
    entry(org.bob, org.secret, "Bob in the secret project")
    create_item(org.bob, org.bob.board, kind="status", body="Just a status")
    page = dana.get("/people/bob/blog/").content.decode()
    assert "Blog of Bob Brown" in page
    assert "Bob writes" in page
    assert "Bob in the secret project" not in page
    assert "Just a status" not in page
    assert "New entry" not in page


def test_people_write_in_their_own_blog_only(bob, dana, org):
    assert "New entry" in bob.get("/people/bob/blog/").content.decode()
    response = bob.post("/people/bob/blog/", {"title": "My first", "body": "Hello"})
    item = Item.objects.get(title="My first")
    assert response["Location"] == f"/items/{item.pk}/"
    assert item.place == org.bob.board
    assert item.kind == Item.Kind.BLOG
    refused = dana.post("/people/bob/blog/", {"title": "Intrusion", "body": "x"})
    assert refused.status_code == 403
    assert not Item.objects.filter(title="Intrusion").exists()
    assert dana.get("/people/nobody/blog/").status_code == 404
