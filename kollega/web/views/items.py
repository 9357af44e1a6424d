"""One item: its text, replies, likes and saves, and editing by its author."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
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
        "can_edit": access.can_edit(request.person, item),
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


# Which action each toggle button calls; the button says what it will do.
TOGGLES = {
    "like": content_actions.like_item,
    "unlike": content_actions.unlike_item,
    "save": content_actions.save_item,
    "unsave": content_actions.unsave_item,
}


@action_errors
def toggle(request, item_id: int, action: str):
    item = content_queries.item_detail(request.person, item_id)
    if request.method != "POST" or action not in TOGGLES:
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
