"""Home: the activity stream in its views (tabs), the status composer, and what waits for
the viewer's decision ("Action required").

One address serves the page and its pieces; which piece an htmx request gets depends on what
it asks for: ``cursor`` (the "More" button) → the next page of entries, ``since`` (a live
update arrived) → the "N new posts" announcement, any other GET → the stream section, a
composer post → the composer and the stream.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.content.models import Item, ItemTag
from kollega.stream import queries as stream_queries
from kollega.stream.action_required import action_required
from kollega.web.forms import STREAM_TABS, StatusForm, StreamFilterForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx

ACTION = "action"
PAGE_SIZE = stream_queries.PAGE_SIZE
# "99+ new posts" is as precise as an announcement needs to be.
NEW_CAP = 99


def _stream_context(request, filters: StreamFilterForm) -> dict:
    data = filters.cleaned_data
    view = data.get("view", "following")
    context = {
        "filters": filters,
        "view": view,
        "tabs": STREAM_TABS,
        "list_url": reverse("home"),
        # The moment this page was shown: live updates count what is new since then.
        "since": timezone.now().isoformat(),
    }
    if filters.errors:
        return context  # the errors show above the stream, answered as a 400
    if view == ACTION:
        context["actions"] = action_required(request.person)
        return context
    page = stream_queries.stream(
        request.person,
        view,
        cursor=data["cursor"] or None,
        kind=data["kind"],
        tag=data["tag"],
        limit=PAGE_SIZE,
    )
    content_queries.mark_questions(request.person, page.items)
    context["page"] = page
    return context


def _new_since(request, filters: StreamFilterForm) -> dict:
    """How many entries of this view (with its filters) have had activity since ``since``.

    The same view queryset as the stream itself (so access, removal and the view's sources
    apply), narrowed like ``stream_queries.stream`` narrows by kind and tag; one count query.
    """
    data = filters.cleaned_data
    qs = stream_queries.view_queryset(request.person, data["view"], since=data["since"])
    if data["kind"]:
        qs = qs.filter(kind=data["kind"])
    if data["tag"]:
        qs = qs.filter(pk__in=ItemTag.objects.filter(tag__name=data["tag"]).values("item_id"))
    count = qs.order_by()[: NEW_CAP + 1].count()
    query = {k: data[k] for k in ("view", "kind", "tag") if data[k]}
    return {"new_count": min(count, NEW_CAP), "more_than": count > NEW_CAP,
            "stream_url": reverse("home") + ("?" + urlencode(query) if query else "")}  # fmt: skip


def _post_status(request, form: StatusForm) -> bool:
    if not form.is_valid():
        return False
    try:
        content_actions.create_item(
            request.person,
            request.person.board,
            kind=Item.Kind.STATUS,
            body=form.cleaned_data["body"],
            tags=form.cleaned_data["tags"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


@action_errors
def home(request):
    filters = StreamFilterForm(request.GET)
    valid = filters.is_valid()
    data = filters.cleaned_data
    if (
        valid
        and request.method == "GET"
        and request.htmx
        and data["since"]
        and data["view"] != ACTION
    ):
        fragment = "partials/stream_news.html"
        return render_htmx(request, fragment, fragment, _new_since(request, filters))
    form, status = StatusForm(), 200
    if request.method == "POST":
        form = StatusForm(request.POST)
        if _post_status(request, form):
            if not request.htmx:
                messages.success(request, _("Your update is posted."))
                return redirect(request.get_full_path())
            form = StatusForm()
        else:
            status = 400
    context = {"form": form, **_stream_context(request, filters)}
    if not valid:
        status = 400
    if request.method == "POST":
        partial = "partials/home_feed.html"
    elif data.get("cursor"):
        partial = "partials/stream_page.html"
    else:
        partial = "partials/stream.html"
    return render_htmx(request, "home.html", partial, context, status=status)
