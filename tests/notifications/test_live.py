"""Realtime delivery, in-process and through Redis."""

import os
import time

import pytest

from kollega.content import actions as content
from kollega.notifications import push
from kollega.notifications.live import _sync_events

REDIS_URL = os.environ.get("KOLLEGA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture(params=["local", "redis"])
def broker(request, settings):
    if request.param == "redis":
        if not redis_available():
            if os.environ.get("KOLLEGA_REQUIRE_REDIS") == "1":
                pytest.fail(f"Redis is required but not reachable at {REDIS_URL}")
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        settings.REDIS_URL = REDIS_URL
    else:
        settings.REDIS_URL = None
    push.reset_broker()
    yield push.broker()
    push.reset_broker()


def subscribe(viewer, broker):
    subscription = broker.subscribe([push.person_channel(viewer.pk), push.STREAM_CHANNEL])
    time.sleep(0.2)  # let a Redis subscription settle before publishing
    return subscription


def read(viewer, subscription, seconds=1.5) -> str:
    """What the open page receives; messages wait in the subscription until read."""
    return "".join(_sync_events(viewer, subscription, limit=seconds))


@pytest.mark.django_db(transaction=True)
def test_a_new_notification_reaches_the_open_page(broker):
    from tests.factories import build_org

    org = build_org()
    subscription = subscribe(org.alice, broker)
    content.create_item(org.bob, org.bob.board, kind="status", body="Hi @alice")
    text = read(org.alice, subscription)
    assert "event: notification" in text
    assert '"reason": "mention"' in text
    assert "event: activity" in text


@pytest.mark.django_db(transaction=True)
def test_activity_the_viewer_may_not_read_is_never_sent(broker):
    from tests.factories import build_org

    org = build_org()
    subscription = subscribe(org.dana, broker)
    content.create_item(org.bob, org.secret, kind="topic", title="Hush", body="secret plans")
    content.create_item(org.bob, org.bob.board, kind="status", body="public news")
    text = read(org.dana, subscription)
    assert text.count("event: activity") == 1


def test_the_live_endpoint_needs_a_signed_in_person(client):
    assert client.get("/live/").status_code in (302, 401)
