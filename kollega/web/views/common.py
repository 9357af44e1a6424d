"""What every page needs: turning action errors into form errors and 4xx answers."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

# Error answers for htmx requests are small fragments swapped into the page (see app.js);
# full pages for everything else.
ERROR_PARTIAL = "partials/error.html"
ERROR_PAGE = "error.html"


def messages_of(exc: ValidationError | PermissionDenied) -> list[str]:
    if isinstance(exc, ValidationError):
        return exc.messages
    text = str(exc)
    return [text] if text else []


def apply_errors(form, exc: ValidationError) -> None:
    """Attach an action's ValidationError to the form fields it names (else the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def error_response(request, exc, status: int):
    template = ERROR_PARTIAL if getattr(request, "htmx", False) else ERROR_PAGE
    response = render(
        request, template, {"errors": messages_of(exc), "status": status}, status=status
    )
    patch_vary_headers(response, ("HX-Request",))
    return response


def action_errors(view):
    """A safety net: an action's or a query's refusal never becomes a 500.

    Views that show a form catch errors themselves to put them next to the fields; what
    reaches this decorator (a bad page cursor, a refused toggle) becomes a 400 or 403 page.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ValidationError as exc:
            return error_response(request, exc, 400)
        except PermissionDenied as exc:
            return error_response(request, exc, 403)

    return wrapper


def render_htmx(request, page: str, partial: str, context: dict, status: int = 200):
    """The full page, or only the fragment an htmx request asked for.

    Vary on HX-Request so a browser cache never shows a fragment as a page (back button).
    """
    template = partial if request.htmx and not request.htmx.history_restore_request else page
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response
