"""The network: invitations, contacts, following, privacy, who connects us, suggestions."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_OFFSET, PersonRef, Text
from kollega.api.schemas.people import PersonSummaryOut
from kollega.api.schemas.places import PlaceRef

AudienceName = Literal["everyone", "network", "me"]


class InvitationOut(Schema):
    id: int
    sender: PersonSummaryOut
    recipient: PersonSummaryOut
    message: str
    state: str = Field(description="pending, accepted, ignored or withdrawn.")
    created: datetime
    decided_at: datetime | None


class InvitationsPage(Schema):
    count: int
    items: list[InvitationOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class InvitationIn(Schema):
    username: Text = Field(description="Whom to invite to your network.")
    message: Text = Field("", description="A note to go with it, at most 1000 characters.")


class InvitationRef(Schema):
    id: int
    message: str
    created: datetime


class RelationOut(Schema):
    username: str
    is_contact: bool = Field(description="Whether they are in your network.")
    invitation_sent: InvitationRef | None = Field(description="Your pending invitation to them.")
    invitation_received: InvitationRef | None = Field(
        description="Their pending invitation to you."
    )
    following: bool = Field(description="Whether you follow them.")
    network_visible: bool = Field(description="Whether their settings let you see their contacts.")
    network_size: int | None = Field(description="How many contacts; null when hidden from you.")
    followers_count: int
    can_post_on_board: bool = Field(
        description="Whether their settings let you post on their board."
    )


class ContactsPage(Schema):
    count: int = Field(description="How many contacts match, on every page.")
    items: list[PersonSummaryOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class ConnectionOut(Schema):
    hops: int | None = Field(
        description="Contacts between you: 0 is you, 1 a contact, up to 3; null when not "
        "connected within three hops (or only through contacts hidden from you)."
    )
    paths: list[list[PersonSummaryOut]] = Field(
        description="Shortest paths from you to them, both ends included; at most five."
    )
    shared_contacts: int | None = Field(
        description="Contacts you both have; null when their network is hidden from you."
    )


class InCommonOut(Schema):
    shared_contacts: list[PersonSummaryOut] = Field(description="A few of them.")
    shared_contact_count: int | None = Field(
        description="All of them; null when their network is hidden from you."
    )
    communities: list[PlaceRef] = Field(description="Communities you both belong to.")
    tags_received: list[str] = Field(description="Profile tags you both were given.")
    tags_given: list[str] = Field(description="Tags you both gave colleagues.")
    same_manager: PersonRef | None = Field(description="Your shared manager, if any.")
    same_org_unit: bool


class SuggestionOut(Schema):
    person: PersonSummaryOut
    reasons: list[str] = Field(description="Why, in words to show: “3 shared contacts”.")
    shared_contacts: int
    shared_communities: int
    shared_tags: int
    same_manager: bool
    same_unit: bool


class PrivacyIn(Schema):
    """Only the settings sent are changed."""

    network_visibility: AudienceName | None = Field(None, description="Who may see your contacts.")
    board_posting: AudienceName | None = Field(None, description="Who may post on your board.")
