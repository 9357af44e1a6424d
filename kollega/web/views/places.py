"""Communities: the list (most active first), creating one, a community's page, joining,
leaving and posting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.places import actions as place_actions
from kollega.places import queries as place_queries
from kollega.places.models import Membership, Place
from kollega.web.forms import CommunityForm, CursorField, PostForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx

PER_PAGE = 50


def community_list(request):
    # Unknown sort orders fall back to activity: content Darwinism is the default view.
    sort = request.GET.get("sort", "activity")
    sort = sort if sort in place_queries.CATALOG_SORTS else "activity"
    places = place_queries.catalog(request.person, sort=sort)
    page = Paginator(places, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "places.html", {"page": page, "sort": sort})


def create_community(request):
    form = CommunityForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                place = place_actions.create_community(request.person, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your community is ready."))
                return redirect(place)
        return render(request, "place_new.html", {"form": form}, status=400)
    return render(request, "place_new.html", {"form": form})


def _place_page(request, place, post_form=None, status=200):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    page = content_queries.place_items(request.person, place, cursor=cursor)
    if request.htmx and cursor:
        fragment = "partials/item_page.html"
        return render_htmx(request, fragment, fragment, {"page": page})
    role = access.role_in(request.person, place)
    context = {
        "place": place,
        "page": page,
        "list_url": place.get_absolute_url(),
        "role_label": Membership.Role(role).label if role else None,
        "is_member": role is not None,
        "can_post": access.can_post(request.person, place),
        "can_join": role is None and place.access == Place.Access.OPEN,
        "can_leave": role is not None and role != Membership.Role.OWNER,
        "post_form": post_form or PostForm(),
    }
    return render(request, "place.html", context, status=status)


@action_errors
def place_detail(request, slug: str):
    place = access.place_for(request.person, slug)
    if place.kind == Place.Kind.BOARD:
        # A board is shown on its owner's profile.
        return redirect(place)
    return _place_page(request, place)


@action_errors
def post_in_place(request, slug: str):
    place = access.place_for(request.person, slug)
    if request.method != "POST":
        return redirect(place)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            item = content_actions.create_item(request.person, place, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Posted in %(place)s.") % {"place": place.name})
            return redirect(item)
    return _place_page(request, place, post_form=form, status=400)


@action_errors
def join(request, slug: str):
    place = access.place_for(request.person, slug)
    if request.method == "POST":
        place_actions.join_place(request.person, place)
        messages.success(request, _("You joined %(place)s.") % {"place": place.name})
    return redirect(place)


@action_errors
def leave(request, slug: str):
    place = access.place_for(request.person, slug)
    if request.method == "POST":
        place_actions.leave_place(request.person, place)
        messages.success(request, _("You left %(place)s.") % {"place": place.name})
    return redirect(place)
