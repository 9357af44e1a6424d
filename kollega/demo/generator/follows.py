"""Who follows what, and the planted heavy user "hub", generated in memory.

Following is one-way interest (network.Follow): people follow some colleagues (a few, up to
about thirty; mostly contacts, some experts in what they care about), a few communities
they have not joined, and a few tags from their own topics. "hub" is a planted heavy user
for benchmarks: about 960 contacts (their own plus extra ones made here) and 50 followed
communities. "demo" always follows a few people, communities and tags, so the demo's
"following" stream has something in it.

Each plan has its own random stream, so adding or changing follows never changes the
organisation, the network or the content of a seed: the same plan can be added to a
database seeded before follows existed (bench/augment.py).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from kollega.demo.generator.communities import DAY, RESTRICTED, WINDOW
from kollega.demo.generator.world import World

HUB_CONTACTS = 960
HUB_COMMUNITIES = 50
MAX_COLLEAGUES = 30


@dataclass(frozen=True)
class FollowSpec:
    follower: int  # person index
    kind: str  # "person", "place" (a community index) or "tag" (a topic name)
    target: int | str
    at: int  # seconds into the window


def hub_contacts(world: World) -> list[tuple[int, int]]:
    """The contacts "hub" makes beyond their own network: (other person index, accepted at)."""
    hub = world.org.hub
    if hub is None:
        return []
    rng = random.Random(f"{world.seed}:hub")
    known = set(world.neighbours[hub]) | {hub}
    candidates = [i for i in range(len(world.org.people)) if i not in known]
    wanted = max(0, HUB_CONTACTS - len(world.neighbours[hub]))
    chosen = sorted(rng.sample(candidates, min(wanted, len(candidates))))
    return [(other, rng.randrange(DAY, WINDOW - 2 * DAY)) for other in chosen]


def _when(rng: random.Random) -> int:
    return rng.randrange(DAY, WINDOW - DAY)


def _members(world: World) -> list[set[int]]:
    """Per person index, the community indexes they belong to."""
    belongs: list[set[int]] = [set() for _p in world.org.people]
    for c, spec in enumerate(world.communities):
        for person, _role, _joined in spec.members:
            belongs[person].add(c)
    return belongs


def plan_follows(world: World) -> list[FollowSpec]:
    rng = random.Random(f"{world.seed}:follows")
    org = world.org
    belongs = _members(world)
    readable = [c for c, spec in enumerate(world.communities) if spec.access != RESTRICTED]
    by_topic: dict[str, list[int]] = {}
    for c in readable:
        for topic in world.communities[c].topics:
            by_topic.setdefault(topic, []).append(c)
    follows: list[FollowSpec] = []
    for person, profile in zip(org.people, world.profiles, strict=True):
        me = person.index
        demo = me == org.demo
        # Colleagues: a heavy-tailed few, mostly contacts, some experts in my topics.
        wanted = 5 if demo else min(MAX_COLLEAGUES, int(rng.lognormvariate(math.log(4), 0.9)))
        experts = sorted({e for t in profile.interests for e in world.experts.get(t, ())} - {me})
        contacts = world.neighbours[me]
        chosen: list[int] = []
        for _try in range(wanted * 3):
            if len(chosen) >= wanted:
                break
            pool = experts if experts and (not contacts or rng.random() < 0.3) else contacts
            if not pool:
                break
            other = rng.choice(pool)
            if other != me and other not in chosen:
                chosen.append(other)
        follows.extend(FollowSpec(me, "person", other, _when(rng)) for other in chosen)
        # Communities I have not joined: about my topics, "hub" follows fifty of any.
        if me == org.hub:
            pool = [c for c in readable if c not in belongs[me]]
            places = rng.sample(pool, min(HUB_COMMUNITIES, len(pool)))
        else:
            pool = sorted({c for t in profile.interests for c in by_topic.get(t, ())}
                          - belongs[me])  # fmt: skip
            count = 3 if demo else rng.choice((0, 0, 1, 1, 2, 3, 4))
            places = rng.sample(pool, min(count, len(pool)))
        follows.extend(FollowSpec(me, "place", c, _when(rng)) for c in places)
        # Tags: a few of my own topics, expertise first.
        count = 3 if demo else rng.choice((0, 1, 1, 2, 3))
        follows.extend(FollowSpec(me, "tag", t, _when(rng)) for t in profile.interests[:count])
    return follows
