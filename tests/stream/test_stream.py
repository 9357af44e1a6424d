from datetime import timedelta

from django.utils import timezone

from kollega.content import actions as content
from kollega.content.models import Item
from kollega.network import actions as network
from kollega.places import actions as places
from kollega.stream.queries import stream


def ids(page):
    return [i.pk for i in page.items]


def connect(a, b):
    network.accept_invitation(b, network.invite(a, b))


def test_discover_shows_everything_readable_and_nothing_else(org):
    assert org.open_item.pk in ids(stream(org.dana, "discover"))
    assert org.secret_item.pk not in ids(stream(org.dana, "discover"))
    assert org.secret_item.pk in ids(stream(org.bob, "discover"))


def test_following_covers_people_places_tags_items_and_my_communities(org):
    by_charlie = content.create_item(org.charlie, org.charlie.board, kind="status", body="hi")
    tagged = content.create_item(org.alice, org.board_room, kind="topic", body="x", tags="rust")
    assert ids(stream(org.dana, "following")) == []
    network.follow_person(org.dana, org.charlie)
    assert ids(stream(org.dana, "following")) == [by_charlie.pk]
    from kollega.core.tags import get_or_create_tags
    from kollega.network.models import Follow

    Follow.objects.create(
        follower=org.dana, tag=get_or_create_tags(["rust"])[0], created=timezone.now()
    )
    assert set(ids(stream(org.dana, "following"))) == {by_charlie.pk, tagged.pk}
    places.join_place(org.dana, org.guild)
    assert org.open_item.pk in ids(stream(org.dana, "following"))


def test_my_network_shows_only_my_contacts(org):
    mine = content.create_item(org.bob, org.bob.board, kind="status", body="from bob")
    content.create_item(org.charlie, org.charlie.board, kind="status", body="from charlie")
    connect(org.dana, org.bob)
    assert ids(stream(org.dana, "network")) == [mine.pk]


def test_active_threads_float_up(org):
    older = content.create_item(org.alice, org.guild, kind="topic", body="older")
    newer = content.create_item(org.alice, org.guild, kind="topic", body="newer")
    content.bump_activity(older, timezone.now() - timedelta(days=2))

    def order():
        return [pk for pk in ids(stream(org.alice, "discover")) if pk in (older.pk, newer.pk)]

    assert order() == [newer.pk, older.pk]
    content.reply_to_item(org.bob, older, "bump")
    assert order() == [older.pk, newer.pk]


def test_items_summarise_what_happened(org):
    content.reply_to_item(org.bob, org.open_item, "one")
    content.reply_to_item(org.charlie, org.open_item, "two")
    content.like_item(org.dana, org.open_item)
    item = next(i for i in stream(org.alice, "discover").items if i.pk == org.open_item.pk)
    assert [p.username for p in item.summary.verbs["reply"]] == ["charlie", "bob"]
    assert [p.username for p in item.summary.verbs["like"]] == ["dana"]


def test_mentions_and_saved_views(org):
    item = content.create_item(org.bob, org.bob.board, kind="status", body="@dana look")
    content.save_item(org.dana, org.open_item)
    assert ids(stream(org.dana, "mentions")) == [item.pk]
    assert ids(stream(org.dana, "saved")) == [org.open_item.pk]


def test_filters_by_kind_and_tag(org):
    assert ids(stream(org.bob, "discover", tag="falcon")) == [org.secret_item.pk]
    assert ids(stream(org.dana, "discover", tag="falcon")) == []
    assert org.open_item.pk in ids(stream(org.bob, "discover", kind="topic"))
    assert ids(stream(org.bob, "discover", kind="status")) == []


def test_items_that_became_restricted_or_removed_leave_the_stream(org):
    content.reply_to_item(org.dana, org.open_item, "I was here")
    assert org.open_item.pk in ids(stream(org.dana, "discover"))
    Item.objects.filter(pk=org.open_item.pk).update(place=org.secret)
    assert org.open_item.pk not in ids(stream(org.dana, "discover"))
    Item.objects.filter(pk=org.open_item.pk).update(place=org.guild, removed_at=timezone.now())
    assert org.open_item.pk not in ids(stream(org.alice, "discover"))


def test_a_stream_page_takes_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    connect(org.dana, org.bob)
    for n in range(30):
        item = content.create_item(org.bob, org.bob.board, kind="status", body=f"n{n}")
        content.reply_to_item(org.charlie, item, "reply")
    # The views narrowed by the viewer's sources read those first (one query); a page the
    # newest window fills needs one query for its keys (kollega/stream/queries.py).
    for view in ("following", "network", "discover"):
        with django_assert_max_num_queries(7):
            page = stream(org.dana, view)
            [i.summary for i in page.items]


def test_paging_a_view_gives_every_item_of_its_sources_newest_first(org):
    """Each source is gathered through its own index window by window
    (kollega/stream/queries.py, merged_page); following the cursors must still give exactly
    the items of the unbounded view, in order, whatever the ages and sources."""
    from kollega.core.tags import get_or_create_tags
    from kollega.network.models import Follow
    from kollega.stream.queries import view_queryset

    connect(org.dana, org.bob)
    network.follow_person(org.dana, org.charlie)
    places.join_place(org.dana, org.guild)
    Follow.objects.create(
        follower=org.dana, tag=get_or_create_tags(["rust"])[0], created=timezone.now()
    )
    now = timezone.now()
    ages = [0, 1, 2, 5, 20, 22, 90, 130, 400, 401, 900]
    authors = [
        (org.bob, org.bob.board, ""),  # a contact, on their board
        (org.alice, org.bob.board, ""),  # someone else, on a contact's board
        (org.charlie, org.charlie.board, ""),  # a followed person
        (org.alice, org.guild, ""),  # in a community of mine
        (org.alice, org.board_room, "rust"),  # a followed tag elsewhere
        (org.alice, org.alice.board, ""),  # none of my sources
    ]
    for n, days in enumerate(ages):
        for author, place, tags in authors:
            kind = "topic" if place.kind == "community" else ("status" if n % 2 else "post")
            item = content.create_item(author, place, kind=kind, body=f"{n}", tags=tags)
            # Equal times on purpose for some, so that the id breaks the tie.
            when = now - timedelta(days=days, minutes=n % 3)
            content.bump_activity(item, when)
    for view in ("following", "network", "status"):
        expected = list(
            view_queryset(org.dana, view)
            .order_by("-last_activity_at", "-pk")
            .values_list("pk", flat=True)
        )
        got, cursor = [], None
        for _page in range(100):
            page = stream(org.dana, view, cursor=cursor, limit=4)
            got += ids(page)
            cursor = page.next_cursor
            if cursor is None:
                break
        assert got == expected, view
        assert len(expected) > 20


def test_a_hand_made_cursor_at_the_start_of_time_gives_an_empty_page(org):
    from datetime import UTC, datetime

    from kollega.core.pagination import encode_cursor

    connect(org.dana, org.bob)
    content.create_item(org.bob, org.bob.board, kind="status", body="now")
    cursor = encode_cursor(datetime(1, 1, 2, tzinfo=UTC), 5)
    for view in ("following", "network", "status"):
        page = stream(org.dana, view, cursor=cursor)
        assert page.items == [] and page.next_cursor is None
