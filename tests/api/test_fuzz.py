"""Random query strings and JSON bodies never make the API fail with a 5xx."""

import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import PREFIX, ApiClient

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(max_size=40)
numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True).map(str),
)
param_values = st.one_of(text, numbers, st.sampled_from(["", "0", "-1", "null", "true"]))
LIST_PARAMS = ["q", "org_unit", "country", "location", "tag", "kind", "author", "cursor",
               "sort", "mine", "direction", "role"]  # fmt: skip
query = st.dictionaries(
    st.sampled_from([*LIST_PARAMS, "limit", "offset", "x"]), param_values, max_size=5
)
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False, allow_infinity=False),
        text,
    ),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=10,
)
FIELDS = ["name", "title", "body", "tags", "kind", "place", "about", "org_unit", "location",
          "manager", "email", "access", "description", "job_title", "username", "message",
          "role", "network_visibility", "board_posting", "decision", "answer",
          "idea_vote_cap"]  # fmt: skip
bodies = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6),
)


def assert_not_5xx(response):
    assert response.status_code < 500, response.content[:500]
    # Authenticated all along: a 401 would mean the example tested nothing.
    assert response.status_code != 401
    assert response["Content-Type"].startswith("application/json")


@pytest.fixture
def alice(org) -> ApiClient:
    # Made once per test and shared by its examples, which all run in one transaction.
    return ApiClient(org.alice)


@FUZZ
@given(
    path=st.sampled_from(
        [
            "/people",
            "/items",
            "/places",
            "/me/saved",
            "/people/suggest",
            "/people/bob/contacts",
            "/people/bob/board",
            "/network/invitations",
            "/network/suggestions",
            "/places/platform-guild/members",
            "/me/community-invitations",
        ]
    ),
    params=query,
)
def test_random_query_strings_never_fail(alice, path, params):
    response = alice.client.get(
        PREFIX + path, QUERY_STRING=urlencode(params), headers=alice.headers
    )
    assert_not_5xx(response)


@FUZZ
@given(
    target=st.sampled_from(
        [
            ("post", "/items"),
            ("patch", "/items/{item}"),
            ("post", "/items/{item}/replies"),
            ("post", "/places"),
            ("patch", "/people/me"),
            ("post", "/people/bob/tags"),
            ("post", "/me/tokens"),
            ("post", "/people/bob/board"),
            ("post", "/network/invitations"),
            ("patch", "/me/privacy"),
            ("patch", "/places/platform-guild"),
            ("post", "/places/architecture-board/requests"),
            ("post", "/places/platform-guild/invitations"),
            ("patch", "/places/platform-guild/members/alice"),
            ("post", "/places/architecture-board/requests/1/decision"),
            ("post", "/me/community-invitations/1/answer"),
        ]
    ),
    body=bodies,
)
def test_random_json_bodies_never_fail(alice, org, target, body):
    method, path = target
    response = alice.request(method, path.format(item=org.open_item.pk), json.dumps(body))
    assert_not_5xx(response)


@FUZZ
@given(segment=st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s))
def test_random_path_segments_never_fail(alice, segment):
    for path in (
        "/people/{}",
        "/people/{}/tags",
        "/places/{}",
        "/places/{}/items",
        "/items/{}",
        "/people/{}/board",
        "/people/{}/contacts",
        "/people/{}/connection",
        "/places/{}/members",
    ):
        assert_not_5xx(alice.get(path.format(quote(segment, safe=""))))
