"""/api/: version 1 of the JSON API, and JSON answers for every address it does not know."""

from __future__ import annotations

from functools import wraps

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, path, re_path

from kollega.api.api import api


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse(
        {"detail": "There is no such API address; see /api/v1/docs for what there is."},
        status=404,
    )


def json_method_not_allowed(view):
    """ninja answers a wrong method with a plain-text 405; API clients expect JSON."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and response.get("Content-Type", "").startswith("text/html"):
            allowed = response.get("Allow", "")
            json_response = JsonResponse(
                {"detail": f"{request.method} is not allowed here; use {allowed}."}, status=405
            )
            json_response["Allow"] = allowed
            return json_response
        return response

    return wrapper


def _with_json_405(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = json_method_not_allowed(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls

urlpatterns = [
    path("v1/", (_with_json_405(_patterns), _app_name, _namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
