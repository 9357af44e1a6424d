"""Pages about notifications: the list, marking read, email settings, unsubscribing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kollega.notifications import actions, queries
from kollega.notifications.emails import read_unsubscribe_token
from kollega.notifications.models import EmailPreference
from kollega.notifications.preferences import KINDS, frequencies
from kollega.people.models import Person
from kollega.web.views.common import action_errors, render_htmx


def notification_list(request):
    unread_only = request.GET.get("show") == "unread"
    groups = queries.grouped(request.person, unread_only=unread_only, limit=50)
    return render_htmx(
        request,
        "notifications/list.html",
        "notifications/_groups.html",
        {"groups": groups, "unread_only": unread_only},
    )


def unread_badge(request):
    return render(request, "notifications/_badge.html",
                  {"unread": queries.unread_count(request.person)})  # fmt: skip


@require_POST
def mark_read(request):
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit() and len(i) < 19]
    if request.POST.get("all"):
        actions.mark_all_read(request.person)
    elif ids:
        actions.mark_read(request.person, ids)
    if request.htmx:
        return notification_list(request)
    return redirect("notifications")


@action_errors
def email_settings(request):
    person = request.person
    if request.method == "POST":
        for kind in KINDS:
            for scope in EmailPreference.Scope.values:
                value = request.POST.get(f"{kind}:{scope}")
                if value is not None:
                    actions.set_email_preference(person, kind, scope, value)
        return redirect("notification-settings")
    prefs = frequencies(person.pk)
    rows = []
    for kind, (label, reasons) in KINDS.items():
        scopes = sorted(set(reasons.values()))
        choices = [(scope, prefs.get((kind, scope), "none")) for scope in scopes]
        rows.append({"kind": kind, "label": label, "choices": choices})
    return render(request, "notifications/settings.html", {
        "rows": rows, "frequencies": EmailPreference.Frequency.choices,
        "scopes": dict(EmailPreference.Scope.choices),
    })  # fmt: skip


@login_not_required
def unsubscribe(request, token: str):
    """One click from an email turns that kind of email off (GET or RFC 8058 POST)."""
    data = read_unsubscribe_token(token)
    person = Person.objects.filter(pk=data["p"]).first() if data else None
    if person is None or data["k"] not in KINDS:
        return HttpResponseBadRequest(_("This unsubscribe link is not valid."))
    actions.set_email_preference(person, data["k"], data["s"], EmailPreference.Frequency.NONE)
    label = KINDS[data["k"]][0]
    return render(request, "notifications/unsubscribed.html", {"label": label})
