"""The people directory: search by name as you type, filter by department, place and tag."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from kollega.people import queries as people_queries
from kollega.web.forms import DirectoryForm
from kollega.web.views.common import render_htmx

PER_PAGE = 50
SUGGESTIONS = 10


def directory(request):
    form = DirectoryForm(request.GET)
    context = {"form": form, "page": None}
    if not form.is_valid():
        return render_htmx(
            request, "directory.html", "partials/directory_results.html", context, 400
        )
    data = form.cleaned_data
    people = people_queries.directory(
        q=data["q"],
        org_unit=data["unit"],
        location_id=data["location"].pk if data["location"] else None,
        country=data["country"],
        tag=data["tag"],
    )
    # get_page clamps out-of-range numbers to the last page instead of failing.
    context["page"] = Paginator(people, PER_PAGE).get_page(data["page"] or 1)
    return render_htmx(request, "directory.html", "partials/directory_results.html", context)


def suggest_people(request):
    """<option>s for a datalist: people whose name or username starts with what was typed."""
    q = request.GET.get("manager", request.GET.get("q", ""))[:100]
    people = people_queries.directory(q=q)[:SUGGESTIONS] if q.strip() else []
    return render(request, "partials/person_options.html", {"people": people})


MENTIONS = 8


def suggest_mentions(request):
    """People to complete an @mention as you type: name or username prefix, at most 8."""
    q = request.GET.get("q", "")[:100]
    people = people_queries.mention_candidates(q, MENTIONS)
    return JsonResponse(
        {"people": [{"username": p.username, "name": p.name, "title": p.job_title} for p in people]}
    )
