"""Refusing an oversized file while it arrives, before it fills the disk.

Django writes any file upload to a temporary file, whatever its size; this handler drops a
file as soon as it passes the limit and marks the request, so the view can say why. It
must be installed before the request body is read, hence ``limited_uploads``: the CSRF
check (which reads the body) runs after it, inside the view.
"""

from __future__ import annotations

import functools

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from kollega.files.actions import max_upload_bytes

TOO_LARGE = "files_upload_too_large"


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int = 0):
        super().__init__(request)
        self.limit = limit

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            setattr(self.request, TOO_LARGE, True)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def limited_uploads(view):
    """Install the size limit for this view's uploads, then check CSRF as usual."""
    protected = csrf_protect(view)

    @functools.wraps(view)
    @csrf_exempt
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            request.upload_handlers.insert(0, SizeLimitHandler(request, max_upload_bytes()))
        return protected(request, *args, **kwargs)

    return wrapper


def too_large(request) -> bool:
    return getattr(request, TOO_LARGE, False)
