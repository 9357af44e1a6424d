"""Blogs: a community's Blog tab, and a person's own blog (entries on their board)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.content.models import Item
from kollega.web import communities
from kollega.web.forms import BlogEntryForm, CursorField
from kollega.web.views.common import action_errors, apply_errors, render_htmx
from kollega.web.views.forum import community_context
from kollega.web.views.profile import person_or_404

ROWS = "places/blog_rows.html"


def _post_entry(request, place, form):
    """Write a blog entry in ``place``; the entry on success, else None (errors on the form)."""
    if not form.is_valid():
        return None
    try:
        return content_actions.create_item(
            request.person, place, kind=Item.Kind.BLOG, **form.cleaned_data
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None


def _entries(request, place, list_url):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    return {
        "page": communities.blog_page(request.person, place, cursor=cursor),
        "list_url": list_url,
    }


@action_errors
def place_blog(request, slug: str):
    place = communities.community_for(request.person, slug)
    list_url = reverse("place-blog", args=[place.slug])
    form = BlogEntryForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not access.can_post(request.person, place):
            raise PermissionDenied(_("Only members can write in %(p)s's blog.") % {"p": place.name})
        entry = _post_entry(request, place, form)
        if entry is not None:
            messages.success(request, _("Your blog entry is published."))
            return redirect(entry)
        status = 400
    context = _entries(request, place, list_url)
    if request.htmx and request.GET.get("cursor"):
        return render_htmx(request, ROWS, ROWS, context)
    context.update(community_context(request, place, "blog"))
    context["form"] = form
    return render(request, "places/blog.html", context, status=status)


@action_errors
def person_blog(request, username: str):
    """A person's blog: the blog entries in their own space (their board)."""
    person = person_or_404(username)
    board = person.board
    list_url = reverse("person-blog", args=[person.username])
    is_self = person.pk == request.person.pk
    form = BlogEntryForm(request.POST or None) if is_self else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only %(name)s writes in this blog.") % {"name": person.name})
        entry = _post_entry(request, board, form)
        if entry is not None:
            messages.success(request, _("Your blog entry is published."))
            return redirect(entry)
        status = 400
    context = _entries(request, board, list_url)
    if request.htmx and request.GET.get("cursor"):
        return render_htmx(request, ROWS, ROWS, context)
    context.update({"person": person, "form": form, "is_self": is_self})
    return render(request, "places/person_blog.html", context, status=status)
