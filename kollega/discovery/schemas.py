"""Discovery in the JSON API."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from kollega.api.schemas.common import PersonRef, TagList, Text, web_url
from kollega.api.schemas.places import PlaceRef
from kollega.discovery.actions import MAX_ROUTED

MAX_QUESTION_BODY = 20_000


class TopicOut(Schema):
    tag: str
    score: float
    self_tagged: bool = Field(description="They list it as a skill themselves.")
    taggers: int = Field(description="Distinct colleagues who tagged them with it.")
    items: int = Field(description="Public items they wrote with the tag.")
    answers: int = Field(description="Their accepted answers to questions with the tag.")
    bookmarks: int = Field(description="Their public bookmarks with the tag.")
    why: str = Field(description="The evidence in one sentence.")


class ResponsivenessOut(Schema):
    replied: int = Field(description="Questions by others they replied to.")
    accepted: int = Field(description="Of those, questions where their answer was accepted.")
    answer_rate: float
    median_seconds: int | None = Field(description="Median time from question to their reply.")


class ExpertiseOut(Schema):
    person: PersonRef
    topics: list[TopicOut]
    responsiveness: ResponsivenessOut | None


class ExpertOut(Schema):
    person: PersonRef
    match: float
    reasons: list[str]
    topics: list[TopicOut]


class AskIn(Schema):
    title: Text = Field("", max_length=200, description="The question itself.")
    body: Text = Field("", max_length=MAX_QUESTION_BODY, description="Details, in Markdown.")
    tags: TagList = ""


class SuggestIn(AskIn):
    limit: int = Field(5, ge=1, le=10)


class SuggestionOut(Schema):
    person: PersonRef
    score: float
    reasons: list[str] = Field(description="Why they are suggested, best evidence first.")
    hops: int | None = Field(description="1: a contact; 2: a contact of a contact; …")
    path: list[PersonRef] = Field(description="From you to them through shared contacts.")
    shared_contacts: list[PersonRef]
    median_response_seconds: int | None
    answer_rate: float | None


class AskPostIn(AskIn):
    place: Text = Field("", description="A community's slug; empty for your own board.")
    experts: list[Text] = Field(
        default_factory=list, max_length=MAX_ROUTED, description="Usernames to address it to."
    )


class RoutedOut(Schema):
    id: int
    person: PersonRef
    routed_by: PersonRef
    state: str = Field(description="open, answered or declined.")
    created: datetime
    reason: str


class AskStatusOut(Schema):
    id: int
    title: str
    place: PlaceRef
    state: str = Field(description="The question's state: open or answered.")
    routed: list[RoutedOut]
    reply_count: int
    url: str | None


class RoutedQuestionOut(Schema):
    id: int
    item_id: int
    title: str
    asked_by: PersonRef
    place: PlaceRef
    created: datetime
    url: str | None

    @staticmethod
    def resolve_item_id(obj) -> int:
        return obj.item_id

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.item.display_title

    @staticmethod
    def resolve_asked_by(obj):
        return obj.item.author

    @staticmethod
    def resolve_place(obj):
        return obj.item.place

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj.item)


class RecommendationOut(Schema):
    item_id: int
    title: str
    kind: str
    author: PersonRef
    place: PlaceRef
    created: datetime
    score: float
    reasons: list[str]
    reason_codes: list[str] = Field(
        description="liked, contact, community, followed-tag or known-tag, per reason."
    )
    url: str | None
