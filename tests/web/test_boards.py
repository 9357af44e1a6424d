"""Boards through the pages: who may post, validation, mentions, paging, likes and replies."""

from kollega.content.actions import create_item
from kollega.content.models import Item, Reply
from kollega.network.actions import accept_invitation, invite, set_privacy
from kollega.people.models import Audience
from tests.web.conftest import count_queries, htmx


def test_the_board_is_newest_first_even_after_replies(bob, org):
    old = create_item(org.alice, org.alice.board, kind="status", body="Older entry")
    create_item(org.alice, org.alice.board, kind="status", body="Newer entry")
    from kollega.content.actions import reply_to_item

    reply_to_item(org.bob, old, "A late reply")
    page = bob.get("/people/alice/").content.decode()
    assert page.index("Newer entry") < page.index("Older entry")


def test_more_is_an_htmx_fragment_with_a_fixed_query_count(bob, org):
    for i in range(45):
        create_item(org.alice, org.alice.board, kind="status", body=f"Status {i:02d}", tags="x")
    cursor = bob.get("/people/alice/").context["page"].next_cursor
    url = f"/people/alice/?cursor={cursor}"
    fragment = bob.get(url, **htmx()).content.decode()
    assert "Status 24" in fragment
    assert "Status 25" not in fragment
    assert "<html" not in fragment
    assert 'class="button more"' in fragment

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        bob.get(url, **htmx())
    last_cursor = bob.get(url, **htmx()).context["page"].next_cursor
    with CaptureQueriesContext(connection) as last:
        bob.get(f"/people/alice/?cursor={last_cursor}", **htmx())
    assert len(first.captured_queries) == len(last.captured_queries)
    assert len(first.captured_queries) <= 12


def test_colleagues_post_with_htmx_and_get_the_board_back(bob, org):
    response = bob.post("/people/alice/board/", {"body": "Do you know Envoy?"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<section id="board"')
    assert "Do you know Envoy?" in content
    assert Item.objects.get(body="Do you know Envoy?").kind == Item.Kind.POST


def test_a_board_open_to_the_network_only(bob, dana, org):
    set_privacy(org.alice, board_posting=Audience.NETWORK)
    accept_invitation(org.alice, invite(org.bob, org.alice))
    assert 'action="/people/alice/board/"' in bob.get("/people/alice/").content.decode()
    assert bob.post("/people/alice/board/", {"body": "From a contact"}).status_code == 302
    page = dana.get("/people/alice/").content.decode()
    assert 'action="/people/alice/board/"' not in page
    assert "does not take posts on their board from you" in page
    response = dana.post("/people/alice/board/", {"body": "From outside"}, **htmx())
    assert response.status_code == 403
    assert "does not take posts on their board from you" in response.content.decode()
    assert not Item.objects.filter(body="From outside").exists()


def test_the_owner_always_posts_on_their_own_board(alice, org):
    set_privacy(org.alice, board_posting=Audience.ME)
    assert alice.post("/people/alice/board/", {"body": "Mine"}).status_code == 302
    assert Item.objects.get(body="Mine").kind == Item.Kind.STATUS


def test_empty_and_oversized_posts_are_refused(bob, org):
    for body in ("", "   ", "x" * 50_001):
        response = bob.post("/people/alice/board/", {"body": body}, **htmx())
        assert response.status_code == 400
        assert 'class="errorlist' in response.content.decode()
    assert not Item.objects.filter(place=org.alice.board).exists()


def test_an_unknown_mention_is_refused_next_to_the_form(bob, org):
    response = bob.post("/people/alice/board/", {"body": "Ask @nobody about it"}, **htmx())
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nobody here is called @nobody" in content
    assert "Ask @nobody about it</textarea>" in content
    plain = bob.post("/people/alice/board/", {"body": "Ask @nobody about it"})
    assert plain.status_code == 400
    assert "Nobody here is called @nobody" in plain.content.decode()
    assert not Item.objects.filter(place=org.alice.board).exists()


def test_known_mentions_become_links(bob, org):
    bob.post("/people/alice/board/", {"body": "Ask @charlie about it"})
    page = bob.get("/people/alice/").content.decode()
    assert '<a href="/people/charlie/" class="mention"' in page


def test_unknown_mentions_in_replies_and_status_updates_are_refused(bob, org):
    item = create_item(org.alice, org.alice.board, kind="status", body="Question time")
    response = bob.post(f"/items/{item.pk}/reply/", {"body": "Try @ghost"})
    assert response.status_code == 400
    assert "Nobody here is called @ghost" in response.content.decode()
    assert not Reply.objects.exists()
    home = bob.post("/", {"body": "Hello @ghost"}, **htmx())
    assert home.status_code == 400
    assert "Nobody here is called @ghost" in home.content.decode()


def test_replies_and_likes_on_board_entries(bob, org):
    item = create_item(org.alice, org.alice.board, kind="status", body="Shipping today")
    assert bob.post(f"/items/{item.pk}/reply/", {"body": "Congrats"}).status_code == 302
    response = bob.post(f"/items/{item.pk}/like/", **htmx())
    assert "1 like" in response.content.decode()
    page = bob.get("/people/alice/").content.decode()
    assert "1 reply" in page
    assert "Unlike" in page


def test_every_writing_area_completes_mentions(bob, org):
    item = create_item(org.alice, org.alice.board, kind="status", body="Hi")
    for url in ("/", "/people/alice/", f"/items/{item.pk}/"):
        assert 'data-mentions="/suggest/mentions/"' in bob.get(url).content.decode()


def test_mention_suggestions(bob, org):
    data = bob.get("/suggest/mentions/?q=ch").json()
    assert data == {
        "people": [
            {"username": "charlie", "name": "Charlie Chen", "title": "Site Reliability Engineer"}
        ]
    }
    assert [p["username"] for p in bob.get("/suggest/mentions/?q=Dahl").json()["people"]] == [
        "dana"
    ]
    assert bob.get("/suggest/mentions/?q=").json() == {"people": []}
    assert bob.get("/suggest/mentions/?q=" + "a" * 500).status_code == 200


def test_mention_suggestions_stop_at_eight(bob, org):
    from tests.factories import person

    for i in range(12):
        person(f"zed{i:02d}", f"Zed {i:02d}")
    assert len(bob.get("/suggest/mentions/?q=zed").json()["people"]) == 8


def test_the_board_page_query_count_is_fixed(bob, org):
    create_item(org.alice, org.alice.board, kind="status", body="First")
    few = count_queries(bob, "/people/alice/")
    for i in range(15):
        item = create_item(org.charlie, org.alice.board, kind="post", body=f"P{i}", tags="a b")
        if i % 2:
            from kollega.content.actions import mark_as_question

            mark_as_question(org.charlie, item)
    assert count_queries(bob, "/people/alice/") == few
