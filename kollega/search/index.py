"""Keeping the index up to date inside the writing transaction.

``kollega.activity.record.record()`` calls ``event_recorded(event)`` for every Event, so
whatever an action changes is re-indexed before its transaction commits: search never shows
a stale title and a rolled-back write leaves no trace. Only what the text depends on is
re-indexed (one item, person or community, a handful of queries). Removal, privacy and
membership need nothing here: access is decided at query time.
"""

from __future__ import annotations

from django.db import transaction

from kollega.activity.models import Event
from kollega.content.models import Item
from kollega.search import documents
from kollega.search.models import SearchDocument

ITEM_VERBS = {Event.Verb.CREATE, Event.Verb.UPDATE, Event.Verb.REPLY, Event.Verb.ASK,
              Event.Verb.ACCEPT_ANSWER, Event.Verb.TAG, Event.Verb.UNTAG}  # fmt: skip
PERSON_VERBS = {Event.Verb.UPDATE, Event.Verb.TAG, Event.Verb.UNTAG}
PLACE_VERBS = {Event.Verb.CREATE, Event.Verb.UPDATE}
# Kinds whose app writes details (the address, the file's text) after create_item recorded
# its Event: indexed again once the transaction has committed.
DETAILS_AFTER_CREATE = {Item.Kind.BOOKMARK, Item.Kind.FILE}


def _store(key: dict, built: list[SearchDocument]) -> None:
    if not built:
        SearchDocument.objects.filter(**key).delete()
        return
    doc = built[0]
    fields = ["kind", "place_id", "author_id", "created", "title", "body", "tags", "keywords"]
    SearchDocument.objects.update_or_create(**key, defaults={f: getattr(doc, f) for f in fields})


def index_item(item_id: int) -> None:
    _store({"item_id": item_id}, documents.item_documents([item_id]))


def index_person(person_id: int) -> None:
    _store({"person_id": person_id}, documents.person_documents([person_id]))


def index_community(place_id: int) -> None:
    _store({"kind": SearchDocument.COMMUNITY, "place_id": place_id},
           documents.community_documents([place_id]))  # fmt: skip


def event_recorded(event: Event) -> None:
    verb = event.verb
    if event.item_id is not None:
        if verb in ITEM_VERBS:
            index_item(event.item_id)
            item_kind = getattr(event.item, "kind", None)
            if verb == Event.Verb.CREATE and item_kind in DETAILS_AFTER_CREATE:
                item_id = event.item_id
                transaction.on_commit(lambda: index_item(item_id))
        return
    if event.person_id is not None and verb in PERSON_VERBS and event.place_id is None:
        index_person(event.person_id)
    elif event.place_id is not None and verb in PLACE_VERBS and event.person_id is None:
        index_community(event.place_id)
