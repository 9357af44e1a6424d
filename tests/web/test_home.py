"""Home: the status composer and the latest items the viewer may read."""

import pytest

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.content.queries import PAGE_SIZE
from tests.web.conftest import count_queries, htmx


def test_it_shows_the_latest_items(bob, org):
    page = bob.get("/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "<strong>next week</strong>" in page


def test_it_hides_restricted_items_from_non_members(dana, bob):
    assert "Codename Falcon" not in dana.get("/").content.decode()
    assert "Codename Falcon" in bob.get("/").content.decode()


def test_posting_a_status_puts_it_on_my_board(bob, org):
    response = bob.post("/", {"body": "Shipping the *ingress* today", "tags": "ingress, envoy"})
    assert response.status_code == 302
    item = Item.objects.get(body="Shipping the *ingress* today")
    assert item.kind == Item.Kind.STATUS
    assert item.place == org.bob.board
    assert sorted(t.name for t in item.tags.all()) == ["envoy", "ingress"]
    page = bob.get("/").content.decode()
    assert "Your update is posted." in page
    assert "<em>ingress</em>" in page


def test_posting_with_htmx_returns_the_refreshed_feed(bob):
    response = bob.post("/", {"body": "Hello from htmx"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<div id="home-feed">')
    assert "Hello from htmx" in content
    assert "<html" not in content


def test_an_empty_status_is_refused_with_a_message(bob):
    response = bob.post("/", {"body": "  "}, **htmx())
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Item.objects.filter(kind=Item.Kind.STATUS).exists()


def test_an_oversized_status_is_refused(bob):
    response = bob.post("/", {"body": "x" * 50_001})
    assert response.status_code == 400
    assert "at most 50000 characters" in response.content.decode()


def test_a_bad_tag_in_the_composer_is_refused_with_the_actions_message(bob):
    response = bob.post("/", {"body": "Hi", "tags": "ok, !!bad"})
    assert response.status_code == 400
    assert "is not a valid tag" in response.content.decode()


def test_it_filters_by_kind_and_tag(bob, org):
    create_item(org.bob, org.bob.board, kind="status", body="A status about envoy", tags="envoy")
    by_kind = bob.get("/?kind=status").content.decode()
    assert "A status about envoy" in by_kind
    assert "Kubernetes upgrade plan" not in by_kind
    by_tag = bob.get("/?tag=Kubernetes").content.decode()
    assert "Kubernetes upgrade plan" in by_tag
    assert "A status about envoy" not in by_tag


@pytest.mark.parametrize(
    "query", ["?kind=nonsense", "?tag=%21%21", "?cursor=garbage", "?cursor=" + "x" * 300]
)
def test_bad_query_strings_answer_400_not_500(bob, query):
    response = bob.get("/" + query)
    assert response.status_code == 400
    assert 'class="message error"' in response.content.decode()


def test_a_bad_cursor_explains_itself(bob):
    response = bob.get("/?cursor=garbage")
    assert "That page link is not valid" in response.content.decode()


def _many_items(org, n):
    for i in range(n):
        create_item(org.alice, org.guild, kind="topic", title=f"Topic {i:02d}", body="Body")


def test_more_loads_the_next_page_with_and_without_htmx(bob, org):
    _many_items(org, PAGE_SIZE + 5)
    first = bob.get("/")
    page = first.content.decode()
    assert "Topic 24" in page
    assert "Topic 04" not in page
    cursor = first.context["page"].next_cursor
    assert f'hx-get="/?cursor={cursor}"' in page
    fragment = bob.get(f"/?cursor={cursor}", **htmx()).content.decode()
    assert "<html" not in fragment
    assert "Topic 04" in fragment
    assert "Topic 24" not in fragment
    plain = bob.get(f"/?cursor={cursor}").content.decode()
    assert "<html" in plain
    assert "Topic 04" in plain


def test_more_keeps_the_filters(bob, org):
    _many_items(org, PAGE_SIZE + 1)
    response = bob.get("/?kind=topic")
    cursor = response.context["page"].next_cursor
    assert f"?kind=topic&amp;cursor={cursor}" in response.content.decode()


def test_home_makes_a_fixed_number_of_queries(bob, org):
    _many_items(org, 2)
    few = count_queries(bob, "/")
    _many_items(org, 15)
    create_item(org.bob, org.bob.board, kind="status", body="Mine", tags="a b c")
    assert count_queries(bob, "/") == few
    assert few <= 12
