"""The search page (/search/) and the suggestions under the search box (/search/suggest/)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from kollega.search import queries
from kollega.search.suggest import suggest
from kollega.web.views.common import action_errors, render_htmx

FALSE = {"0", "false", "no", "off"}


def _param(request, name: str) -> str:
    # NUL can reach us in a URL but no database column or query may hold it.
    return request.GET.get(name, "").replace("\x00", "")


def params(request) -> dict:
    """The search as request parameters: the page, the API and the links share this."""
    page = _param(request, "page").strip()
    return {
        "text": _param(request, "q"),
        "filters": queries.clean_filters(
            kinds=[k.replace("\x00", "") for k in request.GET.getlist("kind")],
            tag=_param(request, "tag"),
            author=_param(request, "author"),
            place=_param(request, "place"),
            date_from=_param(request, "from"),
            date_to=_param(request, "to"),
        ),
        "social": _param(request, "social").strip().lower() not in FALSE,
        "page": int(page) if page.isdigit() and len(page) < 6 else 1,
    }


@require_GET
@action_errors
def search_page(request):
    p = params(request)
    results = queries.search(request.person, p["text"], p["filters"], social=p["social"],
                             page=p["page"])  # fmt: skip
    context = {"results": results, "kinds": queries.KINDS}
    return render_htmx(request, "search/search.html", "search/partials/results.html", context)


@require_GET
def suggest_view(request):
    found = suggest(request.person, _param(request, "q"))
    response = render(request, "search/partials/suggestions.html", {"suggestions": found})
    patch_vary_headers(response, ("HX-Request",))
    return response
