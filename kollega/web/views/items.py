"""One item: its text, replies, likes and saves, and editing by its author."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.content.actions import OWN_EDITORS
from kollega.web.forms import ItemEditForm, ReplyForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx


def item_context(request, item) -> dict:
    """The item with its question state and timings, and its replies."""
    content_queries.mark_questions(request.person, [item])
    question = content_queries.item_question(item) if item.question_state else None
    return {
        "item": item,
        "question": question,
        # The asker accepts answers; never their own reply (the action refuses that too).
        "is_asker": question is not None and item.author_id == request.person.pk,
        "replies": content_queries.item_replies(request.person, item),
        # Wiki pages, bookmarks and news are edited on their own page (a link goes there).
        "can_edit": item.kind not in OWN_EDITORS and access.can_edit(request.person, item),
        "own_page": item.detail_url if item.detail_url != item.get_absolute_url() else "",
    }


def _item_page(request, item, reply_form=None, status=200):
    context = item_context(request, item)
    context["reply_form"] = reply_form or ReplyForm()
    return render(request, "item.html", context, status=status)


def item_detail(request, item_id: int):
    return _item_page(request, content_queries.item_detail(request.person, item_id))


@action_errors
def reply(request, item_id: int):
    item = content_queries.item_detail(request.person, item_id)
    if request.method != "POST":
        return redirect(item)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            content_actions.reply_to_item(request.person, item, form.cleaned_data["body"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(item.get_absolute_url() + "#replies")
    return _item_page(request, item, reply_form=form, status=400)


# Which action each toggle button calls; the button says what it will do. The URL accepts
# only these names (kollega/web/urls.py), so other item addresses stay free.
TOGGLES = {
    "like": content_actions.like_item,
    "unlike": content_actions.unlike_item,
    "save": content_actions.save_item,
    "unsave": content_actions.unsave_item,
}


@action_errors
def toggle(request, item_id: int, action: str):
    item = content_queries.item_detail(request.person, item_id)
    if request.method != "POST":
        return redirect(item)
    TOGGLES[action](request.person, item)
    if not request.htmx:
        return redirect(item)
    item = content_queries.item_detail(request.person, item_id)
    fragment = "partials/item_actions.html"
    return render_htmx(request, fragment, fragment, {"item": item})


@action_errors
def edit_item(request, item_id: int):
    item = content_queries.item_detail(request.person, item_id)
    if not access.can_edit(request.person, item):
        raise PermissionDenied(_("Only the author can edit this."))
    if item.kind in OWN_EDITORS:
        # update_item refuses these too; saying so before the form is read avoids a form
        # that can only fail. A link goes to the page where they are edited.
        if request.method != "POST":
            messages.info(request, OWN_EDITORS[item.kind])
            return redirect(item.detail_url)
        raise ValidationError(OWN_EDITORS[item.kind])
    tags = ", ".join(t.name for t in item.tags.all())
    form = ItemEditForm(
        request.POST or None, initial={"title": item.title, "body": item.body, "tags": tags}
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                content_actions.update_item(request.person, item, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(item)
        return render(request, "item_edit.html", {"item": item, "form": form}, status=400)
    return render(request, "item_edit.html", {"item": item, "form": form})
