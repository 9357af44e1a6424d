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


@register.simple_tag(takes_context=True)
def pending_invitations(context) -> int:
    """How many network invitations wait for the signed-in person (one count query)."""
    request = context.get("request")
    person = getattr(request, "person", None)
    if person is None:
        return 0
    from kollega.network.queries import pending_received

    return pending_received(person).count()


@register.filter
def took(end, start):
    """How long from ``start`` to ``end``, humanised: "4 hours, 10 minutes"."""
    if end is None or start is None:
        return ""
    if (end - start).total_seconds() < 60:
        return _("less than a minute")
    return timesince(start, end, depth=2)
