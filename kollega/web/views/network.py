"""The network: invitations, contacts, following, "do you know" suggestions, and a person's
network list as their privacy setting allows."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kollega import access
from kollega.network import actions as network_actions
from kollega.network import queries as network_queries
from kollega.network.models import Invitation
from kollega.network.suggestions import do_you_know
from kollega.web.forms import ContactSearchForm, NetworkInviteForm
from kollega.web.views.common import action_errors, apply_errors, error_response, render_htmx
from kollega.web.views.profile import person_or_404

PER_PAGE = 50
SUGGESTIONS = 8


def _next(request, default: str) -> str:
    """Where a plain form goes back to: its ``next`` field when it is an address of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def network_box_context(request, person, invite_form=None, errors=()) -> dict:
    """What the network box on a profile shows: sizes and the buttons for the viewer."""
    is_self = person.pk == request.person.pk
    return {
        "person": person,
        "is_self": is_self,
        "relation": None if is_self else network_queries.relation(request.person, person),
        "network_size": network_queries.network_size(request.person, person),
        "followers": network_queries.followers_count(person),
        "invite_form": invite_form or NetworkInviteForm(),
        "network_errors": list(errors),
    }


def _box(request, person, invite_form=None, errors=(), status=200):
    context = network_box_context(request, person, invite_form, errors)
    fragment = "partials/network_box.html"
    return render_htmx(request, fragment, fragment, context, status)


def _done(request, person, text: str, *, errors=(), status=200, invite_form=None):
    """The answer after a change made from a profile, the network page or a suggestion.

    htmx gets the piece of page that changed; a plain form gets a message and a redirect.
    """
    origin = request.POST.get("from", "profile")
    if not request.htmx:
        if status != 200:
            exc = ValidationError(list(errors))
            return error_response(request, exc, status)
        messages.success(request, text)
        default = person.get_absolute_url() if origin == "profile" else reverse("network")
        return redirect(_next(request, default))
    if origin == "profile":
        if invite_form is not None:
            # The field's errors show in the form; the rest above the buttons.
            errors = invite_form.non_field_errors()
        return _box(request, person, invite_form, errors, status)
    if status != 200:
        return error_response(request, ValidationError(list(errors)), status)
    return render(request, "partials/network_done.html", {"text": text})


def invite(request, username: str):
    person = person_or_404(username)
    if request.method != "POST":
        return redirect(person)
    form = NetworkInviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = network_actions.invite(
                request.person, person, form.cleaned_data["message"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if invitation.state == Invitation.State.ACCEPTED:
                # They had invited us already: inviting back accepts theirs.
                text = _("%(name)s is now in your network.") % {"name": person.name}
            else:
                text = _("Invitation sent to %(name)s.") % {"name": person.name}
            return _done(request, person, text)
    errors = [e for field_errors in form.errors.values() for e in field_errors]
    return _done(request, person, "", errors=errors, status=400, invite_form=form)


# What each invitation button does, who it is about (for the profile box), and what it says.
INVITATION_ACTIONS = {
    "accept": (
        network_actions.accept_invitation,
        "sender",
        gettext_lazy("%(name)s is now in your network."),
    ),
    "ignore": (
        network_actions.ignore_invitation,
        "sender",
        gettext_lazy("Invitation from %(name)s ignored."),
    ),
    "withdraw": (
        network_actions.withdraw_invitation,
        "recipient",
        gettext_lazy("Invitation to %(name)s withdrawn."),
    ),
}


def answer_invitation(request, invitation_id: int, action: str):
    invitation = get_object_or_404(
        Invitation.objects.select_related("sender", "recipient"), pk=invitation_id
    )
    if request.method != "POST" or action not in INVITATION_ACTIONS:
        return redirect("network")
    act, side, text = INVITATION_ACTIONS[action]
    other = getattr(invitation, side)
    try:
        act(request.person, invitation)
    except ValidationError as exc:
        return _done(request, other, "", errors=exc.messages, status=400)
    except PermissionDenied as exc:
        return _done(request, other, "", errors=[str(exc)], status=403)
    return _done(request, other, text % {"name": other.name})


# Buttons on a profile that need no invitation: (action, message).
PERSON_ACTIONS = {
    "disconnect": (
        network_actions.remove_contact,
        gettext_lazy("%(name)s is no longer in your network."),
    ),
    "follow": (network_actions.follow_person, gettext_lazy("You follow %(name)s.")),
    "unfollow": (network_actions.unfollow_person, gettext_lazy("You no longer follow %(name)s.")),
}


def person_action(request, username: str, action: str):
    person = person_or_404(username)
    if request.method != "POST" or action not in PERSON_ACTIONS:
        return redirect(person)
    act, text = PERSON_ACTIONS[action]
    try:
        act(request.person, person)
    except ValidationError as exc:
        return _done(request, person, "", errors=exc.messages, status=400)
    return _done(request, person, text % {"name": person.name})


@action_errors
def dismiss(request, username: str):
    person = person_or_404(username)
    if request.method != "POST":
        return redirect("network")
    network_actions.dismiss_suggestion(request.person, person)
    if request.htmx:
        # The suggestion's own element is the target: an empty answer removes it.
        return HttpResponse("")
    messages.success(request, _("%(name)s will not be suggested again.") % {"name": person.name})
    return redirect("network")


def _contacts_page(request, person, form):
    data = form.cleaned_data
    contacts = network_queries.contacts(request.person, person, q=data["q"])
    return Paginator(contacts, PER_PAGE).get_page(data["page"] or 1)


def my_network(request):
    me = request.person
    form = ContactSearchForm(request.GET)
    valid = form.is_valid()
    context = {
        "person": me,
        "form": form,
        "contacts": _contacts_page(request, me, form) if valid else None,
        "hidden": False,
    }
    status = 200 if valid else 400
    if request.htmx:
        fragment = "partials/contact_results.html"
        return render_htmx(request, "network.html", fragment, context, status)
    context.update(
        {
            "received": network_queries.pending_received(me),
            "sent": network_queries.pending_sent(me),
            "suggestions": do_you_know(me, limit=SUGGESTIONS),
        }
    )
    return render(request, "network.html", context, status=status)


@action_errors
def person_network(request, username: str):
    person = person_or_404(username)
    if person.pk == request.person.pk:
        return redirect("network")
    form = ContactSearchForm(request.GET)
    valid = form.is_valid()
    hidden = not access.can_see_network(request.person, person)
    context = {
        "person": person,
        "form": form,
        "hidden": hidden,
        "contacts": _contacts_page(request, person, form) if valid and not hidden else None,
    }
    fragment = "partials/contact_results.html"
    return render_htmx(request, "person_network.html", fragment, context, 200 if valid else 400)
