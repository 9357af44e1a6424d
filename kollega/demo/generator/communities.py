"""Communities and the organisation place, with who belongs where and since when.

Membership follows the network: a community starts with an owner who cares about its topic,
then grows through the owner's and members' contacts and through people interested in the
topic, the way communities spread by word of mouth. Community sizes and activity are
heavy-tailed, and some communities go dormant ("content Darwinism" needs some to sink).

Times are seconds from the start of the demo window (see content.WINDOW).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from itertools import accumulate

from django.utils.text import slugify

from kollega.demo.generator import catalogue, names
from kollega.demo.generator.expertise import Profile
from kollega.demo.generator.org import Org

DAY = 86_400
WINDOW = 730 * DAY  # the demo's content spans the two years before "now"

OPEN, MODERATED, RESTRICTED = "open", "moderated", "restricted"


@dataclass
class PlaceSpec:
    kind: str  # community or organisation (boards are made per person by the seed)
    slug: str
    name: str
    description: str
    access: str
    created: int
    topics: list[str]
    dormant_at: int = WINDOW
    weight: float = 1.0
    # (person index, role, joined) in order of joining; the first is the creator.
    members: list[tuple[int, str, int]] = field(default_factory=list)
    # For picking an author among those who had joined by a given time.
    joined: list[int] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)


def _founded(rng: random.Random) -> int:
    # Most communities were created when the intranet launched; the rest over time.
    if rng.random() < 0.6:
        return rng.randrange(0, 90 * DAY)
    return rng.randrange(0, WINDOW - 60 * DAY)


def _names(rng: random.Random, count: int, org: Org) -> list[tuple[str, list[str]]]:
    """(name, topics) for each community: topic communities plus some social ones."""
    depts = [p.department for p in org.people if p.department is not None]
    result: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    social = list(catalogue.SOCIAL_COMMUNITIES)
    while len(result) < count:
        if social and rng.random() < 0.15:
            name, tags = social.pop(0)
            topics = tags.split()
        else:
            dept = rng.choice(depts)
            topic = rng.choice(dept.topics)
            others = [t for t in dept.topics if t != topic]
            topics = [topic, *rng.sample(others, min(len(others), rng.randint(0, 2)))]
            suffix = rng.choice(catalogue.COMMUNITY_SUFFIXES)
            name = f"{catalogue.topic_label(topic)} {suffix}"
            if slugify(name) in seen:
                name = f"{name} {rng.choice(names.CITIES).city}"
        if slugify(name) in seen:
            continue
        seen.add(slugify(name))
        result.append((name, topics))
    return result


def _grow(rng, spec: PlaceSpec, owner: int, target: int, interested, neighbours, n) -> None:
    members = {owner}
    order = [owner]
    attempts = 0
    while len(order) < target and attempts < target * 6:
        attempts += 1
        r = rng.random()
        if r < 0.55:
            contacts = neighbours[rng.choice(order)]
            candidate = rng.choice(contacts) if contacts else rng.randrange(n)
        elif r < 0.9 and interested:
            candidate = rng.choice(interested)
        else:
            candidate = rng.randrange(n)
        if candidate not in members:
            members.add(candidate)
            order.append(candidate)
    spec.members.append((owner, "owner", spec.created))
    span = max(1, spec.dormant_at - spec.created)
    for rank, person in enumerate(order[1:]):
        role = "owner" if rank < 1 and len(order) > 8 else "editor" if rank < 3 else "member"
        # Founding members join within two days; later ones over the community's life,
        # more of them early on.
        if rank < len(order) * 0.3:
            joined = spec.created + rng.randrange(2 * DAY)
        else:
            joined = spec.created + int(span * rng.random() ** 2)
        spec.members.append((person, role, min(joined, WINDOW - 3600)))
    spec.members[1:] = sorted(spec.members[1:], key=lambda m: m[2])


def build_communities(
    seed: int, org: Org, found: list[Profile], neighbours: list[list[int]]
) -> list[PlaceSpec]:
    rng = random.Random(f"{seed}:communities")
    n = len(org.people)
    count = max(3, n // 25)
    by_topic: dict[str, list[int]] = {}
    for person, profile in zip(org.people, found, strict=True):
        for topic in profile.interests:
            by_topic.setdefault(topic, []).append(person.index)
    places = []
    for c, (name, topics) in enumerate(_names(rng, count, org)):
        access = (OPEN, MODERATED, RESTRICTED)[c] if c < 3 else rng.choices(
            (OPEN, MODERATED, RESTRICTED), (70, 20, 10)
        )[0]  # fmt: skip
        created = _founded(rng)
        dormant = WINDOW
        if rng.random() < 0.25:
            dormant = min(WINDOW, created + rng.randrange(60 * DAY, 400 * DAY))
        labels = ", ".join(catalogue.topic_label(t) for t in topics)
        spec = PlaceSpec(
            kind="community",
            slug=slugify(name),
            name=name,
            description=f"A place for everyone at Lumen working with **{labels}**: "
            "questions, how-tos, news and people to ask.",
            access=access,
            created=created,
            topics=topics,
            dormant_at=dormant,
            weight=rng.lognormvariate(0, 1.2),
        )
        interested = sorted({i for t in topics for i in by_topic.get(t, [])})
        owner = rng.choice(interested) if interested else rng.randrange(n)
        target = max(3, min(int(n * 0.3), int(rng.lognormvariate(math.log(15), 1.0))))
        _grow(rng, spec, owner, target, interested, neighbours, n)
        places.append(spec)
    _include_demo(rng, places, org.demo)
    for spec in places:
        index_cumulative(spec, org)
    return places


def _include_demo(rng: random.Random, places: list[PlaceSpec], demo: int) -> None:
    """ "demo" belongs to at least three communities, one of them restricted."""
    mine = [p for p in places if any(m[0] == demo for m in p.members)]
    wanted = [p for p in places if p.access == RESTRICTED][:1] + places[:3]
    for spec in wanted:
        if len(mine) >= 3 and any(p.access == RESTRICTED for p in mine):
            break
        if spec not in mine:
            spec.members.insert(1, (demo, "member", spec.created + rng.randrange(DAY)))
            spec.members[1:] = sorted(spec.members[1:], key=lambda m: m[2])
            mine.append(spec)


def index_cumulative(spec: PlaceSpec, org: Org) -> None:
    spec.joined = [m[2] for m in spec.members]
    spec.cumulative = list(accumulate(org.people[m[0]].activity for m in spec.members))


def organisation_place(seed: int, org: Org) -> PlaceSpec:
    """Official news: owned by the head of communications, written by a few editors."""
    rng = random.Random(f"{seed}:organisation")
    comms = [p.index for p in org.people if p.department and p.department.name == "Communications"]
    owner = next((i for i in comms if org.people[i].level == "department-head"), 0)
    pool = [i for i in comms if i != owner] or [p.index for p in org.people if p.level == "member"]
    editors = rng.sample(pool, min(len(pool), 4))
    spec = PlaceSpec(
        kind="organisation",
        slug="organisation",
        name=f"{names.COMPANY} news",
        description="Official news from Lumen's communications team.",
        access=OPEN,
        created=0,
        topics=list(catalogue.GENERAL_TOPICS),
    )
    spec.members.append((owner, "owner", 0))
    for e in editors:
        spec.members.append((e, "editor", rng.randrange(DAY)))
    spec.members[1:] = sorted(spec.members[1:], key=lambda m: m[2])
    index_cumulative(spec, org)
    return spec
