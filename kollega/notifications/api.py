"""Notifications: the grouped list, the unread count, marking read, email preferences, and
the token for private Atom feeds.

Lists go through ``kollega.notifications.queries``, which checks every item against
``kollega.access`` at read time: a notification about an item that later became restricted or
was removed is not shown, nor counted.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import ErrorOut, Id, PersonRef, web_url
from kollega.api.schemas.places import PlaceRef
from kollega.notifications import actions, queries
from kollega.notifications.models import EmailPreference, Reason
from kollega.notifications.preferences import KINDS, frequencies
from kollega.places.models import Place
from kollega.places.queries import pending_invitations_for
from kollega.stream import feeds
from kollega.stream.queries import VIEWS

router = Router(tags=["notifications"])

MAX_GROUPS = 100
MAX_IDS = 500
Frequency = EmailPreference.Frequency


class ListParams(Schema):
    unread: bool = Field(False, description="Only threads with unread notifications.")
    limit: int = Field(20, ge=1, le=MAX_GROUPS, description=f"Threads, at most {MAX_GROUPS}.")


class ItemSummary(Schema):
    id: int
    kind: str
    title: str
    url: str | None
    place: PlaceRef

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.display_title

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return web_url(context, obj)


class GroupOut(Schema):
    key: str = Field(description="Stable per thread and reason.")
    reason: str
    reason_label: str
    actors: list[PersonRef] = Field(description="Who did it, latest first, each once.")
    count: int = Field(description="Notifications in the group.")
    latest: datetime
    unread: bool
    ids: list[int] = Field(description="The notifications' ids, for marking them read.")
    item: ItemSummary | None = Field(description="The thread, when the event is about an item.")
    place: PlaceRef | None = Field(description="The community, for invitations and requests.")


class UnreadOut(Schema):
    unread: int = Field(description=f"Capped at {queries.UNREAD_CAP}: show 99+ beyond.")


class MarkReadIn(Schema):
    ids: list[Id] = Field([], max_length=MAX_IDS, description="Notification ids to mark read.")
    all: bool = Field(False, description="Mark every notification read.")


class MarkedOut(Schema):
    marked: int
    unread: int


class PreferenceIn(Schema):
    kind: str
    scope: str
    frequency: str


class PreferenceOut(PreferenceIn):
    label: str


class PreferencesIn(Schema):
    preferences: list[PreferenceIn] = Field(max_length=100)


class PreferencesOut(Schema):
    preferences: list[PreferenceOut]
    frequencies: list[str] = Field(description="each, daily, weekly or none.")


class FeedTokenOut(Schema):
    token: str = Field(description="Shown only now: keep it; issuing again replaces it.")
    feeds: dict[str, str] = Field(description="Your home views' and your board's feed URLs.")
    place_feed: str = Field(description="A community's feed: replace {slug}.")
    tag_feed: str = Field(description="A tag's feed: replace {tag}.")


class RevokedOut(Schema):
    revoked: bool = Field(description="False when there was no token to revoke.")


def nameable_places(person, groups: list[queries.Group]) -> set[int]:
    """The places of these groups the viewer may see named, in one query.

    Those they can see, and those they are invited to: an invitation to a restricted
    community must say which one. Someone who has left a restricted community does not see
    its name again in old notifications.
    """
    place_ids = {g.latest.event.place_id for g in groups if g.latest.event.place_id}
    if not place_ids:
        return set()
    invited = pending_invitations_for(person).values("place_id")
    return set(
        Place.objects.filter(pk__in=place_ids)
        .filter(Q(pk__in=access.visible_places(person).values("pk")) | Q(pk__in=invited))
        .values_list("pk", flat=True)
    )


def _group(group: queries.Group, places: set[int]) -> dict:
    place = group.latest.event.place
    return {
        "key": group.key,
        "reason": group.reason,
        "reason_label": str(Reason(group.reason).label) if group.reason in Reason.values else "",
        "actors": group.actors,
        "count": len(group.notifications),
        "latest": group.created,
        "unread": group.unread,
        "ids": [n.pk for n in group.notifications],
        "item": group.latest.item,
        # A place the viewer can no longer see (they left a restricted community) is not named.
        "place": place if place is not None and place.pk in places else None,
    }


@router.get(
    "",
    response={200: list[GroupOut], codes_4xx: ErrorOut},
    operation_id="notifications_list",
    summary="Your notifications, grouped per thread",
    description="Newest first; unread=true for threads with something unread.",
)
def notifications_list(request, params: Query[ListParams]):
    person = viewer(request)
    groups = queries.grouped(person, unread_only=params.unread, limit=params.limit)
    places = nameable_places(person, groups)
    return [_group(g, places) for g in groups]


@router.get(
    "/unread-count",
    response={200: UnreadOut, codes_4xx: ErrorOut},
    operation_id="notifications_unread_count",
    summary="How many notifications are unread",
)
def notifications_unread_count(request):
    return {"unread": queries.unread_count(viewer(request))}


@router.post(
    "/read",
    response={200: MarkedOut, codes_4xx: ErrorOut},
    operation_id="notifications_mark_read",
    summary="Mark notifications read",
    description='{"ids": [...]} marks those (others\' ids are ignored); {"all": true} marks '
    "everything.",
)
def notifications_mark_read(request, payload: MarkReadIn):
    person = viewer(request)
    if payload.all:
        marked = actions.mark_all_read(person)
    elif payload.ids:
        marked = actions.mark_read(person, payload.ids)
    else:
        raise ValidationError(_('Send the ids to mark read, or "all": true.'))
    return {"marked": marked, "unread": queries.unread_count(person)}


def _preferences(person) -> dict:
    chosen = frequencies(person.pk)
    rows = [
        {"kind": kind, "label": str(label), "scope": scope,
         "frequency": chosen.get((kind, scope), Frequency.NONE)}
        for kind, (label, reasons) in KINDS.items()
        for scope in sorted(set(reasons.values()))
    ]  # fmt: skip
    return {"preferences": rows, "frequencies": Frequency.values}


@router.get(
    "/email-preferences",
    response={200: PreferencesOut, codes_4xx: ErrorOut},
    operation_id="email_preferences_get",
    summary="How often you get email, per kind",
    description="Every kind of notification, for your own content (mine) and for things you "
    "follow (following) where that applies, with its frequency.",
)
def email_preferences_get(request):
    return _preferences(viewer(request))


@router.put(
    "/email-preferences",
    response={200: PreferencesOut, codes_4xx: ErrorOut},
    operation_id="email_preferences_update",
    summary="Change how often you get email",
    description="Send the kinds to change; the others keep their frequency. One invalid entry "
    "changes nothing.",
)
def email_preferences_update(request, payload: PreferencesIn):
    person = viewer(request)
    with transaction.atomic():
        for pref in payload.preferences:
            reasons = KINDS.get(pref.kind, (None, {}))[1]
            if reasons and pref.scope not in set(reasons.values()):
                raise ValidationError(
                    {"scope": _("“%(kind)s” has no “%(scope)s” setting.")
                     % {"kind": pref.kind, "scope": pref.scope}}
                )  # fmt: skip
            actions.set_email_preference(person, pref.kind, pref.scope, pref.frequency)
    return _preferences(person)


def _feed_url(request, name: str, arg: str, token: str, placeholder: str = "") -> str:
    url = request.build_absolute_uri(reverse(name, args=[arg]))
    if placeholder:
        # A URL template ("…/{slug}.atom"): the braces would be escaped inside a path.
        url = url.replace(arg, placeholder)
    return f"{url}?token={token}"


@router.post(
    "/feed-token",
    response={201: FeedTokenOut, codes_4xx: ErrorOut},
    operation_id="feed_token_create",
    summary="A token for your private Atom feeds",
    description="Feed readers cannot sign in, so feed URLs carry this token. Issuing a new "
    "one stops the old one's URLs. The token is shown only in this answer.",
)
def feed_token_create(request):
    person = viewer(request)
    token = feeds.issue_token(person)
    try:
        urls = {f"home-{view}": _feed_url(request, "feed-home", view, token) for view in VIEWS}
        urls["board"] = _feed_url(request, "feed-board", person.username, token)
        place_feed = _feed_url(request, "feed-place", "PLACEHOLDER", token, "{slug}")
        tag_feed = _feed_url(request, "feed-tag", "PLACEHOLDER", token, "{tag}")
    except NoReverseMatch:
        # A deployment without the feeds' URLs still gets its token.
        urls, place_feed, tag_feed = {}, "", ""
    return 201, {"token": token, "feeds": urls, "place_feed": place_feed, "tag_feed": tag_feed}


@router.delete(
    "/feed-token",
    response={200: RevokedOut, codes_4xx: ErrorOut},
    operation_id="feed_token_revoke",
    summary="Revoke your feed token",
    description="Every feed URL that carried it stops working at once.",
)
def feed_token_revoke(request):
    return {"revoked": feeds.revoke_token(viewer(request))}
