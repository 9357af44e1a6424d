"""Moderation pages: reporting an item, the review queue, removed items, and one's own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kollega import access
from kollega.moderation import actions, queries
from kollega.moderation.forms import DecisionForm, ReportForm
from kollega.web.forms import CursorField
from kollega.web.views.common import action_errors, apply_errors, render_htmx


@action_errors
def report(request, item_id: int):
    item = access.item_for(request.person, item_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.report_item(request.person, item, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Thank you. A moderator will look at it and decide."))
                return redirect(item)
        return render(request, "moderation/report.html", {"item": item, "form": form}, status=400)
    return render(request, "moderation/report.html", {"item": item, "form": form})


@action_errors
def queue(request):
    if not queries.is_reviewer(request.person):
        raise PermissionDenied(
            _("Only community owners and administrators review reported content.")
        )
    context = {
        "entries": queries.review_queue(request.person),
        "is_staff": queries.is_staff(request.person),
        "decision_form": DecisionForm(),
    }
    return render(request, "moderation/queue.html", context)


DECISIONS = {"remove": actions.remove_item, "dismiss": actions.dismiss_reports}


@require_POST
@action_errors
def decide(request, item_id: int, decision: str):
    if decision not in DECISIONS:
        raise ValidationError(_("Decide to remove the item or to dismiss its reports."))
    item = queries.item_to_decide(request.person, item_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form.errors["note"])
    DECISIONS[decision](request.person, item, note=form.cleaned_data["note"])
    if decision == "remove":
        done = _("Removed “%(title)s”.") % {"title": item.display_title}
    else:
        done = _("Dismissed the reports about “%(title)s”.") % {"title": item.display_title}
    if request.htmx:
        fragment = "moderation/partials/decided.html"
        return render_htmx(request, fragment, fragment, {"item": item, "done": done})
    messages.success(request, done)
    return redirect("moderation-queue")


@action_errors
def removed(request):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    page = queries.removed_items(request.person, cursor=cursor)
    return render_htmx(
        request, "moderation/removed.html", "moderation/partials/removed_page.html", {"page": page}
    )


@require_POST
@action_errors
def restore(request, item_id: int):
    item = queries.removed_item(request.person, item_id)
    actions.restore_item(request.person, item)
    done = _("Restored “%(title)s”.") % {"title": item.display_title}
    if request.htmx:
        fragment = "moderation/partials/decided.html"
        return render_htmx(request, fragment, fragment, {"item": item, "done": done})
    messages.success(request, done)
    return redirect("moderation-removed")


def mine(request):
    context = {
        "removed": queries.my_removed_items(request.person),
        "reports": queries.my_reports(request.person),
    }
    return render(request, "moderation/mine.html", context)
