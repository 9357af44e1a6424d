"""A tag's page: the items that carry it and the people tagged with it."""

from __future__ import annotations

from django.shortcuts import redirect, render

from kollega.content import queries as content_queries
from kollega.core.tags import normalise
from kollega.people import queries as people_queries
from kollega.web.forms import CursorField
from kollega.web.views.common import action_errors, render_htmx

PEOPLE_SHOWN = 50


@action_errors
def tag_page(request, name: str):
    tag = normalise(name)
    if tag != name:
        # One address per tag: /tags/Machine%20Learning/ -> /tags/machine-learning/.
        return redirect("tag", name=tag)
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    page = content_queries.latest_items(request.person, cursor=cursor, tag=tag)
    fragment = "partials/item_page.html"
    if request.htmx and cursor:
        return render_htmx(request, fragment, fragment, {"page": page})
    people = people_queries.directory(tag=tag)[:PEOPLE_SHOWN]
    return render(request, "tag.html", {"tag": tag, "page": page, "people": people})
