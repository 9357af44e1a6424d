"""Realtime: after a write commits, tell open pages about new notifications and activity.

Messages go through Redis pub/sub when KOLLEGA_REDIS_URL is set, so every app process sees
them, and through an in-process broker otherwise (one process: `kollega serve`). The
server-sent-events view subscribes to the channels of one person.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections import defaultdict
from typing import Protocol

from django.conf import settings

log = logging.getLogger(__name__)

STREAM_CHANNEL = "kollega:stream"
# New content and replies change what a stream shows; likes and mentions do not.
STREAM_VERBS = ("create", "reply")


def person_channel(person_id: int) -> str:
    return f"kollega:person:{person_id}"


class LocalBroker:
    """Pub/sub inside one process: a queue per subscriber."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[queue.Queue]] = defaultdict(set)

    def publish(self, channel: str, message: dict) -> None:
        with self._lock:
            targets = list(self._subscribers.get(channel, ()))
        for q in targets:
            try:
                q.put_nowait(message)
            except queue.Full:
                log.warning("dropping a realtime message for a slow subscriber")

    def subscribe(self, channels: list[str]) -> Subscription:
        q: queue.Queue = queue.Queue(maxsize=1000)
        with self._lock:
            for channel in channels:
                self._subscribers[channel].add(q)
        return LocalSubscription(self, channels, q)

    def _unsubscribe(self, channels: list[str], q: queue.Queue) -> None:
        with self._lock:
            for channel in channels:
                self._subscribers[channel].discard(q)


class Subscription(Protocol):
    def get(self, timeout: float) -> dict | None: ...

    def close(self) -> None: ...


class LocalSubscription:
    def __init__(self, broker: LocalBroker, channels: list[str], q: queue.Queue) -> None:
        self.broker, self.channels, self.q = broker, channels, q

    def get(self, timeout: float) -> dict | None:
        try:
            return self.q.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        self.broker._unsubscribe(self.channels, self.q)


class RedisBroker:
    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url)

    def publish(self, channel: str, message: dict) -> None:
        self.client.publish(channel, json.dumps(message))

    def subscribe(self, channels: list[str]) -> Subscription:
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(*channels)
        return RedisSubscription(pubsub)


class RedisSubscription:
    def __init__(self, pubsub) -> None:
        self.pubsub = pubsub

    def get(self, timeout: float) -> dict | None:
        message = self.pubsub.get_message(timeout=timeout)
        if not message or message.get("type") != "message":
            return None
        return json.loads(message["data"])

    def close(self) -> None:
        self.pubsub.close()


_broker = None
_broker_lock = threading.Lock()


def broker():
    global _broker
    with _broker_lock:
        if _broker is None:
            url = getattr(settings, "REDIS_URL", None)
            _broker = RedisBroker(url) if url else LocalBroker()
        return _broker


def reset_broker() -> None:
    """Forget the broker (tests switch between in-process and Redis)."""
    global _broker
    with _broker_lock:
        _broker = None


def publish_event(event, notifications) -> None:
    """Publish a committed event: a notification to each recipient, and the item to the
    stream channel (subscribers check access before showing anything)."""
    try:
        b = broker()
        for n in notifications:
            b.publish(person_channel(n.recipient_id), {
                "type": "notification", "reason": n.reason, "event": event.pk,
                "item": event.item_id,
            })  # fmt: skip
        if event.item_id and event.verb in STREAM_VERBS:
            b.publish(STREAM_CHANNEL, {
                "type": "activity", "event": event.pk, "item": event.item_id,
                "verb": event.verb, "actor": event.actor_id,
            })  # fmt: skip
    except Exception:
        # Realtime is a convenience: a broker outage must never fail a write.
        log.exception("could not publish event %s", event.pk)
