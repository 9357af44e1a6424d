"""Server-Sent Events: new notifications and stream activity while a page is open.

One endpoint, /live/, streams ``text/event-stream``. Under ASGI (`kollega serve`, uvicorn)
it is an async generator, so an open page costs no thread; under WSGI (the test server) a
plain generator. Activity is only sent when the viewer may read the item, checked through
kollega.access for each message.
"""

from __future__ import annotations

import asyncio
import json
import time

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse, StreamingHttpResponse

from kollega import access
from kollega.content.models import Item
from kollega.notifications import push

KEEPALIVE = 15.0
POLL = 1.0


def _allowed(viewer, message: dict) -> bool:
    if message.get("type") != "activity":
        return True
    if message.get("actor") == viewer.pk:
        return False
    item = Item.objects.select_related("place").filter(pk=message.get("item")).first()
    return item is not None and access.can_read(viewer, item)


def _format(message: dict) -> str:
    event = message.get("type", "message")
    data = {k: v for k, v in message.items() if k in ("reason", "item", "verb", "event")}
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def _sync_events(viewer, subscription, limit: float | None):
    started = time.monotonic()
    last = started
    try:
        yield "retry: 5000\n\n"
        while limit is None or time.monotonic() - started < limit:
            message = subscription.get(timeout=POLL)
            if message is not None and _allowed(viewer, message):
                yield _format(message)
                last = time.monotonic()
            elif time.monotonic() - last > KEEPALIVE:
                yield ": keep-alive\n\n"
                last = time.monotonic()
    finally:
        subscription.close()


async def _async_events(viewer, subscription, limit: float | None):
    allowed = sync_to_async(_allowed)
    started = time.monotonic()
    last = started
    try:
        yield "retry: 5000\n\n"
        while limit is None or time.monotonic() - started < limit:
            message = await asyncio.to_thread(subscription.get, POLL)
            if message is not None and await allowed(viewer, message):
                yield _format(message)
                last = time.monotonic()
            elif time.monotonic() - last > KEEPALIVE:
                yield ": keep-alive\n\n"
                last = time.monotonic()
    finally:
        await asyncio.to_thread(subscription.close)


def live(request):
    viewer = request.person
    if viewer is None or viewer.pk is None:
        return HttpResponse(status=401)
    subscription = push.broker().subscribe([push.person_channel(viewer.pk), push.STREAM_CHANNEL])
    # A connection is closed after a while and the browser reconnects (retry), so a
    # server never holds dead connections forever.
    limit = 300.0
    if isinstance(request, ASGIRequest):
        body = _async_events(viewer, subscription, limit)
    else:
        body = _sync_events(viewer, subscription, limit)
    response = StreamingHttpResponse(body, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
