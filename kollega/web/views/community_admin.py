"""Running a community: its members and their roles, invitations, join requests and settings.

Everyone who may see a community sees its members; the actions decide who may change
anything (owners and staff), so a refused change answers 403 with the action's message and
a broken rule (the last owner) 400 — in both cases nothing changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kollega.people import queries as people_queries
from kollega.places import actions as place_actions
from kollega.places import queries as place_queries
from kollega.places.models import JoinRequest, Membership
from kollega.web import communities
from kollega.web.forms import CommunitySettingsForm, InviteForm, MemberSearchForm, RoleForm
from kollega.web.views.common import action_errors, apply_errors, messages_of, render_htmx
from kollega.web.views.forum import community_context

PER_PAGE = 50


def _members_context(request, place, invite_form=None, errors=()):
    context = community_context(request, place, "")
    search = MemberSearchForm(request.GET)
    data = search.cleaned_data if search.is_valid() else {"q": "", "page": 1}
    page = Paginator(communities.members(place, data["q"]), PER_PAGE).get_page(data["page"] or 1)
    context.update(
        {
            "search": search,
            "page": page,
            "errors": list(errors),
            "invite_form": invite_form or InviteForm(),
            "requests": list(place_queries.pending_requests(place))
            if context["me"].is_owner
            else [],
            "sent_invitations": list(communities.sent_invitations(place))
            if context["me"].is_owner
            else [],
            "members_url": reverse("place-members", args=[place.slug]),
        }
    )
    return context


def _members_response(request, place, invite_form=None, errors=(), status=200):
    context = _members_context(request, place, invite_form, errors)
    return render_htmx(request, "places/members.html", "places/members_panel.html", context, status)


@action_errors
def members(request, slug: str):
    place = communities.community_for(request.person, slug)
    return _members_response(request, place)


def _change(request, place, change, done: str):
    """Run an owner's change; answer with the members panel (htmx) or the members page."""
    if request.method != "POST":
        return redirect("place-members", place.slug)
    try:
        change()
    except ValidationError as exc:
        return _members_response(request, place, errors=messages_of(exc), status=400)
    except PermissionDenied as exc:
        return _members_response(request, place, errors=messages_of(exc), status=403)
    if not request.htmx:
        messages.success(request, done)
        return redirect("place-members", place.slug)
    return _members_response(request, place)


def _member(place, username: str):
    return get_object_or_404(people_queries.people(), username=username)


@action_errors
def set_role(request, slug: str, username: str):
    place = communities.community_for(request.person, slug)
    person = _member(place, username)
    form = RoleForm(request.POST)
    if request.method == "POST" and not form.is_valid():
        return _members_response(request, place, errors=[_("Choose owner or member.")], status=400)
    role = form.cleaned_data.get("role") if form.is_valid() else None

    def change():
        place_actions.set_role(request.person, place, person, role)

    label = Membership.Role(role).label if role else ""
    done = _("%(name)s is now %(role)s.") % {"name": person.name, "role": str(label).lower()}
    return _change(request, place, change, done)


@action_errors
def remove(request, slug: str, username: str):
    place = communities.community_for(request.person, slug)
    person = _member(place, username)

    def change():
        place_actions.remove_member(request.person, place, person)

    return _change(request, place, change, _("%(name)s was removed.") % {"name": person.name})


SUGGESTIONS = 10


@action_errors
def invite_suggestions(request, slug: str):
    """<option>s for the invite field: people whose name starts with what was typed and who
    are not members yet."""
    place = communities.community_for(request.person, slug)
    q = request.GET.get("username", "")[:100]
    people = []
    if q.strip():
        people = people_queries.directory(q=q).exclude(memberships__place=place)[:SUGGESTIONS]
    return render(request, "partials/person_options.html", {"people": people})


@action_errors
def invite(request, slug: str):
    place = communities.community_for(request.person, slug)
    if request.method != "POST":
        return redirect("place-members", place.slug)
    form = InviteForm(request.POST)
    if form.is_valid():
        person = form.cleaned_data["username"]
        try:
            place_actions.invite_to_community(
                request.person, place, person, form.cleaned_data["message"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            return _members_response(request, place, errors=messages_of(exc), status=403)
        else:
            done = _("%(name)s is invited.") % {"name": person.name}
            if not request.htmx:
                messages.success(request, done)
                return redirect("place-members", place.slug)
            return _members_response(request, place, errors=())
    return _members_response(request, place, invite_form=form, status=400)


def _join_request(place, request_id: int, *, invitation: bool) -> JoinRequest:
    found = place.join_requests.filter(pk=request_id, invited_by__isnull=not invitation).first()
    if found is None:
        raise Http404("No such request.")
    return found


@action_errors
def decide(request, slug: str, request_id: int):
    """An owner approves or declines a request to join."""
    place = communities.community_for(request.person, slug)
    join_request = _join_request(place, request_id, invitation=False)
    approve = request.POST.get("decision") == "approve"

    def change():
        place_actions.decide_request(request.person, join_request, approve=approve)

    name = join_request.person.name
    done = _("%(name)s is now a member.") if approve else _("You declined %(name)s's request.")
    next_page = request.POST.get("next")
    response = _change(request, place, change, done % {"name": name})
    if next_page == "requests" and response.status_code == 302:
        return redirect("place-requests")
    return response


@action_errors
def withdraw_invitation(request, slug: str, request_id: int):
    place = communities.community_for(request.person, slug)
    invitation = _join_request(place, request_id, invitation=True)

    def change():
        place_actions.withdraw_request(request.person, invitation)

    done = _("The invitation to %(name)s is withdrawn.") % {"name": invitation.person.name}
    return _change(request, place, change, done)


@action_errors
def community_settings(request, slug: str):
    place = communities.community_for(request.person, slug)
    context = community_context(request, place, "")
    if not context["me"].is_owner:
        raise PermissionDenied(_("Only an owner of %(p)s can do that.") % {"p": place.name})
    initial = {
        "name": place.name,
        "description": place.description,
        "access": place.access,
        "tags": ", ".join(t.name for t in place.tags.all()),
        "idea_vote_cap": place.idea_vote_cap,
    }
    form = CommunitySettingsForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            picture = data.pop("picture", None)
            try:
                # All or nothing: an unreadable picture keeps the old settings too.
                with transaction.atomic():
                    place_actions.update_community(request.person, place, **data)
                    if picture:
                        place_actions.set_picture(request.person, place, picture)
            except ValidationError as exc:
                if not hasattr(exc, "error_dict") and picture:
                    exc = ValidationError({"picture": exc.messages})
                apply_errors(form, exc)
            else:
                messages.success(request, _("The settings are saved."))
                return redirect("place-settings", place.slug)
        # A failed save may have changed the object in memory; show the stored one.
        place.refresh_from_db()
        context["place"] = place
        context["form"] = form
        return render(request, "places/settings.html", context, status=400)
    context["form"] = form
    return render(request, "places/settings.html", context)
