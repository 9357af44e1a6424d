"""The JSON shapes of the files API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.urls import NoReverseMatch, reverse
from ninja import Field, Schema

from kollega.api.schemas.common import NEXT_OFFSET, PersonRef, Text, absolute_url
from kollega.api.schemas.places import PlaceRef


def _api_url(context, name: str, *args) -> str | None:
    return absolute_url(context, reverse(f"api-v1:{name}", args=args))


class FileVersionOut(Schema):
    number: int
    name: str = Field(description="The file's name as uploaded (cleaned of paths and tricks).")
    size: int = Field(description="In bytes.")
    content_type: str = Field(description="Detected from the content, not from the name.")
    sha256: str
    uploader: PersonRef | None
    note: str = Field(description="What changed in this version.")
    created: datetime
    download_url: str | None

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_download_url(obj, context) -> str | None:
        url = _api_url(context, "files_download", obj.file_id)
        return f"{url}?version={obj.number}" if url else None


class ShareOut(Schema):
    id: int
    role: str = Field(description="reader or editor.")
    person: PersonRef | None
    place: PlaceRef | None


class FileOut(Schema):
    id: int
    name: str
    title: str
    description: str = Field(description="Markdown source.")
    description_html: str = Field(description="Rendered and sanitised: safe to insert as it is.")
    tags: list[str]
    content_type: str = Field(description="Of the current version, detected from its content.")
    size: int = Field(description="Of the current version, in bytes.")
    version: int = Field(description="The number of the current version.")
    download_count: int
    author: PersonRef
    place: PlaceRef
    private: bool = Field(description="Readable only by its author and the shares.")
    created: datetime
    updated: datetime
    url: str | None = Field(description="The file's page in the web UI.")
    download_url: str | None
    has_preview: bool
    shares: list[ShareOut] | None = Field(
        None, description="Whom the file is shared with; only its author sees this."
    )

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.pk

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.file.name

    @staticmethod
    def resolve_description(obj) -> str:
        return obj.body

    @staticmethod
    def resolve_description_html(obj) -> str:
        return obj.body_html

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_content_type(obj) -> str:
        return obj.file.content_type

    @staticmethod
    def resolve_size(obj) -> int:
        return obj.file.size

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.file.version

    @staticmethod
    def resolve_download_count(obj) -> int:
        return obj.file.download_count

    @staticmethod
    def resolve_has_preview(obj) -> bool:
        return bool(obj.file.current and obj.file.current.preview)

    @staticmethod
    def resolve_shares(obj) -> list | None:
        return getattr(obj, "shares_out", None)

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        try:
            return absolute_url(context, reverse("files-detail", args=[obj.pk]))
        except NoReverseMatch:  # the web UI's pages may not be installed
            return None

    @staticmethod
    def resolve_download_url(obj, context) -> str | None:
        return _api_url(context, "files_download", obj.pk)


class FilesPage(Schema):
    items: list[FileOut]
    next_offset: int | None = Field(description=NEXT_OFFSET)


class ShareIn(Schema):
    username: Text | None = Field(None, description="Share with this person…")
    place: Text | None = Field(None, description="…or with the members of this community (slug).")
    role: Literal["reader", "editor"] = "reader"
