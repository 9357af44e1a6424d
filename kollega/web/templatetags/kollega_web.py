"""Small template helpers shared by Kollega's pages."""

from __future__ import annotations

import zoneinfo

from django import template
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("partials/avatar.html")
def avatar(person, size: str = "m"):
    """A person's photo, or their initials on a colour derived from the username."""
    return {"person": person, "size": size}


@register.filter
def local_time(time_zone: str):
    """The current time in a time zone (None when the zone name is unknown)."""
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None
    return timezone.localtime(timezone.now(), zone)
