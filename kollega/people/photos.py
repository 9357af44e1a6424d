"""Profile photos: checked by content (Pillow), size-limited, resized and re-encoded."""

from __future__ import annotations

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_SIDE = 512
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# A decompression bomb is refused before it is decoded.
MAX_PIXELS = 40_000_000


def process_photo(upload) -> ContentFile:
    """Validate an uploaded image and return a square-cropped, resized JPEG."""
    limit = settings.KOLLEGA_MAX_PHOTO_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The photo is too large (%(size)d MB); the limit is %(limit)d MB.")
            % {"size": upload.size // (1024 * 1024) or 1, "limit": limit // (1024 * 1024)}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(_("The photo is too large."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("That file is not an image we can read (use JPEG, PNG or WebP).")
        ) from None
    if fmt not in ACCEPTED_FORMATS:
        raise ValidationError(_("Use a JPEG, PNG, GIF or WebP image."))
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The image has too many pixels."))
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        side = min(image.size)
        left = (image.width - side) // 2
        top = (image.height - side) // 2
        image = image.crop((left, top, left + side, top + side))
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=85, optimize=True)
    # The stored name never comes from the user.
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(12)}.jpg")
