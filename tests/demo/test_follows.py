"""Follows and the planted heavy user "hub": planned without a database, then as rows."""

from collections import Counter

import pytest

from kollega.activity.models import Event
from kollega.demo.generator.follows import (
    HUB_COMMUNITIES,
    MAX_COLLEAGUES,
    hub_contacts,
    plan_follows,
)
from kollega.demo.generator.world import build_world
from kollega.network.models import Contact, Follow
from kollega.people.models import Person
from kollega.places.models import Membership


@pytest.fixture(scope="module")
def world():
    return build_world(1, 2000)


def test_hub_has_900_plus_contacts_and_follows_50_communities(world):
    org = world.org
    assert org.people[org.hub].username == "hub" and org.people[org.hub].level == "member"
    extra = [other for other, _at in hub_contacts(world)]
    assert not set(extra) & set(world.neighbours[org.hub]) and org.hub not in extra
    assert len(extra) + len(world.neighbours[org.hub]) >= 900
    places = [f for f in plan_follows(world) if f.follower == org.hub and f.kind == "place"]
    assert len(places) == HUB_COMMUNITIES


def test_people_follow_colleagues_communities_they_have_not_joined_and_their_topics(world):
    follows = plan_follows(world)
    assert follows == plan_follows(world)  # deterministic
    per_person = Counter(f.follower for f in follows if f.kind == "person")
    assert max(per_person.values()) <= MAX_COLLEAGUES
    assert len(per_person) > len(world.org.people) // 2
    for f in follows:
        if f.kind == "person":
            assert f.target != f.follower
        elif f.kind == "place":
            spec = world.communities[f.target]
            assert spec.access != "restricted"
            assert f.follower not in {m[0] for m in spec.members}
        else:
            assert f.target in world.profiles[f.follower].interests
    keys = [(f.follower, f.kind, f.target) for f in follows]
    assert len(keys) == len(set(keys))
    demo = Counter(f.kind for f in follows if f.follower == world.org.demo)
    assert demo["person"] >= 3 and demo["place"] >= 1 and demo["tag"] >= 2


@pytest.mark.usefixtures("seeded", "db")
def test_the_seed_writes_follows_hub_contacts_and_their_events():
    hub = Person.objects.get(username="hub")
    assert hub.board.slug == "board-hub" and hub.email.startswith("hub@")
    others = Person.objects.exclude(pk=hub.pk).count()
    assert Contact.objects.filter(person=hub).count() == others  # 60 people: everyone
    assert Contact.objects.filter(other=hub).count() == others
    demo = Person.objects.get(username="demo")
    assert Follow.objects.filter(follower=demo, person__isnull=False).count() >= 3
    assert Follow.objects.filter(follower=demo, tag__isnull=False).count() >= 2
    follows = Follow.objects.filter(person__isnull=False)
    assert set(follows.values_list("follower_id", "person_id")) == set(
        Event.objects.filter(verb="follow").values_list("actor_id", "person_id")
    )
    joined = set(Membership.objects.values_list("person_id", "place_id"))
    followed = set(Follow.objects.filter(place__isnull=False).values_list("follower", "place"))
    assert followed and not followed & joined
    assert Follow.objects.filter(tag__isnull=False).exists()
