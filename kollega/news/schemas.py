"""The JSON shapes of news articles and editors."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.urls import reverse
from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_CURSOR, Id, PersonRef, TagList, Text, absolute_url
from kollega.api.schemas.items import ItemOut
from kollega.news.queries import detail_of, is_featured

# An audience is a handful of departments or sites (the action refuses more than 100).
Ids = Annotated[list[Id], Field(max_length=100)]


class OrgUnitOut(Schema):
    id: int
    slug: str
    name: str


class LocationOut(Schema):
    id: int
    country: str
    city: str


class AudienceOut(Schema):
    org_units: list[OrgUnitOut] = Field(description="Each includes the units below it.")
    locations: list[LocationOut]
    everyone: bool = Field(description="True when no org units and no locations are set.")


class NewsOut(ItemOut):
    summary: str
    featured_until: datetime | None
    featured: bool = Field(description="Whether the article is featured now.")
    audience: AudienceOut = Field(description="Who sees the article featured.")
    news_url: str | None = Field(description="The article's page in the web UI.")

    @staticmethod
    def resolve_summary(obj) -> str:
        return detail_of(obj).summary

    @staticmethod
    def resolve_featured_until(obj) -> datetime | None:
        return detail_of(obj).featured_until

    @staticmethod
    def resolve_featured(obj) -> bool:
        return is_featured(obj)

    @staticmethod
    def resolve_audience(obj) -> dict:
        detail = detail_of(obj)
        units = list(detail.audience_units.all())
        locations = list(detail.audience_locations.all())
        return {
            "org_units": units,
            "locations": locations,
            "everyone": not units and not locations,
        }

    @staticmethod
    def resolve_news_url(obj, context) -> str | None:
        return absolute_url(context, reverse("news-detail", args=[obj.pk]))


class NewsPage(Schema):
    items: list[NewsOut]
    next_cursor: str | None = Field(description=NEXT_CURSOR)


class NewsIn(Schema):
    title: Text
    body: Text = Field(description="Markdown.")
    summary: Text = Field("", description="The lead: one or two sentences.")
    tags: TagList | None = None
    featured_until: datetime | None = Field(
        None, description="Featured until this moment (in the future); null: not featured."
    )
    org_units: Ids = Field([], description="Org unit ids (each includes its sub-units).")
    locations: Ids = Field([], description="Location ids; no units and no locations: everyone.")


class NewsUpdateIn(Schema):
    """Only the fields sent are changed; featured_until sent as null stops featuring."""

    title: Text | None = None
    body: Text | None = None
    summary: Text | None = None
    tags: TagList | None = None
    featured_until: datetime | None = None
    org_units: Ids | None = None
    locations: Ids | None = None


class EditorOut(Schema):
    person: PersonRef
    role: str = Field(description="editor or owner.")


class EditorIn(Schema):
    username: Text
