"""Home: post a status update on your own board and read the latest visible items."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.content.models import Item
from kollega.web.forms import FeedFilterForm, StatusForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx


def _feed_context(request, form):
    filters = FeedFilterForm(request.GET)
    if not filters.is_valid():
        return filters, None
    data = filters.cleaned_data
    page = content_queries.latest_items(
        request.person, cursor=data["cursor"] or None, kind=data["kind"], tag=data["tag"]
    )
    content_queries.mark_questions(request.person, page.items)
    return filters, page


@action_errors
def home(request):
    form = StatusForm()
    status = 200
    if request.method == "POST":
        form = StatusForm(request.POST)
        if form.is_valid():
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
            else:
                if not request.htmx:
                    messages.success(request, _("Your update is posted."))
                    return redirect("home")
                form = StatusForm()
        if form.errors:
            status = 400
    filters, page = _feed_context(request, form)
    if page is None:
        status = 400
    context = {"form": form, "filters": filters, "page": page}
    # A "More" click asks for the next page only; a composer post asks for the whole feed.
    partial = "partials/item_page.html" if request.GET.get("cursor") else "partials/home_feed.html"
    return render_htmx(request, "home.html", partial, context, status=status)
