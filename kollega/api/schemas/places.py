"""Places: boards, communities and the organisation."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from kollega.api.schemas.common import (
    NEXT_CURSOR,
    NEXT_OFFSET,
    PersonRef,
    TagList,
    Text,
    web_url,
)
from kollega.api.schemas.people import PersonSummaryOut


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


class CommunityUpdateIn(Schema):
    """Only the fields sent are changed."""

    name: Text | None = None
    description: Text | None = Field(None, description="Markdown.")
    access: Literal["open", "moderated", "restricted"] | None = None
    tags: TagList | None = Field(None, description="Replace the community's tags.")
    idea_vote_cap: int | None = Field(
        None, description="How many open ideas one member may vote for; null for no cap."
    )


class MemberOut(Schema):
    person: PersonSummaryOut
    role: str = Field(description="owner, editor or member.")
    joined: datetime

    @staticmethod
    def resolve_joined(obj) -> datetime:
        return obj.created


class MembersPage(Schema):
    count: int = Field(description="How many members match, on every page.")
    items: list[MemberOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class RoleIn(Schema):
    role: Literal["owner", "editor", "member"]


class JoinRequestOut(Schema):
    id: int
    kind: str = Field(
        description="request: the person asked to join (an owner decides); invitation: an "
        "owner invited them (they answer)."
    )
    place: PlaceRef
    person: PersonRef = Field(description="Who would join.")
    invited_by: PersonRef | None
    message: str
    state: str = Field(description="pending, approved, declined or withdrawn.")
    created: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_kind(obj) -> str:
        return "invitation" if obj.is_invitation else "request"


class JoinRequestsPage(Schema):
    count: int
    items: list[JoinRequestOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class JoinRequestIn(Schema):
    message: Text = Field("", description="Why you would like to join, for the owners.")


class DecisionIn(Schema):
    decision: Literal["approve", "decline"]


class CommunityInvitationIn(Schema):
    username: Text = Field(description="Whom to invite.")
    message: Text = ""


class AnswerIn(Schema):
    answer: Literal["accept", "decline"]
