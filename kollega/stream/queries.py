"""The home stream: items ordered by their last activity, each with a summary of what
happened to it ("Ann and 3 others replied"), in a view that cuts the noise.

Design (see docs/architecture.md, "The stream"): a read-time query. Every view is
``access.visible_items(viewer)`` narrowed by the view's sources (people, places, tags, items
the viewer follows; their contacts; …) and ordered by ``(-last_activity_at, -id)``, which
an index serves directly, with keyset pagination. Active threads float up because a reply
bumps ``Item.last_activity_at``. Nothing is copied per follower at write time, so posting
costs the same however many followers the author has, and an item that becomes restricted
or removed disappears from every stream at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import BigIntegerField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from kollega.activity.models import Event
from kollega.content.models import Item, ItemTag
from kollega.content.queries import item_list, mark_viewer_state
from kollega.core.pagination import Page, decode_cursor, encode_cursor, keyset_page
from kollega.network.models import Contact, Follow
from kollega.people.models import Person
from kollega.places.models import Membership, Place

PAGE_SIZE = 20
VIEWS = ("following", "network", "discover", "status", "mentions", "saved")
STATUS_KINDS = (Item.Kind.STATUS, Item.Kind.POST)
SUMMARY_VERBS = (Event.Verb.CREATE, Event.Verb.REPLY, Event.Verb.LIKE, Event.Verb.UPDATE)


# A source's items as a condition, given the time window asked (None: unbounded).
Condition = Callable[[datetime | None, datetime | None], Q]


@dataclass
class Sources:
    """What a view draws from, as ids read up front: items by these people, in these
    places, these items, and items with these tags."""

    people: set[int] = field(default_factory=set)
    places: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    tags: set[int] = field(default_factory=set)

    def __or__(self, other: Sources) -> Sources:
        return Sources(self.people | other.people, self.places | other.places,
                       self.items | other.items, self.tags | other.tags)  # fmt: skip

    def conditions(self) -> list[Condition]:
        """At most two conditions: the ids and the tags.

        The ids go as constant lists (``any_of``), not subqueries: the planner then knows
        from the column statistics how many items each source holds, and can combine the
        ``(author, -last_activity_at, -id)`` and ``(place, -last_activity_at, -id)``
        indexes and the primary key for the OR. The tags are a condition of their own, read
        through ItemTag's copy of the items' activity times, so that a window of a common
        tag is one range of the ``(tag, -last_activity_at)`` index, not all its items."""
        found: list[Condition] = []
        if self.people or self.places or self.items:
            direct = Q(pk__in=[])
            if self.people:
                direct |= Q(author_id__any_of=sorted(self.people))
            if self.places:
                direct |= Q(place_id__any_of=sorted(self.places))
            if self.items:
                direct |= Q(pk__any_of=sorted(self.items))
            found.append(lambda lower, upper: direct)
        if self.tags:
            tag_ids = sorted(self.tags)

            def tagged(lower: datetime | None, upper: datetime | None) -> Q:
                rows = ItemTag.objects.filter(tag_id__any_of=tag_ids)
                if lower is not None:
                    rows = rows.filter(last_activity_at__gte=lower)
                if upper is not None:
                    rows = rows.filter(last_activity_at__lte=upper)
                return Q(pk__in=rows.values("item_id"))

            found.append(tagged)
        return found

    def q(self, since: datetime | None = None) -> Q:
        """Any of the sources, over all time or since a moment."""
        combined = Q(pk__in=[])
        for condition in self.conditions():
            combined |= condition(since, None)
        return combined


def _no_id() -> Value:
    return Value(None, output_field=BigIntegerField())


def following_sources(viewer: Person) -> Sources:
    """People, places, tags and items the viewer follows; the communities they belong to
    count as followed places, and so does their own board. One query."""
    # Unordered: a part of a UNION may have no ORDER BY.
    follows = (
        Follow.objects.filter(follower=viewer)
        .order_by()
        .values_list("person_id", "place_id", "tag_id", "item_id")
    )
    memberships = (
        Membership.objects.filter(person=viewer)
        .order_by()
        .values_list(_no_id(), "place_id", _no_id(), _no_id())
    )
    sources = Sources()
    for row in follows.union(memberships, all=True):
        for ids, value in zip(
            (sources.people, sources.places, sources.tags, sources.items), row, strict=True
        ):
            if value is not None:
                ids.add(value)
    return sources


def network_sources(viewer: Person) -> Sources:
    """Items written by the viewer's contacts, or on their boards. One query."""
    contacts = Contact.objects.filter(person=viewer).order_by()
    # Their boards as place ids, not "place.owner in contacts", which needs the join to
    # Place inside the condition (PostgreSQL then filters every item against every place:
    # 0.4 s for a person with 960 contacts, measured).
    boards = Place.objects.filter(owner_id__in=contacts.values("other_id")).order_by()
    sources = Sources()
    rows = contacts.values_list("other_id", _no_id()).union(
        boards.values_list(_no_id(), "pk"), all=True
    )
    for person_id, place_id in rows:
        if person_id is not None:
            sources.people.add(person_id)
        if place_id is not None:
            sources.places.add(place_id)
    return sources


def view_sources(viewer: Person, view: str) -> Sources | None:
    """The view's sources; None for views that are not narrowed by the viewer's sources."""
    if view == "following":
        return following_sources(viewer)
    if view == "network":
        return network_sources(viewer)
    if view == "status":
        return following_sources(viewer) | network_sources(viewer)
    return None


def _narrowed(viewer: Person, view: str, qs: QuerySet[Item]) -> QuerySet[Item]:
    """The view's narrowing other than its sources: status kinds, mentions, saved."""
    if view == "status":
        return qs.filter(kind__in=STATUS_KINDS)
    if view == "mentions":
        mentioned = Event.objects.filter(person=viewer, verb=Event.Verb.MENTION).values("item_id")
        return qs.filter(pk__in=mentioned)
    if view == "saved":
        from kollega.content.models import Save

        return qs.filter(pk__in=Save.objects.filter(person=viewer).values("item_id"))
    return qs  # following, network, discover (everything the viewer may read)


def view_queryset(viewer: Person, view: str, since: datetime | None = None) -> QuerySet[Item]:
    """Every item of a view, or those with activity after ``since``, as one queryset (for
    counts; pages use ``stream``)."""
    qs = item_list(viewer)
    if since is not None:
        qs = qs.filter(last_activity_at__gt=since)
    qs = _narrowed(viewer, view, qs)
    sources = view_sources(viewer, view)
    return qs if sources is None else qs.filter(sources.q(since))


def stream(
    viewer: Person,
    view: str = "following",
    *,
    cursor: str | None = None,
    kind: str = "",
    tag: str = "",
    person: Person | None = None,
    place: Place | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    sources = view_sources(viewer, view)
    qs = _narrowed(viewer, view, item_list(viewer))
    if person is not None:
        # The person's own boards as place ids, for the reason given in network_sources.
        boards = Place.objects.filter(owner=person).values("pk")
        qs = qs.filter(Q(author=person) | Q(place_id__in=boards))
    if place is not None:
        qs = qs.filter(place=place)
    if kind:
        qs = qs.filter(kind=kind)
    if tag:
        qs = qs.filter(pk__in=ItemTag.objects.filter(tag__name=tag).values("item_id"))
    if sources is None:
        page = keyset_page(qs, field="last_activity_at", cursor=cursor, limit=limit)
    elif place is not None:
        # One place's items are one index range already.
        narrowed = qs.filter(sources.q())
        page = keyset_page(narrowed, field="last_activity_at", cursor=cursor, limit=limit)
    else:
        page = merged_page(qs, sources.conditions(), cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    attach_summaries(page.items)
    return page


# Views narrowed by the viewer's sources, paged by merged_page.
WINDOWED_VIEWS = ("following", "network", "status")
WINDOWS = (timedelta(days=3), timedelta(days=21), timedelta(days=120), None)
# Newest first, as an expression no index serves: see merged_page.
NEWEST_FIRST = (Coalesce("last_activity_at", "created").desc(), F("pk").desc())


def _window_start(upper: datetime, window: timedelta | None) -> datetime | None:
    if window is None:
        return None
    try:
        return upper - window
    except OverflowError:
        # A cursor from the first days of year 1 (only a hand-made link has one): there is
        # no earlier window to bound, so look over all time.
        return None


def merged_page(
    qs: QuerySet[Item], conditions: list[Condition], *, cursor: str | None, limit: int
) -> Page:
    """The keyset page of ``qs`` narrowed to any of ``conditions`` (a view's sources).

    Why not the plain query with the sources OR-ed and ``ORDER BY last_activity_at``: the
    database then walks the ``last_activity_at`` index testing each item against the
    sources and stops at the page's end. That is fast when the sources are dense (a person
    following 50 communities), but walks half the table when they are sparse (a few
    contacts, a followed person whose items are old, status updates among communities),
    and the planner cannot tell which case it is in (measured: 0.1–0.4 s on PostgreSQL).

    Instead each source gathers its own items through its own index, bounded below by a
    time window that grows (3 days, 3 weeks, 4 months, all time), and the ordering is an
    expression no index serves, so the database never chooses the walk: a page costs what
    the sources did lately. A condition that filled the page inside a window is final (its
    older items rank below what it gave); the others are asked again with the next window,
    and the page is final once the window holds ``limit + 1`` items. At most four windows
    of at most two conditions (the ids, the tags), then one query for the page's rows.
    """
    keys = qs.values_list("pk", "last_activity_at")
    upper, cursor_time = timezone.now(), None
    if cursor:
        upper, pk = decode_cursor(cursor)
        cursor_time = upper
        keys = keys.filter(Q(last_activity_at__lt=upper) | Q(last_activity_at=upper, pk__lt=pk))
    found: dict[int, datetime] = {}
    pending = list(conditions)
    for window in WINDOWS:
        lower = _window_start(upper, window)
        exhausted = []
        for condition in pending:
            asked = keys.filter(condition(lower, cursor_time))
            if lower is not None:
                asked = asked.filter(last_activity_at__gte=lower)
            rows = list(asked.order_by(*NEWEST_FIRST)[: limit + 1])
            found.update(rows)
            if len(rows) <= limit:
                exhausted.append(condition)
        pending = exhausted
        if len(found) > limit or not pending:
            break
    rows = sorted(found.items(), key=lambda row: (row[1], row[0]), reverse=True)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor(rows[-1][1], rows[-1][0])
    ids = [pk for pk, _when in rows]
    by_id = {item.pk: item for item in qs.filter(pk__in=ids)}
    return Page([by_id[pk] for pk in ids if pk in by_id], next_cursor)


@dataclass
class Summary:
    """What happened to an item lately: per verb, the latest actors and a count."""

    verbs: dict[str, list[Person]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self):
        for verb, actors in self.verbs.items():
            yield verb, actors[0], self.counts[verb] - 1


def attach_summaries(items: list[Item], per_verb: int = 3) -> None:
    """Set ``item.summary`` for a page of items in one query (the latest 200 events)."""
    if not items:
        return
    ids = [i.pk for i in items]
    events = (
        Event.objects.filter(item_id__in=ids, verb__in=SUMMARY_VERBS)
        .select_related("actor")
        .order_by("-published", "-id")[: 10 * len(ids)]
    )
    by_item: dict[int, Summary] = defaultdict(Summary)
    seen: dict[tuple[int, str], set[int]] = defaultdict(set)
    for event in events:
        summary = by_item[event.item_id]
        actors = seen[(event.item_id, event.verb)]
        if event.actor_id in actors:
            continue
        actors.add(event.actor_id)
        summary.counts[event.verb] = summary.counts.get(event.verb, 0) + 1
        if len(summary.verbs.setdefault(event.verb, [])) < per_verb:
            summary.verbs[event.verb].append(event.actor)
    for item in items:
        item.summary = by_item.get(item.pk, Summary())
