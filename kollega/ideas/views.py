"""Idea pages: a community's ideas tab (sorted by votes or newest, with the submit form),
one idea with its vote button and the owners' decision form, and voting through htmx."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.ideas import actions, queries
from kollega.ideas.forms import DecisionForm, FilterForm, IdeaForm
from kollega.places.models import Membership, Place
from kollega.web.views.common import action_errors, apply_errors, messages_of

PER_PAGE = 20
VOTE_PARTIAL = "ideas/partials/vote.html"


def _community(request, slug: str) -> Place:
    place = access.place_for(request.person, slug)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404("No such community.")
    return place


@action_errors
def ideas_list(request, slug: str):
    place = _community(request, slug)
    role = access.role_in(request.person, place)
    form = IdeaForm(request.POST or None) if role else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only members can submit ideas. Join the community first."))
        if form.is_valid():
            try:
                item = actions.create_idea(request.person, place, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your idea is submitted."))
                return redirect("idea", item.pk)
        status = 400
    filters = FilterForm(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {}
    sort, state = data.get("sort") or "votes", data.get("state") or ""
    ideas = queries.place_ideas(request.person, place, sort=sort, state=state)
    page = Paginator(ideas, PER_PAGE).get_page(data.get("page"))
    page.object_list = queries.mark_voted(request.person, list(page.object_list))
    context = {
        "place": place,
        "active_tab": "ideas",
        "page": page,
        "sort": sort,
        "state": state,
        "filters": filters,
        "form": form,
        "can_vote": role is not None,
        "allowance": queries.allowance(request.person, place) if role else None,
    }
    return render(request, "ideas/list.html", context, status=status)


def _idea_page(request, item, form=None, status=200):
    role = access.role_in(request.person, item.place)
    is_owner = role == Membership.Role.OWNER
    if is_owner and form is None:
        idea = item.idea
        form = DecisionForm(
            initial={
                "state": idea.state,
                "duplicate_of": idea.duplicate_of_id,
                "note": idea.decision_note,
            },  # fmt: skip
            originals=queries.original_choices(request.person, item),
        )
    context = {
        "item": item,
        "place": item.place,
        "can_vote": role is not None,
        "allowance": queries.allowance(request.person, item.place) if role else None,
        "voters": queries.recent_voters(item.idea),
        "decision_form": form if is_owner else None,
    }
    return render(request, "ideas/idea.html", context, status=status)


@action_errors
def idea_detail(request, item_id: int):
    return _idea_page(request, queries.idea_detail(request.person, item_id))


@action_errors
def vote(request, item_id: int, action: str):
    item = queries.idea_detail(request.person, item_id)
    if request.method != "POST" or action not in ("vote", "unvote"):
        return redirect("idea", item_id)
    do = actions.vote if action == "vote" else actions.unvote
    if not request.htmx:
        do(request.person, item)  # refusals become 400/403 pages through action_errors
        return redirect("idea", item_id)
    # htmx: answer with the vote box, its error inside it, so it lands next to the button.
    error, status = None, 200
    try:
        do(request.person, item)
    except ValidationError as exc:
        error, status = " ".join(messages_of(exc)), 400
    except PermissionDenied as exc:
        error, status = " ".join(messages_of(exc)), 403
    item = queries.idea_detail(request.person, item_id)
    role = access.role_in(request.person, item.place)
    context = {
        "item": item,
        "can_vote": role is not None,
        "allowance": queries.allowance(request.person, item.place) if role else None,
        "error": error,
        "oob": True,
    }
    response = render(request, VOTE_PARTIAL, context, status=status)
    response["Vary"] = "HX-Request"
    return response


@action_errors
def decide(request, item_id: int):
    item = queries.idea_detail(request.person, item_id)
    if request.method != "POST":
        return redirect("idea", item_id)
    if access.role_in(request.person, item.place) != Membership.Role.OWNER:
        raise PermissionDenied(_("Only the community's owners decide on ideas."))
    form = DecisionForm(request.POST, originals=queries.original_choices(request.person, item))
    if form.is_valid():
        try:
            actions.decide(request.person, item, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("idea", item_id)
    item = queries.idea_detail(request.person, item_id)
    return _idea_page(request, item, form=form, status=400)
