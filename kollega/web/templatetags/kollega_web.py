"""Small template helpers shared by Kollega's pages."""

from __future__ import annotations

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

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


@register.filter
def ago(moment):
    """'just now' for the last minute, else '3 hours ago' (Django's timesince)."""
    if moment is None:
        return ""
    if (timezone.now() - moment).total_seconds() < 60:
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(moment, depth=1)}
