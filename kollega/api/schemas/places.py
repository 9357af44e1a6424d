"""Places: boards, communities and the organisation."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_CURSOR, TagList, Text, web_url


class PlaceRef(Schema):
    slug: str
    name: str
    kind: str


class PlaceOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="board, community or organisation.")
    access: str = Field(description="open, moderated or restricted.")
    description: str = Field(description="Markdown source.")
    description_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    member_count: int
    created: datetime
    last_activity_at: datetime
    role: str | None = Field(description="Your role here (owner, editor, member), or null.")
    url: str | None = Field(description="The place's page in the web UI.")

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_role(obj) -> str | None:
        # Set by the router from one query per page (see routers.places).
        return getattr(obj, "viewer_role", None)

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class PlacesPage(Schema):
    items: list[PlaceOut]
    next_cursor: str | None = Field(description=NEXT_CURSOR)


class CommunityIn(Schema):
    name: Text
    description: Text = Field("", description="Markdown.")
    access: Literal["open", "moderated", "restricted"] = "open"
    tags: TagList | None = None
