"""The notifications API: grouped list, unread count, marking read, email preferences and the
feed token."""

import json
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kollega.content import actions as content
from kollega.content.models import Item
from kollega.network import actions as network
from kollega.notifications.models import EmailPreference, Notification
from kollega.places import actions as places
from kollega.stream.feeds import person_for_feed_token
from tests.api.conftest import PREFIX, ApiClient


def thread(org):
    item = content.create_item(org.alice, org.guild, kind="topic", title="Plan", body="Body")
    content.reply_to_item(org.bob, item, "One")
    content.reply_to_item(org.charlie, item, "Two")
    return item


def test_notifications_are_grouped_per_thread(api, org):
    item = thread(org)
    content.like_item(org.dana, org.open_item)
    response = api(org.alice).get("/notifications")
    assert response.status_code == 200
    groups = response.json()
    assert [g["reason"] for g in groups] == ["like", "reply"]
    replies = groups[1]
    assert replies["reason_label"] == "A reply to your post"
    assert [a["username"] for a in replies["actors"]] == ["charlie", "bob"]
    assert replies["count"] == 2 and len(replies["ids"]) == 2 and replies["unread"]
    assert replies["item"]["id"] == item.pk and replies["item"]["title"] == "Plan"
    assert replies["item"]["url"] == f"http://testserver/items/{item.pk}/"
    assert replies["item"]["place"]["slug"] == "platform-guild"


def test_unread_filter_count_and_marking_read(api, org):
    thread(org)
    content.like_item(org.dana, org.open_item)
    client = api(org.alice)
    assert client.get("/notifications/unread-count").json() == {"unread": 3}
    like = client.get("/notifications").json()[0]
    response = client.post("/notifications/read", {"ids": like["ids"]})
    assert response.status_code == 200
    assert response.json() == {"marked": 1, "unread": 2}
    assert [g["reason"] for g in client.get("/notifications", unread="true").json()] == ["reply"]
    assert [g["unread"] for g in client.get("/notifications").json()] == [False, True]
    assert client.post("/notifications/read", {"all": True}).json() == {"marked": 2, "unread": 0}
    assert client.get("/notifications", unread="true").json() == []


def test_nobody_marks_someone_elses_notifications(api, org):
    thread(org)
    ids = list(Notification.objects.filter(recipient=org.alice).values_list("pk", flat=True))
    assert api(org.dana).post("/notifications/read", {"ids": ids}).json()["marked"] == 0
    assert api(org.alice).get("/notifications/unread-count").json() == {"unread": 2}


def test_invitations_name_the_community(api, org):
    places.invite_to_community(org.alice, org.secret, org.dana)
    groups = api(org.dana).get("/notifications").json()
    assert [(g["reason"], g["place"]["slug"]) for g in groups] == [
        ("community_invitation", "secret-project")
    ]
    assert groups[0]["item"] is None


def test_bad_input_is_a_clear_4xx(api, org):
    client = api(org.alice)
    cases = [
        ("get", "/notifications?limit=0", None, 422),
        ("get", "/notifications?limit=1000", None, 422),
        ("get", "/notifications?unread=maybe", None, 422),
        ("post", "/notifications/read", {}, 400),
        ("post", "/notifications/read", {"ids": []}, 400),
        ("post", "/notifications/read", {"ids": [0]}, 422),
        ("post", "/notifications/read", {"ids": [2**70]}, 422),
        ("post", "/notifications/read", {"ids": list(range(1, 600))}, 422),
        ("post", "/notifications/read", "not json", 400),
        ("put", "/notifications/email-preferences", {}, 422),
        ("put", "/notifications/email-preferences",
         {"preferences": [{"kind": "gossip", "scope": "mine", "frequency": "each"}]}, 400),
        ("put", "/notifications/email-preferences",
         {"preferences": [{"kind": "likes", "scope": "following", "frequency": "each"}]}, 400),
        ("put", "/notifications/email-preferences",
         {"preferences": [{"kind": "likes", "scope": "mine", "frequency": "hourly"}]}, 400),
    ]  # fmt: skip
    for method, path, body, status in cases:
        response = client.request(method, path, body)
        assert response.status_code == status, (method, path, body, response.content)
        assert response.json()["detail"]


def test_anonymous_callers_are_refused(anonymous):
    for path in ("/notifications", "/notifications/unread-count",
                 "/notifications/email-preferences"):  # fmt: skip
        assert anonymous.get(path).status_code == 401
    assert anonymous.post("/notifications/feed-token").status_code == 401


# Access ------------------------------------------------------------------------------------


def test_notifications_about_items_that_became_unreadable_are_hidden(api, org):
    item = content.create_item(org.bob, org.bob.board, kind="status", body="Look @dana")
    content.reply_to_item(org.alice, item, "reply")
    client = api(org.dana)
    assert [g["reason"] for g in client.get("/notifications").json()] == ["mention"]
    Item.objects.filter(pk=item.pk).update(removed_at=timezone.now())
    assert client.get("/notifications").json() == []
    assert client.get("/notifications/unread-count").json() == {"unread": 0}


def test_dana_never_hears_of_the_restricted_community(api, org):
    # A mention in the restricted community: recorded, but dana may not read the item.
    content.create_item(org.bob, org.secret, kind="topic", title="Falcon", body="Ask @dana")
    content.reply_to_item(org.alice, org.secret_item, "Secret reply")
    client = api(org.dana)
    assert "Falcon" not in str(client.get("/notifications").json())
    assert client.get("/notifications/unread-count").json() == {"unread": 0}


def test_a_place_the_viewer_can_no_longer_see_is_not_named(api, org):
    places.invite_to_community(org.alice, org.secret, org.charlie)
    invitation = org.secret.join_requests.get(person=org.charlie)
    places.answer_invitation(org.charlie, invitation, accept=True)
    places.leave_place(org.charlie, org.secret)
    groups = api(org.charlie).get("/notifications").json()
    assert groups and all(g["place"] is None for g in groups)


# Email preferences --------------------------------------------------------------------------


def test_email_preferences_list_every_kind_and_scope(api, org):
    response = api(org.alice).get("/notifications/email-preferences")
    assert response.status_code == 200
    body = response.json()
    rows = {(p["kind"], p["scope"]): p["frequency"] for p in body["preferences"]}
    assert rows[("replies", "mine")] == "each"
    assert rows[("replies", "following")] == "daily"
    assert rows[("likes", "mine")] == "weekly"
    assert ("likes", "following") not in rows
    assert body["frequencies"] == ["each", "daily", "weekly", "none"]


def test_changing_email_preferences(api, org):
    client = api(org.alice)
    response = client.put(
        "/notifications/email-preferences",
        {"preferences": [{"kind": "likes", "scope": "mine", "frequency": "none"},
                         {"kind": "replies", "scope": "following", "frequency": "weekly"}]},
    )  # fmt: skip
    assert response.status_code == 200
    rows = {(p["kind"], p["scope"]): p["frequency"] for p in response.json()["preferences"]}
    assert rows[("likes", "mine")] == "none"
    assert rows[("replies", "following")] == "weekly"
    assert rows[("mentions", "mine")] == "each"


def test_one_bad_preference_changes_nothing(api, org):
    response = api(org.alice).put(
        "/notifications/email-preferences",
        {"preferences": [{"kind": "likes", "scope": "mine", "frequency": "none"},
                         {"kind": "likes", "scope": "mine", "frequency": "often"}]},
    )  # fmt: skip
    assert response.status_code == 400
    assert not EmailPreference.objects.filter(person=org.alice).exists()


# Feed token --------------------------------------------------------------------------------


def test_issuing_and_revoking_the_feed_token(api, org, client):
    caller = api(org.dana)
    response = caller.post("/notifications/feed-token")
    assert response.status_code == 201
    body = response.json()
    token = body["token"]
    assert person_for_feed_token(token) == org.dana
    assert body["feeds"]["home-following"] == (
        f"http://testserver/feeds/home/following.atom?token={token}"
    )
    assert body["feeds"]["board"].startswith("http://testserver/feeds/people/dana.atom?")
    assert body["place_feed"].startswith("http://testserver/feeds/places/{slug}.atom?token=")
    assert body["tag_feed"].startswith("http://testserver/feeds/tags/{tag}.atom?token=")
    assert client.get(body["feeds"]["home-discover"]).status_code == 200
    again = caller.post("/notifications/feed-token").json()["token"]
    assert person_for_feed_token(token) is None and again != token
    assert caller.delete("/notifications/feed-token").json() == {"revoked": True}
    assert person_for_feed_token(again) is None
    assert caller.delete("/notifications/feed-token").json() == {"revoked": False}


# Query counts ------------------------------------------------------------------------------


def queries_for(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("path", ["/notifications", "/notifications/unread-count"])
def test_notification_reads_use_a_fixed_number_of_queries(
    api, org, path, django_assert_max_num_queries
):
    client = api(org.alice)
    client.get("/people/me")
    thread(org)
    places.request_to_join(org.dana, org.board_room)
    small = queries_for(client, path)
    for i in range(10):
        item = content.create_item(org.alice, org.guild, kind="topic", title=f"T{i}", body="x")
        content.reply_to_item(org.bob, item, "reply")
        content.like_item(org.charlie, item)
    network.invite(org.dana, org.alice)
    with django_assert_max_num_queries(6):
        large = queries_for(client, path, limit="100")
    assert large == small


# Fuzz --------------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=30),
        st.sampled_from(["mine", "following", "each", "none", "likes", "replies"]),
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["kind", "scope", "frequency", "x"]), children, max_size=4
        )
    ),
    max_leaves=12,
)
bodies = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(["ids", "all", "preferences", "x"]), json_values, max_size=3),
)


def assert_json_not_5xx(response):
    assert response.status_code < 500, response.content[:500]
    assert response.status_code != 401
    assert response["Content-Type"].startswith("application/json")


@pytest.fixture
def alice(org):
    thread(org)
    return ApiClient(org.alice)


@FUZZ
@given(
    target=st.sampled_from([("post", "/notifications/read"),
                            ("put", "/notifications/email-preferences"),
                            ("post", "/notifications/feed-token"),
                            ("delete", "/notifications/feed-token")]),
    body=bodies,
)  # fmt: skip
def test_random_json_bodies_never_fail(alice, target, body):
    method, path = target
    assert_json_not_5xx(alice.request(method, path, json.dumps(body)))


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["unread", "limit", "x"]),
        st.one_of(st.text(max_size=20), st.integers(-(2**70), 2**70).map(str)),
        max_size=3,
    )
)
def test_random_query_strings_never_fail(alice, params):
    for path in ("/notifications", "/notifications/unread-count",
                 "/notifications/email-preferences"):  # fmt: skip
        response = alice.client.get(
            PREFIX + path, QUERY_STRING=urlencode(params), headers=alice.headers
        )
        assert_json_not_5xx(response)
