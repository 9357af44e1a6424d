"""Building SearchDocument rows from the database, in batches (one query per kind of
detail for a whole batch), for the write-time hook and for ``kollega reindex`` alike."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from kollega.bookmarks.models import Bookmark
from kollega.content.models import Item, ItemTag, Reply
from kollega.files.models import FileDetail
from kollega.people.models import Person, PersonTag
from kollega.places.models import Place
from kollega.search.models import SearchDocument

# Control characters never reach the index: \x02 and \x03 mark highlights in snippets.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NON_WORD = re.compile(r"[\W_]+")
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[ \t]+")
MAX_BODY = 200_000  # characters of text per document (a long thread's replies are cut)
MAX_REPLIES = 200


def clean(text: str | None) -> str:
    return CONTROL.sub(" ", text or "")


def plain(rendered: str, source: str = "") -> str:
    """The text a person reads in rendered Markdown (our own sanitised HTML): what the index
    holds and snippets quote, without the Markdown marks and link addresses of the source
    ("[guide](https://…)"). ``source`` when nothing was rendered."""
    if not rendered:
        return source or ""
    return SPACES.sub(" ", html.unescape(TAG.sub(" ", rendered))).strip()


def words_of(text: str) -> str:
    """An address or a file name as plain words ("helm sh docs"): PostgreSQL's parser would
    keep "helm.sh" or "plan.pdf" as one token, FTS5 splits them; plain words match on both."""
    return NON_WORD.sub(" ", text or "").strip()


def _joined(parts, limit: int = MAX_BODY) -> str:
    return clean("\n".join(p for p in parts if p))[:limit]


def item_documents(item_ids: list[int]) -> list[SearchDocument]:
    """Documents for these items (every kind: body, tags, replies, file text; a bookmark's
    address and a file's name as keywords, which find it but are never quoted)."""
    rows = list(
        Item.objects.filter(pk__in=item_ids).values(
            "id", "kind", "author_id", "place_id", "created", "title", "body", "body_html"
        )
    )
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    tags = defaultdict(list)
    for item_id, name in ItemTag.objects.filter(item_id__in=ids).values_list(
        "item_id", "tag__name"
    ):
        tags[item_id].append(name)
    # Text that is read (a file's extracted text) goes in the body, which snippets quote;
    # words that only find (an address, a file name) in the keywords, which they never do.
    extra = defaultdict(list)
    keywords = defaultdict(list)
    kinds = {r["kind"] for r in rows}
    if Item.Kind.BOOKMARK in kinds:
        for item_id, url in Bookmark.objects.filter(item_id__in=ids).values_list("item_id", "url"):
            keywords[item_id].append(words_of(url))
    if Item.Kind.FILE in kinds:
        files = FileDetail.objects.filter(item_id__in=ids).values_list(
            "item_id", "name", "current__extracted_text"
        )
        for item_id, name, text in files:
            keywords[item_id].append(words_of(name))
            extra[item_id].append(text)
    replies = defaultdict(list)
    for item_id, body, body_html in (
        Reply.objects.filter(item_id__in=ids, removed_at__isnull=True)
        .order_by("item_id", "id")
        .values_list("item_id", "body", "body_html")
    ):
        if len(replies[item_id]) < MAX_REPLIES:
            replies[item_id].append(plain(body_html, body))
    return [
        SearchDocument(
            kind=r["kind"],
            item_id=r["id"],
            place_id=r["place_id"],
            author_id=r["author_id"],
            created=r["created"],
            title=clean(r["title"]),
            body=_joined([plain(r["body_html"], r["body"]), *extra[r["id"]], *replies[r["id"]]]),
            tags=clean(" ".join(tags[r["id"]])),
            keywords=_joined(keywords[r["id"]]),
        )
        for r in rows
    ]


def person_documents(person_ids: list[int]) -> list[SearchDocument]:
    """People: name as the title; username, job title, department, city and about as the
    body; the tags they gave themselves and colleagues gave them as tags."""
    rows = list(
        Person.objects.filter(pk__in=person_ids).values(
            "id", "name", "username", "job_title", "org_unit__name", "location__city",
            "about", "about_html", "created",
        )
    )  # fmt: skip
    # Every tagging counts: a skill ten colleagues gave weighs more than one given once.
    tags = defaultdict(list)
    for person_id, name in (
        PersonTag.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "tag__name")
        .values_list("person_id", "tag__name")
    ):
        tags[person_id].append(name)
    return [
        SearchDocument(
            kind=SearchDocument.PERSON,
            person_id=r["id"],
            created=r["created"],
            title=clean(r["name"]),
            body=_joined(
                [
                    r["username"],
                    r["job_title"],
                    r["org_unit__name"],
                    r["location__city"],
                    plain(r["about_html"], r["about"]),
                ]
            ),  # fmt: skip
            tags=clean(" ".join(tags[r["id"]])),
        )
        for r in rows
    ]


def community_documents(place_ids: list[int]) -> list[SearchDocument]:
    rows = list(
        Place.objects.filter(pk__in=place_ids, kind=Place.Kind.COMMUNITY).values(
            "id", "name", "description", "description_html", "created"
        )
    )
    tags = defaultdict(list)
    for place_id, name in Place.tags.through.objects.filter(place_id__in=place_ids).values_list(
        "place_id", "tag__name"
    ):
        tags[place_id].append(name)
    return [
        SearchDocument(
            kind=SearchDocument.COMMUNITY,
            place_id=r["id"],
            created=r["created"],
            title=clean(r["name"]),
            body=_joined([plain(r["description_html"], r["description"])]),
            tags=clean(" ".join(tags[r["id"]])),
        )
        for r in rows
    ]
