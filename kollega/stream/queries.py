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
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
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
SUMMARY_VERBS = (Event.Verb.CREATE, Event.Verb.REPLY, Event.Verb.LIKE, Event.Verb.UPDATE)


def _followed(viewer: Person, field_name: str):
    return Follow.objects.filter(follower=viewer, **{f"{field_name}__isnull": False}).values(
        field_name
    )


def following_filter(viewer: Person) -> Q:
    """People, places, tags and items the viewer follows; the communities they belong to
    count as followed, and so does their own board."""
    my_places = Membership.objects.filter(person=viewer).values("place_id")
    # Checked per candidate item (an index probe on ItemTag(item, tag)) rather than as
    # "every item with a followed tag", which for a common tag is most of the table.
    tagged = Exists(
        ItemTag.objects.filter(item_id=OuterRef("pk"), tag_id__in=_followed(viewer, "tag"))
    )
    return (
        Q(author_id__in=_followed(viewer, "person"))
        | Q(place_id__in=_followed(viewer, "place"))
        | Q(place_id__in=my_places)
        | tagged
        | Q(pk__in=_followed(viewer, "item"))
    )


def network_filter(viewer: Person) -> Q:
    """Items written by the viewer's contacts, or on their boards."""
    contacts = Contact.objects.filter(person=viewer).values("other_id")
    return Q(author_id__in=contacts) | Q(place__owner_id__in=contacts)


def view_queryset(viewer: Person, view: str) -> QuerySet[Item]:
    qs = item_list(viewer)
    if view == "following":
        return qs.filter(following_filter(viewer))
    if view == "network":
        return qs.filter(network_filter(viewer))
    if view == "status":
        return qs.filter(kind__in=(Item.Kind.STATUS, Item.Kind.POST)).filter(
            following_filter(viewer) | network_filter(viewer)
        )
    if view == "mentions":
        mentioned = Event.objects.filter(person=viewer, verb=Event.Verb.MENTION).values("item_id")
        return qs.filter(pk__in=mentioned)
    if view == "saved":
        from kollega.content.models import Save

        return qs.filter(pk__in=Save.objects.filter(person=viewer).values("item_id"))
    return qs  # discover: everything the viewer may read


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
    qs = view_queryset(viewer, view)
    if person is not None:
        qs = qs.filter(Q(author=person) | Q(place__owner=person))
    if place is not None:
        qs = qs.filter(place=place)
    if kind:
        qs = qs.filter(kind=kind)
    if tag:
        qs = qs.filter(pk__in=ItemTag.objects.filter(tag__name=tag).values("item_id"))
    if view in WINDOWED_VIEWS and place is None:
        page = windowed_page(qs, cursor=cursor, limit=limit)
    else:
        page = keyset_page(qs, field="last_activity_at", cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    attach_summaries(page.items)
    return page


# Views narrowed by the viewer's sources: most recent items match only sometimes, so a
# query over all time would collect every matching item before sorting (measured: seconds
# for a person following 50 communities, see bench/RESULTS.md).
WINDOWED_VIEWS = ("following", "network", "status")
WINDOWS = (timedelta(days=3), timedelta(days=21), timedelta(days=120), None)


def windowed_page(qs: QuerySet[Item], *, cursor: str | None, limit: int) -> Page:
    """A keyset page found by looking back over growing time windows.

    Each try is a range scan of the ``last_activity_at`` index bounded below by the
    window and reads only ids, so a page costs what the recent activity costs, not what all
    history costs. The last try has no bound, so the answer is the same as an unbounded
    query's. At most four tries, then one query for the page's rows.
    """
    upper = decode_cursor(cursor)[0] if cursor else timezone.now()
    keys = qs.values_list("pk", "last_activity_at")
    if cursor:
        when, pk = decode_cursor(cursor)
        keys = keys.filter(Q(last_activity_at__lt=when) | Q(last_activity_at=when, pk__lt=pk))
    rows: list = []
    for window in WINDOWS:
        narrowed = keys if window is None else keys.filter(last_activity_at__gte=upper - window)
        rows = list(narrowed.order_by("-last_activity_at", "-pk")[: limit + 1])
        if len(rows) > limit:
            break
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
