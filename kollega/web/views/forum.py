"""A community's own page, its Forum tab: who is in it, joining and leaving, and the topics
and questions its members start."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.places import actions as place_actions
from kollega.places import queries as place_queries
from kollega.places.models import Place
from kollega.web import communities
from kollega.web.forms import CursorField, ForumPostForm, JoinRequestForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx


def community_context(request, place: Place, active_tab: str, join_form=None) -> dict:
    """What the header of every community page shows (see places/community_base.html)."""
    me = communities.standing(request.person, place, is_staff=request.user.is_staff)
    return {
        "place": place,
        "active_tab": active_tab,
        "me": me,
        "owners": me.owners,
        "can_post": me.is_member,
        "waiting_requests": place_queries.pending_requests(place).count() if me.is_owner else 0,
        "join_form": join_form or JoinRequestForm(),
    }


def _show(request) -> str:
    show = request.GET.get("show", "all")
    return show if show in communities.FORUM_FILTERS else "all"


def _forum(request, place, post_form=None, join_form=None, status=200):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    show = _show(request)
    page = communities.forum_page(request.person, place, show=show, cursor=cursor)
    list_url = reverse("place", args=[place.slug])
    context = {"page": page, "show": show, "list_url": list_url, "place": place}
    if request.htmx and cursor:
        fragment = "places/forum_rows.html"
        return render_htmx(request, fragment, fragment, context)
    context.update(community_context(request, place, "forum", join_form))
    context["post_form"] = post_form or ForumPostForm()
    context["show_description"] = True
    return render(request, "place.html", context, status=status)


@action_errors
def place_detail(request, slug: str):
    place = access.place_for(request.person, slug)
    if place.kind == Place.Kind.BOARD:
        # A board is shown on its owner's profile.
        return redirect(place)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404("No such community.")
    return _forum(request, place)


@action_errors
def post_in_place(request, slug: str):
    place = communities.community_for(request.person, slug)
    if request.method != "POST":
        return redirect(place)
    form = ForumPostForm(request.POST)
    if form.is_valid():
        try:
            item = content_actions.create_item(request.person, place, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Posted in %(place)s.") % {"place": place.name})
            return redirect(item)
    return _forum(request, place, post_form=form, status=400)


@action_errors
def join(request, slug: str):
    place = communities.community_for(request.person, slug)
    if request.method == "POST":
        place_actions.join_place(request.person, place)
        messages.success(request, _("You joined %(place)s.") % {"place": place.name})
    return redirect(place)


@action_errors
def leave(request, slug: str):
    place = communities.community_for(request.person, slug)
    if request.method == "POST":
        place_actions.leave_place(request.person, place)
        messages.success(request, _("You left %(place)s.") % {"place": place.name})
    return redirect(place)


@action_errors
def ask_to_join(request, slug: str):
    """Ask to join a moderated community, with an optional message to its owners."""
    place = communities.community_for(request.person, slug)
    if request.method != "POST":
        return redirect(place)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            place_actions.request_to_join(request.person, place, form.cleaned_data["message"])
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                raise
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your request to join %(place)s is sent; an owner will decide.")
                % {"place": place.name},
            )
            return redirect(place)
    return _forum(request, place, join_form=form, status=400)


@action_errors
def withdraw(request, slug: str):
    """Withdraw my own pending request to join."""
    place = communities.community_for(request.person, slug)
    if request.method != "POST":
        return redirect(place)
    pending = communities.standing(request.person, place).request
    if pending is None:
        raise ValidationError(_("You have no pending request to join %(p)s.") % {"p": place.name})
    place_actions.withdraw_request(request.person, pending)
    messages.success(request, _("Your request is withdrawn."))
    return redirect(place)
