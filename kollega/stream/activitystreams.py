"""Stream pages as ActivityStreams 2.0 JSON (https://www.w3.org/TR/activitystreams-core/).

A page of the stream is an ``OrderedCollectionPage``. Each entry is the Activity that last
touched an item: its type comes from the latest Event's verb, its actor is whoever did it, and
its object is always the item itself (a Note, Article, Question, Document or Page by kind), so
a client finds the item in the same place whatever happened to it. What else happened lately
("Bob and 2 others replied") is under the extension key ``kollega:summary``.

Everything here is pure serialisation of objects the stream queries already loaded: it runs
no query of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse

from kollega.activity.models import Event
from kollega.content.models import Item
from kollega.core.pagination import Page
from kollega.people.models import Person
from kollega.places.models import Place

AS_CONTEXT = "https://www.w3.org/ns/activitystreams"
# Extension terms ("kollega:summary", "kollega:verb") need their prefix defined for the
# document to be valid JSON-LD; a URN names the vocabulary without promising a page there.
KOLLEGA_NS = "urn:kollega:as#"
CONTEXT = [AS_CONTEXT, {"kollega": KOLLEGA_NS}]
CONTENT_TYPE = "application/activity+json"

VERB_TYPES = {
    Event.Verb.CREATE: "Create",
    Event.Verb.ASK: "Create",
    Event.Verb.UPDATE: "Update",
    Event.Verb.LIKE: "Like",
    # A reply adds to the thread without creating the item the entry shows: AS2 has no
    # narrower type for "responded to", so it is the base Activity with kollega:verb "reply".
    Event.Verb.REPLY: "Activity",
}
KIND_TYPES = {
    Item.Kind.STATUS: "Note",
    Item.Kind.POST: "Note",
    Item.Kind.TOPIC: "Note",
    Item.Kind.QUESTION: "Question",
    Item.Kind.BLOG: "Article",
    Item.Kind.NEWS: "Article",
    Item.Kind.IDEA: "Article",
    Item.Kind.WIKI: "Page",
    Item.Kind.BOOKMARK: "Page",
    Item.Kind.FILE: "Document",
}

Absolute = Callable[[str], str]


def _url(absolute: Absolute, obj) -> str | None:
    # The API also runs without the web UI's URLs (see api.schemas.common.web_url).
    try:
        return absolute(obj.get_absolute_url())
    except NoReverseMatch:
        return None


def _time(moment) -> str | None:
    return moment.isoformat() if moment else None


def person(absolute: Absolute, who: Person) -> dict:
    return {
        "type": "Person",
        "id": _url(absolute, who),
        "name": who.name,
        "preferredUsername": who.username,
    }


def place(absolute: Absolute, where: Place) -> dict:
    # A board is its owner's; a community or the organisation is a Group.
    kind = "Group" if where.kind != Place.Kind.BOARD else "Collection"
    return {"type": kind, "id": _url(absolute, where), "name": where.name}


def hashtag(absolute: Absolute, name: str) -> dict:
    try:
        href = absolute(reverse("tag", args=[name]))
    except NoReverseMatch:
        href = None
    return {"type": "Hashtag", "name": f"#{name}", "href": href}


def summary(absolute: Absolute, item: Item) -> dict:
    found = getattr(item, "summary", None)
    if found is None:
        return {}
    return {
        verb: {
            "totalItems": found.counts[verb],
            "actors": [person(absolute, actor) for actor in actors],
        }
        for verb, actors in found.verbs.items()
    }


def item_object(absolute: Absolute, item: Item) -> dict:
    url = _url(absolute, item)
    return {
        "type": KIND_TYPES.get(item.kind, "Note"),
        "id": url,
        "url": url,
        "name": item.display_title,
        "content": item.body_html,
        "mediaType": "text/html",
        "published": _time(item.created),
        "updated": _time(item.updated),
        "attributedTo": person(absolute, item.author),
        "context": place(absolute, item.place),
        "tag": [hashtag(absolute, tag.name) for tag in item.tags.all()],
        "replies": {"type": "Collection", "totalItems": item.reply_count},
        "likes": {"type": "Collection", "totalItems": item.like_count},
        "kollega:kind": item.kind,
        "kollega:summary": summary(absolute, item),
    }


def activity(absolute: Absolute, item: Item) -> dict:
    """The latest thing that happened to ``item``, with the item as its object.

    ``attach_summaries`` walks events newest first, so the summary's first verb and its first
    actor are the latest event's; an item without recorded events reads as its creation.
    """
    found = getattr(item, "summary", None)
    verbs = list(found.verbs.items()) if found is not None else []
    if verbs:
        verb, actors = verbs[0]
        actor = actors[0]
    else:
        verb, actor = Event.Verb.CREATE, item.author
    obj = item_object(absolute, item)
    return {
        "type": VERB_TYPES.get(verb, "Activity"),
        "kollega:verb": str(verb),
        "actor": person(absolute, actor),
        "object": obj,
        "published": _time(item.last_activity_at),
        "context": obj["context"],
    }


def collection_page(
    absolute: Absolute, page: Page, *, page_url: str, part_of: str, next_url: str | None
) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "OrderedCollectionPage",
        "id": page_url,
        "partOf": part_of,
        "orderedItems": [activity(absolute, item) for item in page.items],
    }
    if next_url:
        document["next"] = next_url
    return document
