"""The stream API: ActivityStreams 2.0 pages of every view, person, community and tag streams,
and "action required"."""

from urllib.parse import parse_qs, quote, urlencode, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kollega.content import actions as content
from kollega.content.models import Item
from kollega.discovery.actions import ask_question
from kollega.network import actions as network
from kollega.places import actions as places
from kollega.stream.activitystreams import AS_CONTEXT
from kollega.stream.queries import WINDOWED_VIEWS
from tests.api.conftest import PREFIX, ApiClient

VIEWS = ["following", "network", "discover", "status", "mentions", "saved"]
ACTIVITY_TYPES = {"Create", "Update", "Like", "Activity"}
OBJECT_TYPES = {"Note", "Article", "Question", "Document", "Page"}


def titles(document):
    return [a["object"]["name"] for a in document["orderedItems"]]


def cursor_of(url):
    return parse_qs(urlparse(url).query)["cursor"][0]


def assert_as2_page(document):
    assert AS_CONTEXT in document["@context"]
    assert document["type"] == "OrderedCollectionPage"
    assert document["id"].startswith("http")
    assert document["partOf"].startswith("http")
    for activity in document["orderedItems"]:
        assert activity["type"] in ACTIVITY_TYPES
        assert activity["actor"]["type"] == "Person"
        assert activity["actor"]["id"].startswith("http://testserver/people/")
        assert activity["actor"]["name"]
        assert activity["published"]
        obj = activity["object"]
        assert obj["type"] in OBJECT_TYPES
        assert obj["id"].startswith("http://testserver/items/")
        for key in ("name", "content", "published", "updated", "tag", "attributedTo"):
            assert key in obj, key
        assert obj["attributedTo"]["type"] == "Person"
        assert isinstance(obj["tag"], list)
        assert isinstance(obj["kollega:summary"], dict)


def test_every_view_is_an_activitystreams_page(api, org):
    client = api(org.alice)
    for view in VIEWS:
        response = client.get(f"/stream/{view}")
        assert response.status_code == 200, (view, response.content)
        assert response["Content-Type"].startswith("application/json")
        assert_as2_page(response.json())


def test_it_answers_activity_json_to_those_who_ask_for_it(api, org):
    client = api(org.alice)
    client.headers["Accept"] = "application/activity+json"
    response = client.get("/stream/discover")
    assert response["Content-Type"].startswith("application/activity+json")


def test_an_item_is_the_object_of_its_latest_activity(api, org):
    content.reply_to_item(org.bob, org.open_item, "Sounds good")
    content.reply_to_item(org.charlie, org.open_item, "Me too")
    content.like_item(org.dana, org.open_item)
    document = api(org.alice).get("/stream/discover").json()
    activity = document["orderedItems"][0]
    assert activity["type"] == "Like"
    assert activity["actor"]["preferredUsername"] == "dana"
    obj = activity["object"]
    assert obj["type"] == "Note"
    assert obj["name"] == "Kubernetes upgrade plan"
    assert "<strong>next week</strong>" in obj["content"]
    assert obj["attributedTo"]["name"] == "Alice Andersson"
    assert obj["tag"] == [
        {"type": "Hashtag", "name": "#kubernetes", "href": "http://testserver/tags/kubernetes/"}
    ]
    assert obj["context"]["name"] == "Platform Guild"
    summary = obj["kollega:summary"]
    assert summary["reply"]["totalItems"] == 2
    assert [a["preferredUsername"] for a in summary["reply"]["actors"]] == ["charlie", "bob"]
    assert summary["create"]["actors"][0]["preferredUsername"] == "alice"
    assert obj["replies"]["totalItems"] == 2 and obj["likes"]["totalItems"] == 1


def test_kinds_map_to_activitystreams_object_types(api, org):
    content.create_item(org.alice, org.guild, kind="question", title="Why?", body="Tell me")
    content.create_item(org.alice, org.guild, kind="blog", title="A story", body="Once")
    document = api(org.alice).get("/stream/discover").json()
    types = {a["object"]["name"]: (a["type"], a["object"]["type"])
             for a in document["orderedItems"]}  # fmt: skip
    assert types["Why?"][1] == "Question"
    assert types["A story"] == ("Create", "Article")


def test_pages_link_to_the_next_one_until_the_end(api, org):
    for i in range(5):
        content.create_item(org.alice, org.guild, kind="topic", title=f"T{i}", body="x")
    client = api(org.charlie)
    first = client.get("/stream/discover", limit="3", kind="topic").json()
    assert titles(first) == ["T4", "T3", "T2"]
    assert "limit=3" in first["next"] and "kind=topic" in first["next"]
    second = client.get(
        "/stream/discover", limit="3", kind="topic", cursor=cursor_of(first["next"])
    ).json()
    assert titles(second) == ["T1", "T0", "Kubernetes upgrade plan"]
    assert "next" not in second


def test_views_filter_by_kind_and_tag(api, org):
    content.create_item(org.alice, org.alice.board, kind="status", body="Quick note", tags="rust")
    client = api(org.alice)
    assert titles(client.get("/stream/discover", kind="status").json()) == ["Quick note"]
    assert titles(client.get("/stream/discover", tag="RUST").json()) == ["Quick note"]


def test_network_mentions_and_saved_views(api, org):
    network.accept_invitation(org.bob, network.invite(org.dana, org.bob))
    content.create_item(org.bob, org.bob.board, kind="status", body="Hello @dana")
    content.save_item(org.dana, org.open_item)
    client = api(org.dana)
    assert titles(client.get("/stream/network").json()) == ["Hello @dana"]
    assert titles(client.get("/stream/mentions").json()) == ["Hello @dana"]
    assert titles(client.get("/stream/saved").json()) == ["Kubernetes upgrade plan"]


def test_person_community_and_tag_streams(api, org):
    content.create_item(org.charlie, org.bob.board, kind="post", body="On Bob's board")
    client = api(org.alice)
    assert titles(client.get("/stream/people/bob").json()) == [
        "On Bob's board",
        "Codename Falcon",
    ]
    assert titles(client.get("/stream/places/platform-guild").json()) == ["Kubernetes upgrade plan"]
    assert titles(client.get("/stream/tags/Kubernetes").json()) == ["Kubernetes upgrade plan"]


def test_bad_input_is_a_clear_4xx(api, org):
    client = api(org.alice)
    cases = [
        ("/stream/everything", {}, 404),
        ("/stream/discover", {"kind": "poem"}, 400),
        ("/stream/discover", {"tag": "<script>"}, 400),
        ("/stream/discover", {"cursor": "not-a-cursor"}, 400),
        ("/stream/discover", {"cursor": "x" * 500}, 422),
        ("/stream/discover", {"limit": "0"}, 422),
        ("/stream/discover", {"limit": "100000"}, 422),
        ("/stream/people/ghost", {}, 404),
        ("/stream/places/nowhere", {}, 404),
        ("/stream/tags/%3Cx%3E", {}, 400),
    ]
    for path, params, status in cases:
        response = client.get(path, **params)
        assert response.status_code == status, (path, params, response.content)
        assert response.json()["detail"]


def test_anonymous_callers_are_refused(anonymous):
    for path in ("/stream/discover", "/stream/action-required", "/stream/tags/x"):
        assert anonymous.get(path).status_code == 401


# Access ------------------------------------------------------------------------------------


def every_stream_document(client):
    for view in VIEWS:
        yield client.get(f"/stream/{view}").json()
    yield client.get("/stream/people/bob").json()
    yield client.get("/stream/tags/falcon").json()
    yield client.get("/stream/places/platform-guild").json()


def test_dana_never_sees_the_restricted_community(api, org):
    network.accept_invitation(org.dana, network.invite(org.bob, org.dana))
    network.follow_person(org.dana, org.bob)
    content.create_item(org.bob, org.secret, kind="topic", title="Secret", body="Shh @dana")
    client = api(org.dana)
    for document in every_stream_document(client):
        body = str(document)
        assert "Falcon" not in body and "Secret" not in body, body
    assert client.get("/stream/places/secret-project").status_code == 404
    # Bob, a member, sees it in the same streams.
    assert "Codename Falcon" in titles(api(org.bob).get("/stream/tags/falcon").json())


def test_items_restricted_or_removed_after_the_event_disappear(api, org):
    item = content.create_item(org.alice, org.guild, kind="topic", title="Soon gone", body="x")
    private = content.create_item(org.alice, org.guild, kind="topic", title="Hidden", body="y")
    client = api(org.dana)
    assert {"Soon gone", "Hidden"} <= set(titles(client.get("/stream/discover").json()))
    Item.objects.filter(pk=item.pk).update(removed_at=timezone.now())
    Item.objects.filter(pk=private.pk).update(private=True)
    assert {"Soon gone", "Hidden"}.isdisjoint(titles(client.get("/stream/discover").json()))


def test_summaries_do_not_name_what_the_viewer_cannot_read(api, org):
    content.reply_to_item(org.bob, org.secret_item, "secret reply")
    for document in every_stream_document(api(org.dana)):
        assert "secret reply" not in str(document)


# Query counts ------------------------------------------------------------------------------


def queries_for(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured), response.json()


def grow(org, n):
    for i in range(n):
        item = content.create_item(
            org.alice, org.guild, kind="topic", title=f"Item {i}", body="x", tags=f"t{i}, shared"
        )
        content.reply_to_item(org.bob, item, "a reply")
        content.like_item(org.charlie, item)
        content.save_item(org.dana, item)


STREAMS = [
    "/stream/following",
    "/stream/discover",
    "/stream/saved",
    "/stream/people/alice",
    "/stream/places/platform-guild",
    "/stream/tags/shared",
]


@pytest.mark.parametrize("path", STREAMS)
def test_stream_pages_use_a_fixed_number_of_queries(api, org, path, django_assert_max_num_queries):
    client = api(org.dana)
    client.get("/people/me")  # the token's first use records last_used
    places.join_place(org.dana, org.guild)
    grow(org, 3)
    small, _doc = queries_for(client, path, limit="2")
    grow(org, 12)
    first, document = queries_for(client, path, limit="5")
    deep, _doc = queries_for(client, path, limit="5", cursor=cursor_of(document["next"]))
    assert first == small == deep
    # A page that the recent windows cannot fill looks further back: at most three more
    # windows, one query each per condition (kollega/stream/queries.py, merged_page).
    windowed = path.rsplit("/", 1)[-1] in WINDOWED_VIEWS
    with django_assert_max_num_queries(11 if windowed else 8):
        client.get(path, limit="100")


# Action required ---------------------------------------------------------------------------


def test_action_required_lists_what_waits_for_me(api, org):
    network.invite(org.dana, org.alice)
    places.request_to_join(org.dana, org.board_room)
    question = content.create_item(org.alice, org.guild, kind="question", title="Why?", body="?")
    content.reply_to_item(org.bob, question, "Because")
    content.reply_to_item(org.charlie, question, "Indeed")
    ask_question(org.dana, title="Who knows Rust?", experts=[org.alice])
    response = api(org.alice).get("/stream/action-required")
    assert response.status_code == 200
    entries = {e["kind"]: e for e in response.json()}
    assert set(entries) == {
        "network_invitation", "join_request", "answer_to_accept", "routed_question"
    }  # fmt: skip
    assert entries["routed_question"]["item"]["title"] == "Who knows Rust?"
    assert entries["network_invitation"]["person"]["username"] == "dana"
    assert entries["join_request"]["place"]["slug"] == "architecture-board"
    answers = entries["answer_to_accept"]
    assert answers["item"]["title"] == "Why?" and answers["count"] == 2
    assert answers["person"]["username"] == "charlie"


def test_community_invitations_are_for_the_invited(api, org):
    places.invite_to_community(org.alice, org.secret, org.dana)
    entries = api(org.dana).get("/stream/action-required").json()
    assert [(e["kind"], e["place"]["slug"]) for e in entries] == [
        ("community_invitation", "secret-project")
    ]
    assert api(org.charlie).get("/stream/action-required").json() == []


# Fuzz --------------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
param_values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "0", "-1", "null", "true", "status", "question"]),
)
stream_query = st.dictionaries(
    st.sampled_from(["cursor", "kind", "tag", "limit", "x"]), param_values, max_size=4
)


def assert_json_not_5xx(response):
    assert response.status_code < 500, response.content[:500]
    assert response.status_code != 401
    assert response["Content-Type"].startswith("application/json")


@pytest.fixture
def alice(org):
    return ApiClient(org.alice)


@FUZZ
@given(
    path=st.sampled_from(
        [*(f"/stream/{v}" for v in VIEWS), "/stream/action-required", "/stream/people/bob",
         "/stream/places/platform-guild", "/stream/tags/kubernetes"]
    ),
    params=stream_query,
)  # fmt: skip
def test_random_query_strings_never_fail(alice, path, params):
    response = alice.client.get(
        PREFIX + path, QUERY_STRING=urlencode(params), headers=alice.headers
    )
    assert_json_not_5xx(response)


@FUZZ
@given(segment=st.text(min_size=1, max_size=70).filter(lambda s: "/" not in s))
def test_random_path_segments_never_fail(alice, segment):
    for path in ("/stream/{}", "/stream/people/{}", "/stream/places/{}", "/stream/tags/{}"):
        assert_json_not_5xx(alice.get(path.format(quote(segment, safe=""))))


def test_the_schema_lists_the_stream_and_notification_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    ids = {
        op["operationId"]: (method, path)
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
        if path.startswith(("/api/v1/stream", "/api/v1/notifications"))
    }
    assert ids == {
        "stream_get": ("get", "/api/v1/stream/{view}"),
        "stream_action_required": ("get", "/api/v1/stream/action-required"),
        "stream_person": ("get", "/api/v1/stream/people/{username}"),
        "stream_place": ("get", "/api/v1/stream/places/{slug}"),
        "stream_tag": ("get", "/api/v1/stream/tags/{tag}"),
        "notifications_list": ("get", "/api/v1/notifications"),
        "notifications_unread_count": ("get", "/api/v1/notifications/unread-count"),
        "notifications_mark_read": ("post", "/api/v1/notifications/read"),
        "email_preferences_get": ("get", "/api/v1/notifications/email-preferences"),
        "email_preferences_update": ("put", "/api/v1/notifications/email-preferences"),
        "feed_token_create": ("post", "/api/v1/notifications/feed-token"),
        "feed_token_revoke": ("delete", "/api/v1/notifications/feed-token"),
    }
