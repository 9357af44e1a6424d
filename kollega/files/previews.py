"""Image previews: a small re-encoded copy shown on the file page.

The preview is made from the pixels (Pillow), never served from the upload itself, so an
image with odd metadata or trailing data is shown as a clean JPEG or PNG.
"""

from __future__ import annotations

import io
import logging
import secrets

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_SIDE = 400
# A decompression bomb is not decoded: big photos are fine, billions of pixels are not.
MAX_PIXELS = 60_000_000


def make_preview(stream) -> ContentFile | None:
    """A preview of the image in ``stream`` no larger than MAX_SIDE, or None if it cannot be
    read (the upload itself is still accepted: its type was checked by content already)."""
    stream.seek(0)
    try:
        with Image.open(stream) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.seek(0)  # The first frame of an animation.
            image = ImageOps.exif_transpose(image)
            transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if transparent else "RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            fmt, ext = ("PNG", "png") if transparent else ("JPEG", "jpg")
            image.save(out, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        logger.warning("Could not make a preview of an image", exc_info=True)
        return None
    finally:
        stream.seek(0)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(16)}.{ext}")


def preview_type(name: str) -> str:
    return "image/png" if name.endswith(".png") else "image/jpeg"
