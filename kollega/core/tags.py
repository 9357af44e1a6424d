"""Tag names: one normalisation for the whole product, and a bulk get-or-create."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kollega.core.models import Tag

MAX_TAG_LENGTH = 64
MAX_TAGS = 20
_SPACE = re.compile(r"\s+")
_ALLOWED = re.compile(r"^[\w][\w.+#-]*$", re.UNICODE)


def normalise(name: str) -> str:
    """'  Machine Learning ' -> 'machine-learning'. Raises ValidationError for unusable names."""
    cleaned = _SPACE.sub("-", (name or "").strip().lower().lstrip("#"))
    if not cleaned:
        raise ValidationError(_("A tag cannot be empty."))
    if len(cleaned) > MAX_TAG_LENGTH:
        raise ValidationError(
            _("A tag can be at most %(n)d characters long.") % {"n": MAX_TAG_LENGTH}
        )
    if not _ALLOWED.match(cleaned):
        raise ValidationError(
            _("“%(tag)s” is not a valid tag: use letters, digits and - . + # only.")
            % {"tag": name.strip()}
        )
    return cleaned


def parse_list(value: str | list[str] | None) -> list[str]:
    """Tags from a comma/space separated string or a list, normalised and de-duplicated."""
    if not value:
        return []
    parts = value if isinstance(value, list) else re.split(r"[,\s]+", value)
    names: list[str] = []
    for part in parts:
        if part and part.strip():
            name = normalise(part)
            if name not in names:
                names.append(name)
    if len(names) > MAX_TAGS:
        raise ValidationError(_("At most %(n)d tags, please.") % {"n": MAX_TAGS})
    return names


def get_or_create_tags(names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=n) for n in names if n not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    return [existing[n] for n in names]
