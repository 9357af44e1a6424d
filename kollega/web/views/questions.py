"""Questions: the author of an entry marks it as a question; the asker accepts replies as
the answer (and can take that back)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.web.views.common import action_errors
from kollega.web.views.items import item_context


@action_errors
def mark_question(request, item_id: int):
    item = content_queries.item_detail(request.person, item_id)
    if request.method != "POST":
        return redirect(item)
    content_actions.mark_as_question(request.person, item)
    if not request.htmx:
        messages.success(request, _("Marked as a question: you can now accept an answer."))
        return redirect(item)
    item = content_queries.item_detail(request.person, item_id)
    if request.POST.get("from") == "list":
        # From a list (a board): the entry's card again, now with its "Open" badge.
        content_queries.mark_questions(request.person, [item])
        response = render(request, "partials/item.html", {"item": item})
    else:
        response = render(request, "partials/item_detail.html", item_context(request, item))
    patch_vary_headers(response, ("HX-Request",))
    return response


ANSWER_ACTIONS = {
    "accept": (content_actions.accept_answer, gettext_lazy("Accepted as the answer.")),
    "unaccept": (
        content_actions.unaccept_answer,
        gettext_lazy("No longer accepted as the answer."),
    ),
}


@action_errors
def answer(request, item_id: int, reply_id: int, action: str):
    item = content_queries.item_detail(request.person, item_id)
    if request.method != "POST" or action not in ANSWER_ACTIONS:
        return redirect(item)
    reply = content_queries.item_replies(request.person, item).filter(pk=reply_id).first()
    if reply is None:
        raise Http404("No such reply.")
    reply.item = item
    act, text = ANSWER_ACTIONS[action]
    act(request.person, reply)
    if not request.htmx:
        messages.success(request, text)
        return redirect(item.get_absolute_url() + f"#reply-{reply.pk}")
    item = content_queries.item_detail(request.person, item_id)
    response = render(request, "partials/item_detail.html", item_context(request, item))
    patch_vary_headers(response, ("HX-Request",))
    return response
