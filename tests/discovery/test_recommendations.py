"""Recommendations: unseen, visible items only, each with the right reason."""

from django.utils import timezone

from kollega.content.actions import create_item, like_item, reply_to_item, save_item
from kollega.content.models import Item
from kollega.core.tags import get_or_create_tags
from kollega.discovery import actions
from kollega.discovery.recommendations import recommendations
from kollega.network.models import Follow
from kollega.people.actions import tag_person
from kollega.places.actions import join_place
from tests.discovery.conftest import connect, refresh


def recommended(person):
    return {r.item: r for r in recommendations(person, limit=50)}


def topic(person, place, title, tags=""):
    return create_item(person, place, kind=Item.Kind.TOPIC, title=title, body="", tags=tags)


def follow_tag(person, name):
    (tag,) = get_or_create_tags([name])
    Follow.objects.create(follower=person, tag=tag, created=timezone.now())


def test_items_liked_by_contacts_say_how_many(org):
    connect(org.dana, org.bob)
    connect(org.dana, org.charlie)
    like_item(org.bob, org.open_item)
    like_item(org.charlie, org.open_item)
    rec = recommended(org.dana)[org.open_item]
    assert rec.reason == "liked by 2 of your contacts"


def test_items_tagged_with_a_followed_tag_say_so(org):
    follow_tag(org.dana, "kubernetes")
    assert recommended(org.dana)[org.open_item].reason == "tagged kubernetes, which you follow"


def test_items_on_a_topic_the_person_knows_say_so(org):
    tag_person(org.bob, org.dana, "kubernetes")
    refresh(org)
    assert recommended(org.dana)[org.open_item].reason == "tagged kubernetes, which you know about"


def test_new_items_in_my_communities_say_where(org):
    join_place(org.dana, org.guild)
    assert recommended(org.dana)[org.open_item].reason == "new in Platform Guild"


def test_items_by_contacts_name_them(org):
    connect(org.dana, org.alice)
    assert recommended(org.dana)[org.open_item].reason == (
        "by Alice Andersson, one of your contacts"
    )


def test_seen_items_are_left_out(org):
    follow_tag(org.dana, "kubernetes")
    join_place(org.dana, org.guild)
    items = [topic(org.alice, org.guild, f"Kubernetes {n}", "kubernetes") for n in range(6)]
    like_item(org.dana, items[0])
    save_item(org.dana, items[1])
    reply_to_item(org.dana, items[2], "Interesting.")
    actions.mark_seen(org.dana, items[3])
    actions.dismiss_recommendation(org.dana, items[4])
    mine = topic(org.dana, org.guild, "My own", "kubernetes")
    found = recommended(org.dana)
    assert items[5] in found
    assert not {*items[:5], mine} & set(found)


def test_restricted_items_are_never_recommended(org):
    connect(org.dana, org.bob)
    follow_tag(org.dana, "falcon")
    like_item(org.alice, org.secret_item)
    connect(org.dana, org.alice)
    assert org.secret_item not in recommended(org.dana)
    assert org.secret_item not in recommended(org.charlie)


def test_private_items_are_never_recommended(org):
    connect(org.dana, org.bob)
    private = create_item(org.bob, org.bob.board, kind=Item.Kind.BOOKMARK, title="Mine",
                          body="", private=True)  # fmt: skip
    assert private not in recommended(org.dana)


def test_stronger_reasons_rank_higher(org):
    follow_tag(org.dana, "kubernetes")
    join_place(org.dana, org.guild)
    plain = topic(org.alice, org.guild, "Lunch menu")
    order = list(recommended(org.dana))
    assert order.index(org.open_item) < order.index(plain)


def test_recommendations_take_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    connect(org.dana, org.alice)
    follow_tag(org.dana, "kubernetes")
    join_place(org.dana, org.guild)
    for n in range(5):
        like_item(org.alice, topic(org.alice, org.guild, f"T{n}", "kubernetes"))
    # At most: 9 source queries, one per interesting tag, and three rounds of reading.
    with django_assert_max_num_queries(11):
        found = recommendations(org.dana, limit=20)
        assert [r.item.author.name for r in found]
        assert [r.item.place.name for r in found]
