"""Template helpers for community pages."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.inclusion_tag("places/picture.html")
def community_picture(place, size: str = "m"):
    """A community's picture, or its initials on a colour derived from its address."""
    words = [w for w in place.name.split() if w[:1].isalnum()]
    initials = "".join(w[0] for w in words[:2]).upper() or "?"
    hue = int(hashlib.sha256(place.slug.encode()).hexdigest()[:4], 16) % 360
    return {"place": place, "size": size, "initials": initials, "hue": hue}


@register.filter
def duration(delta):
    """A time span in words, at most two units: '4 hours, 10 minutes'; '1 minute' at least."""
    if delta is None:
        return ""
    if delta.total_seconds() < 60:
        return timesince(timezone.now() - timedelta(minutes=1), timezone.now())
    now = timezone.now()
    return timesince(now - delta, now, depth=2)
