"""Personal access tokens: listed by prefix, shown in full only when created."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from kollega.api.schemas.common import Text


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters, to recognise the token by.")
    created: datetime
    last_used: datetime | None = Field(description="Updated at most once a minute.")
    revoked: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="The token itself. It is shown this once and never again.")


class TokenIn(Schema):
    name: Text = Field(description="What uses the token, e.g. the script's name.")
