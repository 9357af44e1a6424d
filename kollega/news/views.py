"""News pages: the list, an article, writing and editing, and (for staff) the editors."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kollega import access
from kollega.news import actions, queries
from kollega.news.forms import EditorForm, NewsForm
from kollega.people.queries import people
from kollega.web.forms import CursorField
from kollega.web.views.common import action_errors, apply_errors, render_htmx


@action_errors
def news_list(request):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    # Featured articles sit on top of the first page; the list below skips them.
    featured = [] if cursor else queries.featured_for(request.person)
    page = queries.news_page(request.person, cursor=cursor, exclude=[i.pk for i in featured])
    context = {
        "featured": featured,
        "page": page,
        "is_editor": queries.is_editor(request.person),
    }
    return render_htmx(request, "news/list.html", "news/partials/page.html", context)


@action_errors
def news_new(request):
    if not queries.is_editor(request.person):
        raise PermissionDenied(_("Only the organisation's news editors can publish news."))
    form = NewsForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                item = actions.create_news(request.person, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The article is published."))
                return redirect("news-detail", item_id=item.pk)
        return render(request, "news/form.html", {"form": form}, status=400)
    return render(request, "news/form.html", {"form": form})


@action_errors
def news_detail(request, item_id: int):
    item = queries.news_for(request.person, item_id)
    context = {
        "item": item,
        "detail": queries.detail_of(item),
        "featured": queries.is_featured(item),
        "can_edit": queries.is_editor(request.person) and access.can_edit(request.person, item),
    }
    return render(request, "news/detail.html", context)


@action_errors
def news_edit(request, item_id: int):
    item = queries.news_for(request.person, item_id)
    if not queries.is_editor(request.person):
        raise PermissionDenied(_("Only the organisation's news editors can edit news articles."))
    detail = queries.detail_of(item)
    form = NewsForm(request.POST or None, initial=NewsForm.initial_for(item, detail))
    context = {"form": form, "item": item}
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.update_news(request.person, item, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("news-detail", item_id=item.pk)
        return render(request, "news/form.html", context, status=400)
    return render(request, "news/form.html", context)


def _require_staff(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied(_("Only administrators can choose who edits the news."))


def _editors_page(request, form=None, status=200):
    context = {
        "editors": list(queries.editor_memberships().order_by("person__name")),
        "form": form or EditorForm(),
    }
    return render(request, "news/editors.html", context, status=status)


@action_errors
def editors(request):
    _require_staff(request)
    if request.method != "POST":
        return _editors_page(request)
    form = EditorForm(request.POST)
    if form.is_valid():
        person = people().filter(username=form.cleaned_data["username"].strip()).first()
        if person is None:
            form.add_error("username", _("No one has this username."))
        else:
            try:
                actions.grant_editor(request.person, person)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("%(n)s can now publish news.") % {"n": person.name})
                return redirect("news-editors")
    return _editors_page(request, form, status=400)


@require_POST
@action_errors
def revoke(request, username: str):
    _require_staff(request)
    person = people().filter(username=username).first()
    if person is None:
        raise ValidationError(_("No one has this username."))
    actions.revoke_editor(request.person, person)
    messages.success(request, _("%(n)s no longer publishes news.") % {"n": person.name})
    return redirect("news-editors")
