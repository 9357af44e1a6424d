"""Discovery pages: Ask (compose with live suggestions, then the question's status), the
questions addressed to me, recommendations with dismiss, and experts by topic."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kollega import access
from kollega.content.models import Question
from kollega.core.tags import parse_list
from kollega.discovery import actions, ask, queries, recommendations
from kollega.discovery.experts import experts_for
from kollega.discovery.forms import BOARD, AskForm, SuggestForm
from kollega.people.models import Person
from kollega.places.models import Membership, Place
from kollega.web.views.common import action_errors, apply_errors, render_htmx

MAX_PICKED = 10


def _communities(person: Person) -> list[Place]:
    ids = Membership.objects.filter(person=person).values("place_id")
    return list(Place.objects.filter(pk__in=ids, kind=Place.Kind.COMMUNITY).order_by("name"))


def _kept(picked, suggestions) -> list[Person]:
    """People the asker ticked earlier who are no longer suggested: they stay ticked."""
    shown = {s.person.username for s in suggestions}
    rest = [u for u in picked if u not in shown]
    return list(Person.objects.filter(username__in=rest, user__is_active=True)) if rest else []


def _suggestions(request, data) -> list[ask.Suggestion]:
    try:
        tags = parse_list(data.get("tags") or "")
    except ValidationError:
        tags = []  # half-typed tags while composing are not an error yet
    return ask.suggest(request.person, title=data.get("title") or "",
                       body=data.get("body") or "", tags=tags)  # fmt: skip


@action_errors
def compose(request):
    places = _communities(request.person)
    picked = request.POST.getlist("experts")[:MAX_PICKED]
    form = AskForm(request.POST or None, places=places, experts=picked)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            place = next((p for p in places if p.slug == data["place"]), None)
            if data["place"] != BOARD and place is None:
                raise Http404("No such community.")
            people = list(
                Person.objects.filter(username__in=data["experts"], user__is_active=True)
                .select_related("user")
            )  # fmt: skip
            try:
                item = actions.ask_question(request.person, title=data["title"],
                                            body=data["body"], tags=data["tags"], place=place,
                                            experts=people)  # fmt: skip
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your question is posted."))
                return redirect("ask-status", item.pk)
        status = 400
    suggestions = _suggestions(request, form.data) if form.is_bound else []
    context = {
        "form": form,
        "suggestions": suggestions,
        "picked": set(picked),
        "kept": _kept(picked, suggestions),
    }
    return render(request, "discovery/ask.html", context, status=status)


@require_POST
@action_errors
def suggest(request):
    """The suggestions for the question as typed so far (htmx, debounced)."""
    form = SuggestForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    picked = request.POST.getlist("experts")[:MAX_PICKED]
    suggestions = _suggestions(request, data)
    context = {
        "suggestions": suggestions,
        "picked": set(picked),
        "kept": _kept(picked, suggestions),
        "typed": bool(data.get("title") or data.get("body") or data.get("tags")),
    }
    return render(request, "discovery/partials/suggestions.html", context)


@action_errors
def status(request, item_id: int):
    item = access.item_for(request.person, item_id)
    question = Question.objects.filter(item=item).first()
    if question is None:
        raise Http404("No such question.")
    context = {"item": item, "question": question, "routed": queries.routed_for_item(item)}
    return render(request, "discovery/status.html", context)


@action_errors
def routed_list(request):
    rows = queries.routed_to(request.person, 50)
    return render(request, "discovery/routed.html", {"routed": rows})


@require_POST
@action_errors
def decline(request, routed_id: int):
    routed = queries.routed_for(request.person, routed_id)
    actions.decline_routed(request.person, routed)
    if request.htmx:
        return HttpResponse("")
    messages.info(request, _("You declined the question; %(p)s can ask someone else.")
                  % {"p": routed.routed_by.name})  # fmt: skip
    return redirect("ask-routed")


@action_errors
def recommendations_page(request):
    found = recommendations.recommendations(request.person, limit=30)
    return render(request, "discovery/recommendations.html", {"recommendations": found})


@require_POST
@action_errors
def dismiss(request, item_id: int):
    actions.dismiss_recommendation(request.person, access.item_for(request.person, item_id))
    if request.htmx:
        return HttpResponse("")
    return redirect("discover-recommendations")


@action_errors
def experts(request):
    q = (request.GET.get("q") or "").strip()[:200]
    found = experts_for(q, request.person, 20) if q else []
    return render_htmx(request, "discovery/experts.html", "discovery/partials/experts.html",
                       {"q": q, "experts": found})  # fmt: skip
