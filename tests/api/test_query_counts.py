"""Hot lists cost a fixed number of queries, however long the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.content.actions import create_item, like_item, reply_to_item, save_item
from kollega.content.models import Item
from kollega.people.actions import create_person, tag_person
from kollega.places.actions import create_community


def queries_for(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured)


def grow(org, n: int) -> None:
    """Add n of everything a list shows: people, communities, items with tags, likes,
    saves and replies."""
    for i in range(n):
        person = create_person(f"extra{i}", f"Extra Person {i}", manager=org.alice)
        tag_person(org.alice, person, f"skill{i}")
        tag_person(person, org.bob, "kubernetes")
        create_community(person, f"Community {i}", tags=f"topic{i}")
        item = create_item(
            org.alice, org.guild, kind=Item.Kind.TOPIC, body=f"Item {i}", tags=f"t{i}, shared"
        )
        like_item(org.bob, item)
        save_item(org.bob, item)
        reply_to_item(person, org.open_item, f"Reply {i}")


# The bearer token's lookup is the first query of every request. Item lists load the
# questions of the whole page in one query.
LISTS = [
    ("/people", 3),
    ("/items", 6),
    ("/places", 4),
    ("/places/platform-guild/items", 7),
    ("/me/saved", 6),
    ("/people/bob/tags", 3),
    ("/org-units", 2),
    ("/locations", 2),
]


@pytest.mark.parametrize(("path", "limit"), LISTS, ids=[p for p, _ in LISTS])
def test_lists_use_a_fixed_number_of_queries(api, org, path, limit, django_assert_max_num_queries):
    client = api(org.bob)
    client.get("/people/me")  # the token's first use records last_used: not part of a list
    save_item(org.bob, org.open_item)  # an empty page skips its prefetches
    small = queries_for(client, path)
    grow(org, 12)
    with django_assert_max_num_queries(limit):
        large = queries_for(client, path, limit="100")
    assert large == small


def test_replies_use_a_fixed_number_of_queries(api, org, django_assert_max_num_queries):
    client = api(org.bob)
    client.get("/people/me")
    reply_to_item(org.alice, org.open_item, "First")
    path = f"/items/{org.open_item.pk}/replies"
    small = queries_for(client, path)
    grow(org, 12)
    with django_assert_max_num_queries(4):
        assert queries_for(client, path) == small


def test_an_item_costs_a_fixed_number_of_queries(api, org, django_assert_max_num_queries):
    client = api(org.bob)
    client.get("/people/me")
    with django_assert_max_num_queries(6):
        client.get(f"/items/{org.open_item.pk}")
