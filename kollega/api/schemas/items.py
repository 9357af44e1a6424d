"""Items of the content spine, their replies, and what a viewer did to them."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_CURSOR, NEXT_OFFSET, PersonRef, TagList, Text, web_url
from kollega.api.schemas.places import PlaceRef


class QuestionOut(Schema):
    state: str = Field(description="open, or answered once the asker accepted an answer.")
    asked_at: datetime
    first_reply_at: datetime | None = Field(description="The first reply by someone else.")
    answered_at: datetime | None = Field(description="When the first answer was accepted.")


class ItemOut(Schema):
    id: int
    kind: str
    title: str
    body: str = Field(description="Markdown source.")
    body_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    author: PersonRef
    place: PlaceRef
    created: datetime
    updated: datetime
    last_activity_at: datetime
    reply_count: int
    like_count: int
    liked: bool = Field(description="Whether you like it.")
    saved: bool = Field(description="Whether you saved it.")
    private: bool = Field(description="Readable only by its author and whom it is shared with.")
    question: QuestionOut | None = Field(
        description="Set when the item is a question (asked as one, or marked later)."
    )
    url: str | None = Field(description="The item's page in the web UI.")

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_question(obj):
        # Loaded for the whole page by kollega.api.loading.with_questions.
        try:
            return obj.question
        except ObjectDoesNotExist:
            return None

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class ItemsPage(Schema):
    items: list[ItemOut]
    next_cursor: str | None = Field(description=NEXT_CURSOR)


class ItemIn(Schema):
    place: Text = Field(description="The slug of the place to post in.")
    kind: Text = Field(description="status, post, topic, question, blog, wiki, … (see Item kinds).")
    title: Text = ""
    body: Text = Field(description="Markdown.")
    tags: TagList | None = None


class ItemUpdateIn(Schema):
    """Only the fields sent are changed (null is the same as leaving one out); tags replace
    the item's tags."""

    title: Text | None = None
    body: Text | None = None
    tags: TagList | None = None


class ReplyOut(Schema):
    id: int
    author: PersonRef
    body: str = Field(description="Markdown source.")
    body_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    created: datetime
    updated: datetime
    accepted: bool = Field(description="Accepted by the asker as an answer to the question.")

    @staticmethod
    def resolve_accepted(obj) -> bool:
        return obj.accepted_at is not None


class RepliesPage(Schema):
    count: int
    items: list[ReplyOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class ReplyIn(Schema):
    body: Text = Field(description="Markdown.")


class AnswerOut(Schema):
    reply: ReplyOut
    question: QuestionOut


class BoardPage(ItemsPage):
    can_post: bool = Field(description="Whether the owner's setting lets you post here.")


class BoardPostIn(Schema):
    body: Text = Field(description="Markdown; @username mentions a colleague.")
    tags: TagList | None = None
