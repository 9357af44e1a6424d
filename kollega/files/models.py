"""Files: an Item of kind "file" with its versions.

The Item carries what every kind of content has (author, place, description as its body,
tags, privacy, shares); ``FileDetail`` adds what a file list shows without reading any
version, and ``FileVersion`` holds each uploaded blob with what was learnt from it.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kollega.files.storage import file_storage


class FileDetail(models.Model):
    item = models.OneToOneField(
        "content.Item", primary_key=True, on_delete=models.CASCADE, related_name="file"
    )
    # Copied from the current version so lists sort and show them without a join.
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    version = models.PositiveIntegerField(_("version"), default=1)
    current = models.ForeignKey(
        "FileVersion", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("files-detail", args=[self.item_id])

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class FileVersion(models.Model):
    file = models.ForeignKey(FileDetail, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    # The stored name is random; the person's name for the file is kept in original_name,
    # for display and for the Content-Disposition of downloads only.
    blob = models.FileField(upload_to="files/", storage=file_storage, max_length=200)
    preview = models.FileField(
        upload_to="files/previews/", storage=file_storage, max_length=200, blank=True
    )
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    # Detected from the content, never from the name or the browser's claim.
    content_type = models.CharField(_("type"), max_length=120)
    sha256 = models.CharField(max_length=64)
    uploader = models.ForeignKey(
        "people.Person", null=True, on_delete=models.SET_NULL, related_name="file_versions"
    )
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    created = models.DateTimeField()
    extracted_text = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["file", "number"], name="fileversion_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.original_name} (v{self.number})"
