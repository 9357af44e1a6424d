"""The seed's phases besides content: people, network, profile tags, communities, follows.

Each phase turns part of the generated World into rows of exactly the shape the actions
layer writes (people.actions.create_person, tag_person, places.actions.create_community,
join_place, add_member), including their Events, but in bulk.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from kollega.core import markdown
from kollega.demo import writer
from kollega.demo.generator import catalogue, text
from kollega.demo.generator import follows as follows_plan
from kollega.demo.generator.communities import DAY, OPEN, WINDOW, PlaceSpec
from kollega.demo.generator.world import World
from kollega.people.actions import board_slug, get_or_create_location, get_or_create_org_unit

DEMO_PASSWORD = "kollega-demo"  # noqa: S105 - the published password of the demo accounts


@dataclass
class Seeding:
    world: World
    next_id: dict[str, int]
    when: object  # seconds into the window -> database value
    person_ids: list[int] = field(default_factory=list)
    board_ids: list[int] = field(default_factory=list)
    tag_ids: dict[str, int] = field(default_factory=dict)
    community_ids: list[int] = field(default_factory=list)
    organisation_id: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    content_counts: dict[str, int] = field(default_factory=dict)
    content_activity: dict[int, int] = field(default_factory=dict)  # place id -> latest

    def take(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value


def _units(world: World) -> list[int]:
    """Org units through the action helper (it reuses a unit whose slug already exists)."""
    created = []
    for unit in world.org.units:
        parent = created[unit.parent] if unit.parent is not None else None
        created.append(get_or_create_org_unit(unit.name, parent=parent))
    return [u.pk for u in created]


def _event(s: Seeding, actor, verb, *, item=None, place=None, person=None, data=None, at):
    return (s.take("activity.Event"), actor, verb, item, None, place, person,
            json.dumps(data or {}), at)  # fmt: skip


def people(s: Seeding, progress) -> None:
    from kollega.core.tags import get_or_create_tags

    world = s.world
    rng = random.Random(f"{world.seed}:people")
    unit_ids = _units(world)
    location_ids = {
        city: get_or_create_location(city.country, city.city, city.time_zone).pk
        for city in {p.city for p in world.org.people}
    }
    s.tag_ids = {t.name: t.pk for t in get_or_create_tags(catalogue.all_topics())}
    password = make_password(DEMO_PASSWORD)  # hashed once: PBKDF2 per user would take hours
    first_user = s.next_id["auth.User"]
    s.person_ids = [s.take("people.Person") for _p in world.org.people]
    users, persons, boards, memberships = [], [], [], []
    for person, profile in zip(world.org.people, world.profiles, strict=True):
        joined = -rng.randrange(DAY, 60 * DAY)  # profiles exist before the content starts
        at = s.when(joined)
        user_id = first_user + person.index
        admin = person.level == "admin"
        users.append((user_id, password, None, admin, person.username, "", "", person.email,
                      admin, True, at))  # fmt: skip
        about = text.about(rng, person, list(profile.interests), 2015 + rng.randrange(10))
        manager = s.person_ids[person.manager] if person.manager is not None else None
        persons.append((s.person_ids[person.index], user_id, person.username, person.name,
                        person.email, person.job_title, unit_ids[person.unit],
                        location_ids[person.city], manager, person.phone, about,
                        markdown.render(about), "", person.name.lower(), at))  # fmt: skip
        board = s.take("places.Place")
        s.board_ids.append(board)
        boards.append((board, "board", board_slug(person.username), person.name, "", "", OPEN,
                       s.person_ids[person.index], at, at, 1))  # fmt: skip
        memberships.append((s.take("places.Membership"), board, s.person_ids[person.index],
                            "owner", at))  # fmt: skip
        progress.update(1)
    s.next_id["auth.User"] = first_user + len(users)
    for table, rows in (("auth.User", users), ("people.Person", persons),
                        ("places.Place", boards), ("places.Membership", memberships)):  # fmt: skip
        writer.insert(table, rows)
    s.counts["people"] = len(persons)


def network(s: Seeding, progress) -> None:
    """The contact network as accepted invitations: invite, accept, two Contact rows, and the
    "invite" and "connect" events network.actions records. Most contacts are made in the
    intranet's first months."""
    rng = random.Random(f"{s.world.seed}:contacts")
    invitations, contacts, events = [], [], []
    for a, b in s.world.edges:
        sender, recipient = (a, b) if rng.random() < 0.5 else (b, a)
        sent = int(120 * DAY * rng.random() ** 2)
        accepted = sent + 60 + int(rng.expovariate(1 / DAY))
        sender_id, recipient_id = s.person_ids[sender], s.person_ids[recipient]
        invitation = s.take("network.Invitation")
        sent_at, accepted_at = s.when(sent), s.when(accepted)
        invitations.append((invitation, sender_id, recipient_id, "", "accepted", sent_at,
                            accepted_at))  # fmt: skip
        contacts.append((s.take("network.Contact"), sender_id, recipient_id, accepted_at))
        contacts.append((s.take("network.Contact"), recipient_id, sender_id, accepted_at))
        data = {"invitation": invitation}
        events.append(_event(s, sender_id, "invite", person=recipient_id, data=data, at=sent_at))
        events.append(_event(s, recipient_id, "connect", person=sender_id, data=data,
                             at=accepted_at))  # fmt: skip
        if len(contacts) >= 100_000:
            progress.update(len(contacts) // 2)
            _flush_network(invitations, contacts, events)
    progress.update(len(contacts) // 2)
    _flush_network(invitations, contacts, events)
    s.counts["contacts"] = len(s.world.edges)
    s.counts["events"] = s.counts.get("events", 0) + 2 * len(s.world.edges)


def _flush_network(invitations, contacts, events) -> None:
    writer.insert("network.Invitation", invitations)
    writer.insert("network.Contact", contacts)
    writer.insert("activity.Event", events)
    for rows in (invitations, contacts, events):
        rows.clear()


def profile_tags(s: Seeding, progress) -> None:
    """Self-tags from everyone's interests; colleagues tag experts with their expertise."""
    world = s.world
    rng = random.Random(f"{world.seed}:person-tags")
    rows, events = [], []
    for person, profile in zip(world.org.people, world.profiles, strict=True):
        groups: list[tuple[int, list[str]]] = []
        mine = list(profile.expert_in) + [
            t for t in profile.interests[: rng.randint(2, 4)] if t not in profile.expert_in
        ]
        groups.append((person.index, mine))
        contacts = world.neighbours[person.index]
        if profile.expert_in:
            taggers = rng.sample(contacts, min(len(contacts), rng.randint(3, 12)))
            for tagger in taggers:
                given = rng.sample(profile.expert_in, rng.randint(1, len(profile.expert_in)))
                if rng.random() < 0.2:
                    given.append(rng.choice(profile.interests))
                groups.append((tagger, list(dict.fromkeys(given))))
        elif contacts and rng.random() < 0.4:
            for tagger in rng.sample(contacts, min(len(contacts), rng.randint(1, 2))):
                groups.append((tagger, [rng.choice(profile.interests)]))
        target = s.person_ids[person.index]
        for tagger, tags in groups:
            at = s.when(rng.randrange(0, WINDOW - DAY))
            tagger_id = s.person_ids[tagger]
            for tag in tags:
                rows.append((s.take("people.PersonTag"), target, tagger_id, s.tag_ids[tag], at))
            events.append(_event(s, tagger_id, "tag", person=target, data={"tags": tags}, at=at))
        progress.update(1)
    writer.insert("people.PersonTag", rows)
    writer.insert("activity.Event", events)
    s.counts["person tags"] = len(rows)
    s.counts["events"] = s.counts.get("events", 0) + len(events)


def _place_rows(s: Seeding, spec: PlaceSpec, place_id: int, places, place_tags, members, events):
    created = s.when(spec.created)
    places.append((place_id, spec.kind, spec.slug, spec.name, spec.description,
                   text.html(spec.description), spec.access, None, created, created,
                   len(spec.members)))  # fmt: skip
    if spec.kind == "community":
        for topic in spec.topics:
            place_tags.append((s.take("places.Place_tags"), place_id, s.tag_ids[topic]))
    creator = s.person_ids[spec.members[0][0]]
    events.append(_event(s, creator, "create", place=place_id, at=created))
    for index, (person, role, joined) in enumerate(spec.members):
        at = s.when(joined)
        person_id = s.person_ids[person]
        members.append((s.take("places.Membership"), place_id, person_id, role, at))
        if index == 0:
            continue  # the creator's membership comes with the "create" event
        if spec.access == OPEN and role == "member" and spec.kind == "community":
            events.append(_event(s, person_id, "join", place=place_id, at=at))  # join_place
        else:  # add_member: the owner let them in, with a role
            events.append(_event(s, creator, "join", place=place_id, person=person_id,
                                 data={"role": role}, at=at))  # fmt: skip


def communities(s: Seeding, progress) -> None:
    world = s.world
    places, place_tags, members, events = [], [], [], []
    s.organisation_id = s.take("places.Place")
    _place_rows(s, world.organisation, s.organisation_id, places, place_tags, members, events)
    for spec in world.communities:
        place_id = s.take("places.Place")
        s.community_ids.append(place_id)
        _place_rows(s, spec, place_id, places, place_tags, members, events)
        progress.update(1)
    writer.insert("places.Place", places)
    writer.insert("places.Place_tags", place_tags)
    writer.insert("places.Membership", members)
    writer.insert("activity.Event", events)
    s.counts["communities"] = len(world.communities)
    s.counts["memberships"] = len(members)
    s.counts["events"] = s.counts.get("events", 0) + len(events)


def hub(s: Seeding, progress, skip: set[tuple[int, int]] | None = None) -> None:
    """The extra contacts of the planted heavy user "hub", as the network phase writes
    contacts: accepted invitations, two Contact rows, the "invite" and "connect" events.
    ``skip`` holds (person id, other id) pairs already in the database (bench/augment.py)."""
    hub_index = s.world.org.hub
    if hub_index is None:
        return
    rng = random.Random(f"{s.world.seed}:hub-invitations")
    invitations, contacts, events = [], [], []
    me = s.person_ids[hub_index]
    for other, accepted in follows_plan.hub_contacts(s.world):
        other_id = s.person_ids[other]
        if skip is not None and (me, other_id) in skip:
            continue
        sender, recipient = (me, other_id) if rng.random() < 0.7 else (other_id, me)
        sent = max(0, accepted - 60 - int(rng.expovariate(1 / DAY)))
        sent_at, accepted_at = s.when(sent), s.when(accepted)
        invitation = s.take("network.Invitation")
        invitations.append((invitation, sender, recipient, "", "accepted", sent_at, accepted_at))
        contacts.append((s.take("network.Contact"), sender, recipient, accepted_at))
        contacts.append((s.take("network.Contact"), recipient, sender, accepted_at))
        data = {"invitation": invitation}
        events.append(_event(s, sender, "invite", person=recipient, data=data, at=sent_at))
        events.append(_event(s, recipient, "connect", person=sender, data=data, at=accepted_at))
        progress.update(1)
    _flush_network(invitations, contacts, events)
    s.counts["contacts"] = s.counts.get("contacts", 0) + len(contacts) // 2
    s.counts["events"] = s.counts.get("events", 0) + 2 * (len(contacts) // 2)


def follows(s: Seeding, progress, skip: set[tuple] | None = None) -> None:
    """Follow rows for everyone (generator/follows.py), and the "follow" event that
    network.actions.follow_person records for a followed person. ``skip`` holds
    (follower id, kind, target id) triples already in the database (bench/augment.py)."""
    rows, events = [], []
    for spec in follows_plan.plan_follows(s.world):
        follower = s.person_ids[spec.follower]
        at = s.when(spec.at)
        if spec.kind == "person":
            target = s.person_ids[spec.target]
            columns = (target, None, None)
        elif spec.kind == "place":
            target = s.community_ids[spec.target]
            columns = (None, target, None)
        else:
            target = s.tag_ids[spec.target]
            columns = (None, None, target)
        if skip is not None and (follower, spec.kind, target) in skip:
            continue
        rows.append((s.take("network.Follow"), follower, *columns, None, at))
        if spec.kind == "person":
            events.append(_event(s, follower, "follow", person=target, at=at))
        progress.update(1)
    writer.insert("network.Follow", rows)
    writer.insert("activity.Event", events)
    s.counts["follows"] = len(rows)
    s.counts["events"] = s.counts.get("events", 0) + len(events)
