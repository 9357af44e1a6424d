"""The NinjaAPI instance behind /api/v1: authentication, error handlers and routers."""

from __future__ import annotations

import importlib

from ninja import NinjaAPI

from kollega.api import errors
from kollega.api.auth import AUTH
from kollega.api.routers import (
    boards,
    communities,
    items,
    me,
    network,
    organisation,
    people,
    places,
)

DESCRIPTION = """\
Kollega's JSON API: the people directory, profiles and profile tags; the network of contacts,
following and privacy; boards; places and community membership; and the items, replies,
likes, saves and answered questions of the content spine.

**Authentication.** Scripts send a personal access token, created at `POST /api/v1/me/tokens`,
as `Authorization: Bearer klg_…`. A signed-in browser may use its session cookie instead;
then unsafe methods need the CSRF token in the `X-CSRFToken` header.

**Errors** are JSON: `{"detail": "…"}`, with `errors` per field for input that was not
accepted (400 from Kollega's rules, 422 when the request does not fit the schema).

**Lists** are paged: pass `next_cursor` back as `cursor` (or `next_offset` as `offset`).
Restricted communities and their items appear only to their members, everywhere.
"""

api = NinjaAPI(
    title="Kollega API",
    version="1",
    description=DESCRIPTION,
    auth=AUTH,
    urls_namespace="api-v1",
    openapi_extra={
        "tags": [
            {"name": "people", "description": "The directory, profiles and profile tags."},
            {
                "name": "network",
                "description": "Contacts and invitations, following, privacy settings, who "
                "connects you with a colleague, and people you may know.",
            },
            {"name": "boards", "description": "People's boards: status updates and posts."},
            {"name": "organisation", "description": "Org units and locations."},
            {"name": "places", "description": "Boards, communities and the organisation."},
            {
                "name": "communities",
                "description": "Members and roles, requests to join and invitations.",
            },
            {"name": "items", "description": "Content, replies, likes and saves."},
            {"name": "tokens", "description": "Personal access tokens for scripts."},
        ]
    },
)
errors.install(api)

api.add_router("/people", people.router)
api.add_router("/", organisation.router)
api.add_router("/places", places.router)
api.add_router("/items", items.router)
api.add_router("/me", me.router)
# These routers hold paths under several of the prefixes above (/people/{username}/…,
# /places/{slug}/…, /me/…); none repeats a path of the routers above.
api.add_router("/", network.router)
api.add_router("/", boards.router)
api.add_router("/", communities.router)

# Feature apps each bring a router in kollega/<app>/api.py, mounted at /api/v1/<app>.
FEATURE_APPS = (
    "wiki", "files", "bookmarks", "ideas", "news", "moderation", "search", "discovery",
    "stream", "notifications",
)  # fmt: skip
for _app in FEATURE_APPS:
    api.add_router(f"/{_app}", importlib.import_module(f"kollega.{_app}.api").router)
