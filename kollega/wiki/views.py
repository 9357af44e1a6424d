"""The wiki's pages: the tree and front page, page views, editing, moving, history, diffs.

Thin: every read is a kollega.wiki.queries call (which starts from kollega.access), every
write a kollega.wiki.actions call. A wiki the viewer may not see is 404 on every page.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kollega import access
from kollega.web.views.common import action_errors, apply_errors
from kollega.wiki import actions, queries, tree
from kollega.wiki.forms import EditForm, MoveForm, NewPageForm, number_param

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
NO_EDIT = gettext_lazy("Only members of the community can edit its wiki.")


def _page_url(page) -> str:
    return reverse("wiki-page", args=[page.place.slug, page.slug])


def _render(request, template: str, place, context: dict, status: int = 200):
    context = {"place": place, "active_tab": "wiki", **context}
    return render(request, f"wiki/{template}", context, status=status)


@action_errors
def wiki_home(request, slug: str):
    place = queries.wiki_place(request.person, slug)
    nav, view = queries.front_page_view(request.person, place)
    can_post = access.can_post(request.person, place)
    context = {"outline": nav, "view": view, "can_post": can_post}
    if view is not None:
        context["current_pk"] = view.page.pk
    if view is None and can_post:
        context["form"] = NewPageForm()
    return _render(request, "home.html", place, context)


@action_errors
def page_new(request, slug: str):
    person = request.person
    place = queries.wiki_place(person, slug)
    if not access.can_post(person, place):
        raise PermissionDenied(NO_EDIT)
    data = request.POST if request.method == "POST" else None
    form = NewPageForm(data, initial={"parent": request.GET.get("parent", "")[:200]})
    parent_slug = (form["parent"].value() or "").strip()
    parent = None
    if parent_slug:
        # Only a slug can name a page; anything else (a NUL byte, say) must not reach the
        # database, where PostgreSQL would refuse it with an error instead of a miss.
        if not SLUG.fullmatch(parent_slug):
            raise Http404(_("This wiki has no such page."))
        parent = queries.page_for(person, place, parent_slug)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in ("title", "body", "tags")}
        try:
            page = actions.create_page(person, place, parent=parent, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The page is created."))
            return redirect(_page_url(page))
    status = 400 if request.method == "POST" else 200
    crumbs = []
    if parent is not None:
        crumbs = [tree.Node(parent.pk, parent.parent_id, parent.slug, parent.item.title)]
    context = {"form": form, "parent": parent, "parent_crumbs": crumbs}
    return _render(request, "new.html", place, context, status)


@action_errors
def page_detail(request, slug: str, page_slug: str):
    place = queries.wiki_place(request.person, slug)
    view = queries.page_view(request.person, place, page_slug)
    context = {"view": view, "outline": view.outline, "current_pk": view.page.pk}
    return _render(request, "page.html", place, context)


@action_errors
def page_edit(request, slug: str, page_slug: str):
    person = request.person
    place = queries.wiki_place(person, slug)
    page = queries.page_for(person, place, page_slug)
    if not actions.can_edit_page(person, page):
        raise PermissionDenied(NO_EDIT)
    item = page.item
    initial = {
        "title": item.title,
        "body": item.body,
        "tags": ", ".join(t.name for t in item.tags.all()),
        "base_revision": page.revision_number,
    }
    form = EditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                revision = actions.edit_page(person, page, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if revision is None:
                    messages.info(request, _("Nothing changed in the text; no new revision."))
                else:
                    messages.success(request, _("Your changes are saved."))
                return redirect(_page_url(page))
        return _render(request, "edit.html", place, {"page": page, "form": form}, 400)
    return _render(request, "edit.html", place, {"page": page, "form": form})


def _move_choices(nav, page) -> list[tuple[str, str]]:
    """Every page it may go under, indented as in the tree; not itself nor its subpages."""
    choices: list[tuple[str, str]] = []

    def walk(nodes, depth):
        for node in nodes:
            if node.pk == page.pk:
                continue
            choices.append((node.slug, "\u2003" * depth + node.title))
            walk(node.children, depth + 1)

    walk(nav.roots, 0)
    return choices


@action_errors
def page_move(request, slug: str, page_slug: str):
    person = request.person
    place = queries.wiki_place(person, slug)
    page = queries.page_for(person, place, page_slug)
    if not actions.can_edit_page(person, page):
        raise PermissionDenied(NO_EDIT)
    nav = queries.outline(person, place)
    current = nav.by_id.get(page.parent_id)
    form = MoveForm(
        request.POST if request.method == "POST" else None,
        choices=_move_choices(nav, page),
        initial={"parent": current.slug if current else ""},
    )
    if request.method == "POST":
        if form.is_valid():
            target = form.cleaned_data["parent"]
            parent = queries.page_for(person, place, target) if target else None
            position = form.cleaned_data["position"]
            try:
                actions.move_page(person, page, parent, None if position is None else position - 1)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The page is moved."))
                return redirect(_page_url(page))
        return _render(request, "move.html", place, {"page": page, "form": form}, 400)
    return _render(request, "move.html", place, {"page": page, "form": form})


@action_errors
def page_history(request, slug: str, page_slug: str):
    place = queries.wiki_place(request.person, slug)
    before = number_param(request.GET, "before", required=False)
    history = queries.history(request.person, place, page_slug, before=before)
    can_edit = actions.can_edit_page(request.person, history.page)
    context = {"page": history.page, "history": history, "can_edit": can_edit}
    return _render(request, "history.html", place, context)


@action_errors
def page_diff(request, slug: str, page_slug: str):
    place = queries.wiki_place(request.person, slug)
    old = number_param(request.GET, "from")
    new = number_param(request.GET, "to")
    result = queries.diff(request.person, place, page_slug, old, new)
    return _render(request, "diff.html", place, {"page": result.page, "diff": result})


@action_errors
def revision_detail(request, slug: str, page_slug: str, number: int):
    place = queries.wiki_place(request.person, slug)
    page, revision = queries.revision(request.person, place, page_slug, number)
    can_edit = actions.can_edit_page(request.person, page)
    context = {"page": page, "revision": revision, "can_edit": can_edit}
    return _render(request, "revision.html", place, context)


@action_errors
def revision_restore(request, slug: str, page_slug: str, number: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    place = queries.wiki_place(request.person, slug)
    page = queries.page_for(request.person, place, page_slug)
    actions.restore_revision(request.person, page, number)
    messages.success(request, _("Revision %(n)d is restored.") % {"n": number})
    return redirect(_page_url(page))
