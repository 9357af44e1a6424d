"""Communities: the catalog (most active first), creating one, and the "action required"
list of invitations and join requests."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.places import actions as place_actions
from kollega.places import queries as place_queries
from kollega.places.models import JoinRequest
from kollega.web import communities
from kollega.web.forms import CatalogForm, CommunityCreateForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx

PER_PAGE = 30


def community_list(request):
    form = CatalogForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "page": None, "sort": "activity"}
        return render_htmx(request, "places.html", "places/catalog_results.html", context, 400)
    data = form.cleaned_data
    # Unknown sort orders fall back to activity: content Darwinism is the default view.
    sort = data["sort"] or "activity"
    places = place_queries.catalog(
        request.person, sort=sort, tag=data["tag"], mine=data["mine"], q=data["q"]
    )
    # get_page clamps out-of-range numbers to the last page instead of failing.
    page = Paginator(places, PER_PAGE).get_page(data["page"] or 1)
    communities.mark_catalog(request.person, page.object_list)
    context = {
        "form": form,
        "page": page,
        "sort": sort,
        "filters": data,
        "waiting": place_queries.pending_invitations_for(request.person).count()
        + place_queries.requests_to_decide(request.person).count(),
    }
    return render_htmx(request, "places.html", "places/catalog_results.html", context)


def create_community(request):
    form = CommunityCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            picture = data.pop("picture", None)
            try:
                # All or nothing: an unreadable picture leaves no half-made community behind.
                with transaction.atomic():
                    place = place_actions.create_community(request.person, **data)
                    if picture:
                        place_actions.set_picture(request.person, place, picture)
            except ValidationError as exc:
                if not hasattr(exc, "error_dict") and picture:
                    # set_picture's messages are about the picture.
                    exc = ValidationError({"picture": exc.messages})
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your community is ready."))
                return redirect(place)
        return render(request, "place_new.html", {"form": form}, status=400)
    return render(request, "place_new.html", {"form": form})


def _requests_context(request):
    return {
        "community_invitations": list(place_queries.pending_invitations_for(request.person)),
        "to_decide": list(place_queries.requests_to_decide(request.person)),
    }


def action_required(request):
    """Invitations for me, and join requests waiting for my decision as an owner."""
    return render(request, "places/requests.html", _requests_context(request))


@action_errors
def answer_invitation(request, request_id: int):
    """Accept or decline an invitation. Addressed by its id, not the community's slug:
    a restricted community stays invisible to the invitee until they accept."""
    invitation = (
        JoinRequest.objects.filter(pk=request_id, person=request.person, invited_by__isnull=False)
        .select_related("place")
        .first()
    )
    if invitation is None:
        raise Http404("No such invitation.")
    if request.method != "POST":
        return redirect("place-requests")
    accept = request.POST.get("answer") == "accept"
    place_actions.answer_invitation(request.person, invitation, accept=accept)
    place = invitation.place
    if accept:
        messages.success(request, _("Welcome to %(place)s.") % {"place": place.name})
        return redirect(place)
    messages.success(
        request, _("You declined the invitation to %(place)s.") % {"place": place.name}
    )
    if access.can_see_place(request.person, place) and request.POST.get("next") == "place":
        return redirect(place)
    return redirect("place-requests")
