"""Downloads and previews: every byte of a file goes out through the access check here."""

from __future__ import annotations

from django.views.decorators.http import require_safe

from kollega.files import actions, queries, serve


def _send(request, item, version):
    inline = request.GET.get("view") == "1"
    response = serve.blob_response(version, inline=inline)
    if request.method == "GET":
        actions.record_download(request.person, item, version)
    return response


@require_safe
def download(request, item_id: int):
    item = queries.file_for(request.person, item_id)
    return _send(request, item, item.file.current)


@require_safe
def version_download(request, item_id: int, number: int):
    item = queries.file_for(request.person, item_id)
    return _send(request, item, queries.version_of(item, number))


@require_safe
def preview(request, item_id: int):
    item = queries.file_for(request.person, item_id)
    return serve.preview_response(item.file.current)


@require_safe
def version_preview(request, item_id: int, number: int):
    item = queries.file_for(request.person, item_id)
    return serve.preview_response(queries.version_of(item, number))
