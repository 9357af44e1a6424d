"""Where file blobs live: never under MEDIA_ROOT, which Kollega serves to anyone who has a
link (profile photos). Every file goes out through the download views and their access
check instead.

A deployment may name its own storage (an S3 bucket without public access, for example) as
``STORAGES["files"]``; otherwise blobs go to ``KOLLEGA_FILES_ROOT``, by default a folder
beside MEDIA_ROOT called ``<media>-private``.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property

STORAGE_ALIAS = "files"


def private_root() -> Path:
    root = getattr(settings, "KOLLEGA_FILES_ROOT", None)
    if root:
        return Path(root)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(media.name + "-private")


class PrivateFileStorage(FileSystemStorage):
    """A file system storage rooted outside MEDIA_ROOT, read from settings when first used
    (so tests that change MEDIA_ROOT or KOLLEGA_FILES_ROOT get a fresh root)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, str(private_root()))

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in ("MEDIA_ROOT", "KOLLEGA_FILES_ROOT"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        # There is no public address for a private file; the download views serve them.
        raise NotImplementedError("Private files have no public URL; use the download view.")


_default = PrivateFileStorage()


def file_storage():
    """The storage for file blobs and previews (a callable, so the choice follows settings)."""
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return _default
