"""Template helpers for file pages."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from kollega.files.detect import BY_MIME

register = template.Library()

SHORT = {
    "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP", "pdf": "PDF",
    "docx": "Word", "doc": "Word 97", "xlsx": "Excel", "xls": "Excel 97",
    "pptx": "PowerPoint", "ppt": "PowerPoint 97", "odt": "ODF Text",
    "ods": "ODF Spreadsheet", "odp": "ODF Presentation", "text": _("Text"), "csv": "CSV",
    "markdown": "Markdown", "zip": "Zip",
}  # fmt: skip


@register.filter
def file_type(content_type: str) -> str:
    """A short name for a detected content type: "PDF", "Word", "Text"…"""
    found = BY_MIME.get(content_type)
    return str(SHORT.get(found.key, content_type)) if found else content_type
