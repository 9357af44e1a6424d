"""Bookmark pages: popular and mine, adding (also from the bookmarklet), editing, a page's
group, a tag, and a community's bookmarks tab."""

from __future__ import annotations

import json
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kollega import access
from kollega.bookmarks import actions, queries
from kollega.bookmarks.forms import BookmarkForm, NewBookmarkForm, PeriodForm
from kollega.bookmarks.urlnorm import clean_url, normalise_url, url_key
from kollega.content.actions import MAX_TITLE
from kollega.core.tags import normalise
from kollega.places.models import Place
from kollega.web.forms import CursorField
from kollega.web.views.common import action_errors, apply_errors, render_htmx

LIST_PARTIAL = "bookmarks/partials/bookmark_page.html"


def group_url(url: str) -> str:
    return reverse("bookmarks-url") + "?" + urlencode({"u": url})


def _cursor(request) -> str | None:
    return CursorField().clean(request.GET.get("cursor", "")) or None


def _list_or_more(request, page, template: str, context: dict):
    """A whole page, or only the next rows when htmx follows a More link."""
    context = {**context, "page": page}
    if request.htmx and request.GET.get("cursor"):
        return render_htmx(request, LIST_PARTIAL, LIST_PARTIAL, context)
    return render(request, template, context)


@action_errors
def index(request):
    form = PeriodForm(request.GET)
    period = form.cleaned_data["period"] if form.is_valid() else ""
    period = period or "30"
    page = queries.my_bookmarks(request.person, cursor=_cursor(request))
    context = {
        "popular": queries.popular(request.person, period),
        "period": period,
        "periods": form.fields["period"].choices,
        "list_url": reverse("bookmarks"),
    }
    return _list_or_more(request, page, "bookmarks/index.html", context)


def _prefill(request) -> tuple[dict, list[str]]:
    """Initial values from the query string (the bookmarklet sends url and title).

    Nothing is trusted: the address is checked as on saving, and the title is cut to fit.
    """
    initial, errors = {}, []
    url = request.GET.get("url", "")[:4000]
    if url:
        try:
            initial["url"] = clean_url(url)
        except ValidationError as exc:
            errors.extend(exc.messages)
    title = " ".join(request.GET.get("title", "").replace("\x00", "").split())
    if title:
        initial["title"] = title[:MAX_TITLE]
    place = request.GET.get("place", "")
    if place:
        initial["place"] = place[:160]
    return initial, errors


def _already(request, url: str | None):
    if not url:
        return None
    return queries.my_bookmark_of(request.person, url_key(normalise_url(url)))


@action_errors
def add(request):
    popup = request.GET.get("popup") == "1" or request.POST.get("popup") == "1"
    if request.method == "POST":
        form = NewBookmarkForm(request.POST, person=request.person)
        status, prefill_errors = 400, []
        if form.is_valid():
            data = form.cleaned_data
            try:
                place = access.place_for(request.person, data["place"]) if data["place"] else None
                item = actions.create_bookmark(request.person, **{**data, "place": place})
            except (ValidationError, Http404) as exc:
                if isinstance(exc, Http404):
                    exc = ValidationError({"place": _("Choose one of your communities.")})
                apply_errors(form, exc)
            else:
                if popup:
                    return render(request, "bookmarks/saved.html", {"item": item})
                messages.success(request, _("Your bookmark is saved."))
                return redirect(group_url(item.bookmark.url))
    else:
        initial, prefill_errors = _prefill(request)
        form = NewBookmarkForm(initial=initial, person=request.person)
        status = 400 if prefill_errors else 200
    context = {
        "form": form,
        "popup": popup,
        "prefill_errors": prefill_errors,
        "already": _already(request, form.initial.get("url")),
    }
    return render(request, "bookmarks/add.html", context, status=status)


def _editable(request, item_id: int):
    item = queries.bookmark_detail(request.person, item_id)
    if not access.can_edit(request.person, item):
        raise PermissionDenied(_("Only the author can edit this bookmark."))
    return item


@action_errors
def edit(request, item_id: int):
    item = _editable(request, item_id)
    initial = {
        "url": item.bookmark.url,
        "title": item.title,
        "description": actions.description_of(item),
        "tags": ", ".join(t.name for t in item.tags.all()),
        "private": item.private,
    }
    form = BookmarkForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.update_bookmark(request.person, item, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(group_url(item.bookmark.url))
        return render(request, "bookmarks/edit.html", {"item": item, "form": form}, status=400)
    return render(request, "bookmarks/edit.html", {"item": item, "form": form})


@action_errors
def delete(request, item_id: int):
    item = _editable(request, item_id)
    if request.method != "POST":
        return redirect("bookmarks-edit", item_id)
    actions.delete_bookmark(request.person, item)
    messages.success(request, _("The bookmark is deleted."))
    return redirect("bookmarks")


@action_errors
def url_group(request):
    url = clean_url(request.GET.get("u", "")[:4000])
    group = queries.url_group(request.person, url_key(normalise_url(url)))
    context = {"group": group, "url": url, "add_query": urlencode({"url": url})}
    return render(request, "bookmarks/url.html", context, status=200 if group else 404)


@action_errors
def by_tag(request, tag: str):
    name = normalise(tag)
    page = queries.tag_bookmarks(request.person, name, cursor=_cursor(request))
    context = {"tag": name, "list_url": reverse("bookmarks-tag", args=[name])}
    return _list_or_more(request, page, "bookmarks/tag.html", context)


def bookmarklet_href(add_url: str) -> str:
    """The javascript: address of the bookmarklet.

    The add page's address is embedded as a JSON string literal (quotes and backslashes
    escaped), and the whole script is percent-encoded because browsers percent-decode a
    javascript: address before running it. The page's own address and title are passed with
    encodeURIComponent, and the add page validates them like any other input.
    """
    script = "".join(
        (
            "(function(){var u=",
            json.dumps(add_url),
            "+'?popup=1&url='+encodeURIComponent(location.href)",
            "+'&title='+encodeURIComponent(document.title);",
            "var w=window.open(u,'kollega-bookmark','width=640,height=720');",
            "if(!w){location.href=u;}})();",
        )
    )
    return "javascript:" + quote(script, safe="(){}[];:,.=+!'*/?&|-_~")


def bookmarklet(request):
    href = bookmarklet_href(request.build_absolute_uri(reverse("bookmarks-add")))
    return render(request, "bookmarks/bookmarklet.html", {"bookmarklet_href": href})


@action_errors
def place_tab(request, slug: str):
    place = access.place_for(request.person, slug)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404("No such community.")
    can_post = access.can_post(request.person, place)
    form = BookmarkForm(request.POST or None) if can_post else None
    status = 200
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied(_("Only members can add bookmarks here. Join first."))
        if form.is_valid():
            try:
                item = actions.create_bookmark(request.person, place=place, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your bookmark is saved."))
                return redirect(group_url(item.bookmark.url))
        status = 400
    page = queries.place_bookmarks(request.person, place, cursor=_cursor(request))
    context = {
        "place": place,
        "active_tab": "bookmarks",
        "form": form,
        "list_url": reverse("bookmarks-list", args=[place.slug]),
    }
    if status != 200:
        return render(request, "bookmarks/place.html", {**context, "page": page}, status=status)
    return _list_or_more(request, page, "bookmarks/place.html", context)
