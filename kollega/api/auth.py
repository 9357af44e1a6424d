"""Who is calling: a personal access token, or the signed-in browser's session.

Both resolve to a :class:`~kollega.people.models.Person`, which ninja stores on
``request.auth``. Token auth is tried first so that a script sending a token never meets the
session's CSRF check; a request with neither gets 401.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from kollega.people.actions import ensure_person, person_for_token
from kollega.people.models import Person

TOKEN_PREFIX = "klg_"  # noqa: S105 (a public marker, not a secret)


class BearerToken(HttpBearer):
    """``Authorization: Bearer klg_…`` with a personal access token (see POST /me/tokens)."""

    def authenticate(self, request: HttpRequest, token: str) -> Person | None:
        token = token.strip()
        # Anything that cannot be one of our tokens is refused without a database lookup.
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        return person_for_token(token)


class SessionCookie(APIKeyCookie):
    """The session of a signed-in browser, as used by the web UI's scripts.

    Unlike ninja's ``SessionAuth``, the CSRF check runs only once we know there is a signed-in
    user: an anonymous request or a token request that failed should hear 401, not a CSRF 403.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Person | None:
        user = getattr(request, "user", None)
        if not key or user is None or not user.is_authenticated or not user.is_active:
            return None
        if check_csrf(request) is not None:
            raise HttpError(
                403,
                "CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header.",
            )
        return ensure_person(user)


def viewer(request: HttpRequest) -> Person:
    """The authenticated Person (ninja has already refused anonymous requests)."""
    return request.auth  # type: ignore[attr-defined]


AUTH = [BearerToken(), SessionCookie()]
