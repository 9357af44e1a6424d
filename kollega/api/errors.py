"""Every error the API gives is JSON: ``{"detail": "a sentence a person can act on"}``.

Input errors from the actions layer (Django's ``ValidationError``) are 400 and carry the field
messages in ``errors``; requests that do not fit the schema are 422 with the same shape. No
exception that a client can provoke reaches Django's 500 page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

NON_FIELD = "__all__"


def django_validation_messages(exc: DjangoValidationError) -> tuple[str, dict[str, list[str]]]:
    """A one-line summary and the messages per field of a Django ValidationError."""
    if hasattr(exc, "error_dict"):
        errors = {
            field: [str(message) for message in DjangoValidationError(items).messages]
            for field, items in exc.error_dict.items()
        }
    else:
        errors = {NON_FIELD: [str(message) for message in exc.messages]}
    summary = " ".join(message for messages in errors.values() for message in messages)
    return summary or "The request is not valid.", errors


def _field_name(loc: list | tuple) -> str:
    # ninja prefixes the parameter source ("body", "query", "path"); the field is the rest.
    parts = [str(part) for part in loc[1:]] or [str(part) for part in loc]
    if len(parts) > 1 and parts[0] in ("payload", "data"):
        parts = parts[1:]
    return ".".join(parts) or NON_FIELD


def schema_validation_messages(exc: SchemaValidationError) -> tuple[str, dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        field = _field_name(error.get("loc", ()))
        errors.setdefault(field, []).append(str(error.get("msg", "is not valid")))
    summary = "; ".join(f"{field}: {', '.join(messages)}" for field, messages in errors.items())
    return f"The request does not fit the schema: {summary}.", errors


def install(api: NinjaAPI) -> None:
    """Register Kollega's handlers on ``api`` (they replace ninja's defaults)."""

    def respond(request: HttpRequest, status: int, detail: str, **extra) -> HttpResponse:
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(DjangoValidationError)
    def bad_input(request, exc: DjangoValidationError):
        detail, errors = django_validation_messages(exc)
        return respond(request, 400, detail, errors=errors)

    @api.exception_handler(SchemaValidationError)
    def bad_schema(request, exc: SchemaValidationError):
        detail, errors = schema_validation_messages(exc)
        return respond(request, 422, detail, errors=errors)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc: PermissionDenied):
        return respond(request, 403, str(exc) or "You are not allowed to do that.")

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return respond(request, 404, str(exc) or "Not found.")

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError):
        response = respond(
            request,
            401,
            "Sign in, or send a personal access token as 'Authorization: Bearer klg_…'.",
        )
        response["WWW-Authenticate"] = 'Bearer realm="kollega"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        message = str(exc)
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            message = "The request body is not valid JSON."
        return respond(request, exc.status_code, message)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc: RequestDataTooBig):
        return respond(request, 413, "The request body is too large.")

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc: SuspiciousOperation):
        return respond(request, 400, "The request was refused as malformed.")
