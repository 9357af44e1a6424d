"""Reads the community pages share: a community by its address, the viewer's standing in it,
and the forum and blog lists.

Each starts from kollega.access or the places/content queries and adds only what a page
shows, in a fixed number of queries.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, Q, When
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from kollega import access
from kollega.content import queries as content_queries
from kollega.content.models import Item, Question
from kollega.core.pagination import Page, keyset_page
from kollega.people.models import Person
from kollega.places import queries as place_queries
from kollega.places.models import JoinRequest, Membership, Place

# A community without activity for this long is shown as dormant: it sinks in the catalog
# (sorted by activity) but is never hidden or deleted.
DORMANT_AFTER = timedelta(days=90)
EXCERPT_CHARS = 220
OWNERS_SHOWN = 5

# The forum's filters: all threads, or questions by state.
FORUM_FILTERS = ("all", "open", "answered")


def community_for(viewer: Person, slug: str) -> Place:
    """A community the viewer may see, or 404 (boards and the organisation are not
    communities and have no community pages)."""
    place = access.place_for(viewer, slug)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404("No such community.")
    return place


def excerpt(place: Place) -> str:
    """Plain text from the rendered description (so Markdown marks do not show), shortened."""
    text = " ".join(html.unescape(strip_tags(place.description_html)).split())
    return Truncator(text).chars(EXCERPT_CHARS)


def mark_catalog(viewer: Person, places: list[Place]) -> list[Place]:
    """Set ``viewer_role``, ``dormant`` and ``excerpt`` on a page of communities (one query)."""
    roles = dict(
        Membership.objects.filter(person=viewer, place__in=[p.pk for p in places]).values_list(
            "place_id", "role"
        )
    )
    dormant_before = timezone.now() - DORMANT_AFTER
    for place in places:
        role = roles.get(place.pk)
        place.viewer_role = Membership.Role(role).label if role else None
        place.dormant = place.last_activity_at < dormant_before
        place.excerpt = excerpt(place)
    return places


@dataclass
class Standing:
    """Where the viewer stands in a community: role, a pending request or invitation, and
    (shown in the header) the first few owners."""

    role: str | None
    is_owner: bool
    invitation: JoinRequest | None
    request: JoinRequest | None
    owners: list[Membership]

    @property
    def is_member(self) -> bool:
        return self.role is not None

    @property
    def role_label(self) -> str | None:
        return Membership.Role(self.role).label if self.role else None


def standing(viewer: Person, place: Place, *, is_staff: bool = False) -> Standing:
    """One query for the owners and the viewer's own membership, one more for a pending
    request or invitation when the viewer is not a member."""
    rows = list(
        place_queries.members(place)
        .filter(Q(role=Membership.Role.OWNER) | Q(person=viewer))
        .order_by(Case(When(person=viewer, then=0), default=1), "person__search_name", "pk")[
            : OWNERS_SHOWN + 1
        ]
    )
    mine = next((m for m in rows if m.person_id == viewer.pk), None)
    owners = [m for m in rows if m.role == Membership.Role.OWNER][:OWNERS_SHOWN]
    role = mine.role if mine else None
    invitation = request = None
    if role is None:
        pending = list(
            JoinRequest.objects.filter(
                place=place, person=viewer, state=JoinRequest.State.PENDING
            ).select_related("invited_by")
        )
        invitation = next((r for r in pending if r.is_invitation), None)
        request = next((r for r in pending if not r.is_invitation), None)
    # Staff may manage every community, as the actions allow.
    is_owner = role == Membership.Role.OWNER or is_staff
    return Standing(role, is_owner, invitation, request, owners)


def members(place: Place, q: str = ""):
    qs = place_queries.members(place)
    q = " ".join((q or "").lower().split())
    if q:
        qs = qs.filter(
            Q(person__search_name__startswith=q)
            | Q(person__search_name__contains=" " + q)
            | Q(person__username__istartswith=q)
        )
    return qs


def forum_page(viewer: Person, place: Place, show: str = "all", cursor: str | None = None) -> Page:
    """Topics and questions, most recent activity first; or open or answered questions."""
    qs = (
        content_queries.item_list(viewer)
        .filter(place=place, kind__in=(Item.Kind.TOPIC, Item.Kind.QUESTION))
        .select_related("question")
    )
    if show in (Question.State.OPEN, Question.State.ANSWERED):
        qs = qs.filter(kind=Item.Kind.QUESTION, question__state=show)
    page = keyset_page(qs, field="last_activity_at", cursor=cursor, limit=content_queries.PAGE_SIZE)
    content_queries.mark_viewer_state(viewer, page.items)
    return page


def blog_page(viewer: Person, place: Place, cursor: str | None = None) -> Page:
    """Blog entries in a place (a community, or a person's board), newest written first."""
    qs = content_queries.item_list(viewer).filter(place=place, kind=Item.Kind.BLOG)
    page = keyset_page(qs, field="created", cursor=cursor, limit=content_queries.PAGE_SIZE)
    content_queries.mark_viewer_state(viewer, page.items)
    return page


def sent_invitations(place: Place):
    """Invitations the owners sent that are still waiting for an answer."""
    return place.join_requests.filter(
        state=JoinRequest.State.PENDING, invited_by__isnull=False
    ).select_related("person", "invited_by")
