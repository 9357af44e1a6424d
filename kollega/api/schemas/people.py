"""People, their profile tags, and the organisation's units and locations."""

from __future__ import annotations

from ninja import Field, Schema

from kollega.api.schemas.common import (
    NEXT_OFFSET,
    Id,
    PersonRef,
    TagList,
    Text,
    absolute_url,
    web_url,
)
from kollega.people.models import Person


class OrgUnitRef(Schema):
    slug: str
    name: str


class LocationRef(Schema):
    country: str = Field(description="ISO 3166 code, e.g. SE.")
    city: str
    time_zone: str


class PrivacyOut(Schema):
    network_visibility: str = Field(
        description="Who may see your contacts: everyone, network (your contacts) or me."
    )
    board_posting: str = Field(description="Who may post on your board: everyone, network or me.")


class PersonSummaryOut(Schema):
    """A person as lists show them: contacts, paths, suggestions, members."""

    username: str
    name: str
    job_title: str
    org_unit: OrgUnitRef | None
    location: LocationRef | None
    photo_url: str | None
    url: str | None = Field(description="The profile page in the web UI.")

    @staticmethod
    def resolve_photo_url(obj, context) -> str | None:
        return absolute_url(context, obj.photo.url) if obj.photo else None

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class PersonOut(Schema):
    username: str
    name: str
    job_title: str
    org_unit: OrgUnitRef | None
    location: LocationRef | None
    manager: str | None = Field(description="The manager's username.")
    email: str
    phone: str
    about: str = Field(description="Markdown source.")
    about_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    photo_url: str | None
    url: str | None = Field(description="The profile page in the web UI.")
    privacy: PrivacyOut | None = Field(
        description="Your privacy settings, on your own profile only; null on anyone else's."
    )

    @staticmethod
    def resolve_manager(obj) -> str | None:
        return obj.manager.username if obj.manager_id else None

    @staticmethod
    def resolve_privacy(obj, context) -> Person | None:
        request = (context or {}).get("request")
        caller = getattr(request, "auth", None)
        return obj if caller is not None and caller.pk == obj.pk else None

    @staticmethod
    def resolve_photo_url(obj, context) -> str | None:
        return absolute_url(context, obj.photo.url) if obj.photo else None

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class PeoplePage(Schema):
    count: int = Field(description="How many people match, on every page.")
    items: list[PersonOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class ProfileUpdateIn(Schema):
    """Only the fields sent are changed; null clears org_unit, location and manager."""

    name: Text | None = None
    job_title: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    about: Text | None = Field(None, description="Markdown.")
    org_unit: Text | None = Field(None, description="An org unit's slug.")
    location: Id | None = Field(None, description="A location's id.")
    manager: Text | None = Field(None, description="The manager's username.")


class TagSummaryOut(Schema):
    name: str
    count: int
    taggers: list[PersonRef]
    viewer_gave: bool = Field(description="Whether you gave this tag.")


class ProfileTagsOut(Schema):
    from_colleagues: list[TagSummaryOut] = Field(description="Most given first.")
    own: list[str] = Field(description="Tags the person gave themselves.")


class ProfileTagsIn(Schema):
    tags: TagList


class OrgUnitOut(Schema):
    id: int
    slug: str
    name: str
    parent: str | None = Field(description="The parent unit's slug; null at the top.")
    people_count: int = Field(description="Active people in this unit itself.")

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.slug if obj.parent_id else None


class LocationOut(Schema):
    id: int
    country: str
    city: str
    time_zone: str
    people_count: int
