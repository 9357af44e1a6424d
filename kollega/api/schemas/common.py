"""Building blocks shared by every area's schemas."""

from __future__ import annotations

from typing import Annotated

from django.urls import NoReverseMatch
from ninja import Field, Schema
from pydantic import AfterValidator

# Database ids are signed 64-bit integers; anything larger cannot name a row, and some
# databases would refuse the number outright instead of finding nothing.
MAX_ID = 2**63 - 1
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
NEXT_CURSOR = "Pass as cursor for the next page; null at the end."
NEXT_OFFSET = "Pass as offset for the next page; null at the end."


def _storable(value: str) -> str:
    """Refuse text no database column can hold: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


Text = Annotated[str, AfterValidator(_storable)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]
TagList = Annotated[
    Text | list[Text],
    Field(description='Tags as a list, or one string separated by commas or spaces: "a, b".'),
]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in a sentence meant for a person.")
    errors: dict[str, list[str]] | None = Field(
        None, description="Messages per field, for input that was not accepted."
    )


class PersonRef(Schema):
    username: str
    name: str


def absolute_url(context, path: str | None) -> str | None:
    request = (context or {}).get("request")
    if path is None or request is None:
        return path
    return request.build_absolute_uri(path)


def web_url(context, obj) -> str | None:
    """The absolute address of ``obj``'s page in the web UI.

    None when no page serves it: the API also runs in deployments (and tests) without the
    web UI's URLs, and a missing link must not turn a whole response into an error.
    """
    try:
        path = obj.get_absolute_url()
    except NoReverseMatch:
        return None
    return absolute_url(context, path)
