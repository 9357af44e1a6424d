"""Bookmarks in the JSON API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_CURSOR, PersonRef, TagList, Text, web_url
from kollega.api.schemas.places import PlaceRef
from kollega.bookmarks.actions import description_of


class BookmarkOut(Schema):
    id: int
    url: str = Field(description="The bookmarked address, as given.")
    normalised_url: str = Field(description="The address bookmarks are grouped by.")
    title: str
    description: str = Field(description="Markdown source.")
    description_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    author: PersonRef
    place: PlaceRef
    private: bool = Field(description="Private bookmarks are visible to their author only.")
    created: datetime
    updated: datetime
    reply_count: int
    like_count: int
    people_count: int = Field(description="How many people bookmarked this address (of those "
                              "bookmarks you may see).")  # fmt: skip
    page_url: str | None = Field(description="The bookmark's page (comments, likes) in the web UI.")

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.bookmark.url

    @staticmethod
    def resolve_normalised_url(obj) -> str:
        return obj.bookmark.normalised_url

    @staticmethod
    def resolve_description(obj) -> str:
        return description_of(obj)

    @staticmethod
    def resolve_description_html(obj) -> str:
        return obj.body_html

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_people_count(obj) -> int:
        return getattr(obj, "people_count", 1)

    @staticmethod
    def resolve_page_url(obj, context) -> str | None:
        return web_url(context, obj)


class BookmarksPage(Schema):
    items: list[BookmarkOut]
    next_cursor: str | None = Field(description=NEXT_CURSOR)


class TagCount(Schema):
    name: str
    count: int


class GroupOut(Schema):
    url: str = Field(description="The newest bookmark's address.")
    normalised_url: str
    title: str = Field(description="The newest bookmark's title.")
    people: int = Field(description="How many people bookmarked it (among what you may see).")
    latest: datetime
    tags: list[TagCount] = Field(description="Everyone's tags on it, most used first.")

    @staticmethod
    def resolve_tags(obj) -> list[dict]:
        return [{"name": name, "count": n} for name, n in obj.tags]


class PopularOut(Schema):
    period: str
    items: list[GroupOut]


class UrlGroupOut(GroupOut):
    bookmarks: list[BookmarkOut] = Field(description="Everyone's bookmarks of it, newest first "
                                         "(at most 100).")  # fmt: skip


class BookmarkIn(Schema):
    url: Text = Field(description="An http or https address.")
    title: Text = Field("", description="Empty: the address is the title.")
    description: Text = Field("", description="Markdown.")
    tags: TagList | None = None
    place: Text = Field("", description="A community's slug; empty for your own space.")
    private: bool = Field(False, description="Visible to you only.")


class BookmarkUpdateIn(Schema):
    """Only the fields sent are changed (null is the same as leaving one out)."""

    url: Text | None = None
    title: Text | None = None
    description: Text | None = None
    tags: TagList | None = None
    private: bool | None = None


Period = Literal["30", "90", "all"]
