"""Answering with a stored file, safely.

The content type is the one detected at upload, never guessed from the name. Browsers are
told not to sniff (``nosniff``) and to treat the response as a sandboxed document with no
right to load or run anything (CSP), and only images and PDFs are ever shown inline; every
other type is an attachment. Responses are private and not stored by caches, because
access can be withdrawn (an unshare) while the file stays the same.
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from kollega.files.detect import BY_MIME
from kollega.files.previews import preview_type
from kollega.files.storage import file_storage

SANDBOX = "default-src 'none'; sandbox"
# Browsers' built-in PDF viewers refuse to run in a sandboxed document, so an inline PDF
# gets only the "load nothing" policy.
PDF_INLINE = "default-src 'none'; object-src 'self'"


def _open(name: str):
    try:
        return file_storage().open(name, "rb")
    except (FileNotFoundError, OSError):
        # The row outlived its blob (a restore from backup without the files, say).
        raise Http404("The file's content is missing.") from None


def _harden(response, csp: str):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = csp
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def can_show_inline(content_type: str) -> bool:
    file_type = BY_MIME.get(content_type)
    return bool(file_type and file_type.inline)


def blob_response(version, *, inline: bool = False):
    inline = inline and can_show_inline(version.content_type)
    response = FileResponse(_open(version.blob.name), content_type=version.content_type)
    response["Content-Length"] = str(version.size)
    response["Content-Disposition"] = content_disposition_header(not inline, version.original_name)
    csp = PDF_INLINE if inline and version.content_type == "application/pdf" else SANDBOX
    return _harden(response, csp)


def preview_response(version):
    if not version.preview:
        raise Http404("This file has no preview.")
    name = version.preview.name
    response = FileResponse(_open(name), content_type=preview_type(name))
    response["Content-Disposition"] = content_disposition_header(False, "preview")
    return _harden(response, SANDBOX)
