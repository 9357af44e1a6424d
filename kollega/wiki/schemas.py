"""Request and response shapes of the wiki API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from ninja import Field, Schema

from kollega.api.schemas.common import PersonRef, TagList, Text
from kollega.api.schemas.places import PlaceRef
from kollega.wiki.actions import MAX_NOTE, MAX_SLUG
from kollega.wiki.forms import MAX_NUMBER

Number = Annotated[int, Field(ge=1, le=MAX_NUMBER, description="A revision number, from 1.")]


class PageRef(Schema):
    slug: str
    title: str


class OutlineEntry(Schema):
    slug: str
    title: str
    parent: str | None = Field(description="The parent page's slug; null at the top.")
    depth: int = Field(description="1 for a page at the top of the wiki.")
    position: int = Field(description="Order among its siblings, from 0.")


class OutlineOut(Schema):
    front_page: str | None = Field(description="The slug of the wiki's front page.")
    pages: list[OutlineEntry] = Field(description="Every page, in tree order (depth first).")


class PageOut(Schema):
    slug: str
    title: str
    body: str = Field(description="Markdown source.")
    body_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    place: PlaceRef
    parent: PageRef | None
    breadcrumbs: list[PageRef] = Field(description="The pages above this one, the top first.")
    children: list[PageRef]
    revision: int = Field(description="The number of the current revision.")
    author: PersonRef = Field(description="Who created the page.")
    last_editor: PersonRef | None
    created: datetime
    updated: datetime
    item_id: int = Field(description="The page's item: reply and like through /items/{id}.")
    reply_count: int
    like_count: int
    can_edit: bool = Field(description="Whether you may edit, move and restore it.")
    url: str | None = Field(description="The page in the web UI.")


class PageIn(Schema):
    title: Text
    body: Text = Field(description="Markdown.")
    tags: TagList | None = None
    parent: Text | None = Field(None, description="The slug of the page to put it under.")
    slug: Text = Field(
        "",
        max_length=MAX_SLUG,
        description="Its address in the wiki; made from the title when left out.",
    )


class PageUpdateIn(Schema):
    """Only the fields sent change; every change to the title or text is a new revision."""

    title: Text | None = None
    body: Text | None = None
    tags: TagList | None = None
    note: Text = Field("", max_length=MAX_NOTE, description="What you changed, for the history.")
    base_revision: int | None = Field(
        None,
        ge=0,
        le=MAX_NUMBER,
        description="The revision your edit starts from; the edit is refused (400) when "
        "someone saved a newer one meanwhile.",
    )


class MoveIn(Schema):
    parent: Text | None = Field(None, description="The new parent's slug; null for the top.")
    position: int | None = Field(
        None, ge=0, le=MAX_NUMBER, description="0 puts it first among its new siblings; "
        "null puts it last.",
    )  # fmt: skip


class RevisionSummaryOut(Schema):
    number: int
    title: str
    author: PersonRef
    created: datetime
    note: str
    restored_from: int | None = Field(description="The revision this one brought back.")


class RevisionsPage(Schema):
    items: list[RevisionSummaryOut] = Field(description="Newest first, without their text.")
    next_before: int | None = Field(
        description="Pass as before for older revisions; null at the first."
    )


class RevisionOut(RevisionSummaryOut):
    body: str = Field(description="Markdown source.")
    body_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")


class DiffLineOut(Schema):
    op: str = Field(description="same, add or del.")
    old: int | None = Field(description="Line number in the older revision.")
    new: int | None = Field(description="Line number in the newer revision.")
    text: str


class HunkOut(Schema):
    old_start: int
    old_count: int
    new_start: int
    new_count: int
    lines: list[DiffLineOut]


class DiffOut(Schema):
    from_revision: RevisionSummaryOut
    to_revision: RevisionSummaryOut
    title_changed: bool
    added: int = Field(description="Lines added.")
    removed: int = Field(description="Lines removed.")
    hunks: list[HunkOut] = Field(description="Changed lines with 3 lines of context.")
