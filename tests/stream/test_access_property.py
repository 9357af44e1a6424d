"""For random organisations, memberships and access levels, no stream, feed or notification
ever contains an item its viewer cannot read, including items that became restricted or
were removed after their events were recorded."""

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kollega import access
from kollega.content import actions as content
from kollega.content.models import Item
from kollega.notifications.queries import grouped
from kollega.people.actions import create_person
from kollega.places.actions import add_member, create_community
from kollega.places.models import Membership, Place
from kollega.stream.feeds import HomeFeed
from kollega.stream.queries import VIEWS, stream

ACCESS = st.sampled_from(list(Place.Access.values))

organisations = st.fixed_dictionaries(
    {
        "people": st.integers(min_value=2, max_value=4),
        "communities": st.lists(ACCESS, min_size=1, max_size=3),
        "memberships": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2)), max_size=8),
        "posts": st.lists(
            st.tuples(st.integers(0, 3), st.integers(-1, 2), st.integers(0, 3)), max_size=8
        ),
        "replies": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 7)), max_size=6),
        "later_restrict": st.lists(st.integers(0, 2), max_size=2),
        "later_remove": st.lists(st.integers(0, 7), max_size=2),
        "later_leave": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2)), max_size=2),
    }
)


def build(spec):
    people = [create_person(f"p{n}", f"Person {n}") for n in range(spec["people"])]
    owner = people[0]
    places = [
        create_community(owner, f"Community {n}", access=level)
        for n, level in enumerate(spec["communities"])
    ]
    for who, where in spec["memberships"]:
        if 0 < who < len(people) and where < len(places):
            add_member(owner, places[where], people[who])
    items = []
    for who, where, mention in spec["posts"]:
        author = people[who % len(people)]
        place = author.board if where < 0 else places[where % len(places)]
        if not access.can_post(author, place):
            continue
        body = f"Hello @p{mention % len(people)}"
        items.append(content.create_item(author, place, kind="status" if where < 0 else "topic",
                                         title="t", body=body))  # fmt: skip
    for who, which in spec["replies"]:
        if items:
            person, item = people[who % len(people)], items[which % len(items)]
            if access.can_read(person, item):
                content.reply_to_item(person, item, f"@p0 and @p{who % len(people)}")
    # Changes after the events were recorded.
    for where in spec["later_restrict"]:
        Place.objects.filter(pk=places[where % len(places)].pk).update(access="restricted")
    for which in spec["later_remove"]:
        if items:
            Item.objects.filter(pk=items[which % len(items)].pk).update(removed_at=timezone.now())
    for who, where in spec["later_leave"]:
        Membership.objects.filter(
            person=people[who % len(people)], place=places[where % len(places)]
        ).exclude(role="owner").delete()
    return people


def readable(person, item_ids):
    fresh = Item.objects.select_related("place").filter(pk__in=item_ids)
    return all(access.can_read(person, item) for item in fresh) and len(fresh) == len(set(item_ids))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=organisations)
def test_no_surface_shows_an_unreadable_item(db, spec):
    with transaction.atomic():
        people = build(spec)
        for person in people:
            for view in VIEWS:
                ids = [i.pk for i in stream(person, view, limit=50).items]
                assert readable(person, ids), (view, person.username)
            feed_items = HomeFeed().items({"viewer": person, "view": "discover"})
            assert readable(person, [i.pk for i in feed_items])
            told = [g.latest.item_id for g in grouped(person) if g.latest.item_id]
            assert readable(person, told)
        transaction.set_rollback(True)
