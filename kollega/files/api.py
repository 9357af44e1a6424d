"""Files over the JSON API: lists, uploads (multipart), versions, downloads and sharing.

Every file is fetched through ``kollega.access`` (``queries.file_for``), so a file the
caller may not read is 404 on every operation, the same as one that does not exist.
"""

from __future__ import annotations

from django.http import Http404
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.content.models import ItemShare
from kollega.files import actions, queries, serve
from kollega.files.schemas import FileOut, FilesPage, FileVersionOut, ShareIn, ShareOut
from kollega.people.queries import people

router = Router(tags=["files"])

MAX_OFFSET = 100_000
BINARY = {
    "200": {
        "description": "The file, with its detected type and a Content-Disposition.",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class ListParams(Schema):
    q: Text = Field("", max_length=200, description="Words in the name or the file's text.")
    sort: str = Field("updated", pattern="^(updated|name|downloads)$")
    limit: Limit = DEFAULT_LIMIT
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class UploadIn(Schema):
    place: Text = Field("", description="A community's slug; empty for your own space.")
    description: Text = Field("", description="Markdown.")
    tags: Text = Field("", description="Separated by commas or spaces.")
    visible_to_everyone: bool = Field(False, description="Only for your own space.")


class VersionIn(Schema):
    note: Text = Field("", description="What changed.")


def _page(qs, params: ListParams) -> dict:
    rows = list(qs[params.offset : params.offset + params.limit + 1])
    more = len(rows) > params.limit
    end = params.offset + params.limit
    return {"items": rows[: params.limit], "next_offset": end if more else None}


def _fresh(person, item_id: int):
    """The file as the caller sees it now, with its tags."""
    item = queries.file_for(person, item_id)
    item.shares_out = list(queries.shares(item)) if item.author_id == person.pk else None
    return item


@router.get(
    "/places/{slug}",
    response={200: FilesPage, codes_4xx: ErrorOut},
    operation_id="files_list",
    summary="A community's files",
    description="Filter with q (the name or the text inside the file); sort by updated, "
    "name or downloads.",
)
def files_list(request, slug: Text, params: Query[ListParams]):
    person = viewer(request)
    place = access.place_for(person, slug)
    return _page(queries.place_files(person, place, params.q, params.sort), params)


@router.get(
    "/mine",
    response={200: FilesPage, codes_4xx: ErrorOut},
    operation_id="files_mine",
    summary="My files",
    description="Files in your own space and files shared with you or your communities.",
)
def files_mine(request, params: Query[ListParams]):
    person = viewer(request)
    return _page(queries.my_files(person, params.q, params.sort), params)


@router.post(
    "",
    response={201: FileOut, codes_4xx: ErrorOut},
    operation_id="files_upload",
    summary="Upload a file",
    description="multipart/form-data. Into a community you belong to (place = its slug), or "
    "into your own space (no place), where the file is private unless visible_to_everyone. "
    "The type is detected from the content; a file named like another type is refused.",
)
def files_upload(
    request,
    file: File[UploadedFile],
    form: Form[UploadIn],
):
    person = viewer(request)
    target = access.place_for(person, form.place) if form.place.strip() else person.board
    item = actions.upload_file(
        person,
        target,
        file,
        description=form.description,
        tags=form.tags,
        visible_to_everyone=form.visible_to_everyone,
    )
    return 201, _fresh(person, item.pk)


@router.get(
    "/{item_id}",
    response={200: FileOut, codes_4xx: ErrorOut},
    operation_id="files_get",
    summary="A file",
)
def files_get(request, item_id: Id):
    return _fresh(viewer(request), item_id)


@router.get(
    "/{item_id}/versions",
    response={200: list[FileVersionOut], codes_4xx: ErrorOut},
    operation_id="files_versions_list",
    summary="A file's versions",
    description="Newest first.",
)
def files_versions_list(request, item_id: Id):
    return list(queries.versions(queries.file_for(viewer(request), item_id)))


@router.post(
    "/{item_id}/versions",
    response={201: FileVersionOut, codes_4xx: ErrorOut},
    operation_id="files_upload_version",
    summary="Upload a new version",
    description="multipart/form-data. The author, an owner of the community or an editor "
    "the file is shared with may.",
)
def files_upload_version(
    request,
    item_id: Id,
    file: File[UploadedFile],
    form: Form[VersionIn],
):
    person = viewer(request)
    item = queries.file_for(person, item_id)
    return 201, actions.upload_version(person, item, file, note=form.note)


class DownloadParams(Schema):
    version: int | None = Field(None, ge=1, le=2**31 - 1, description="Default: the current.")


@router.get(
    "/{item_id}/download",
    response={codes_4xx: ErrorOut},
    operation_id="files_download",
    summary="Download a file",
    description="The current version, or the one numbered version. Counts as a download.",
    openapi_extra={"responses": BINARY},
)
def files_download(request, item_id: Id, params: Query[DownloadParams]):
    person = viewer(request)
    item = queries.file_for(person, item_id)
    version = item.file.current
    if params.version is not None:
        version = queries.version_of(item, params.version)
    if version is None:
        raise Http404("No such version.")
    response = serve.blob_response(version)
    actions.record_download(person, item, version)
    return response


@router.post(
    "/{item_id}/shares",
    response={201: ShareOut, codes_4xx: ErrorOut},
    operation_id="files_share",
    summary="Share a file",
    description="Its author shares it with a person (username) or a community's members "
    "(place), as reader or editor. Sharing again changes the role.",
)
def files_share(request, item_id: Id, payload: ShareIn):
    person = viewer(request)
    item = queries.file_for(person, item_id)
    target = place = None
    if payload.username:
        target = people().filter(username=payload.username).first()
        if target is None:
            raise Http404("No one has that username.")
    if payload.place:
        place = access.place_for(person, payload.place)
    share = actions.share_file(person, item, person=target, place=place, role=payload.role)
    return 201, ItemShare.objects.select_related("person", "place").get(pk=share.pk)


@router.delete(
    "/{item_id}/shares/{share_id}",
    response={204: None, codes_4xx: ErrorOut},
    operation_id="files_unshare",
    summary="Stop sharing a file",
)
def files_unshare(request, item_id: Id, share_id: Id):
    person = viewer(request)
    actions.unshare_file(person, queries.file_for(person, item_id), share_id)
    return 204, None
