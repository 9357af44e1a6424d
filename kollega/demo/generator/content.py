"""Items over two years, in time order, as rows ready for bulk insertion.

Item k of M is dated by a growth curve (more activity recently, as an intranet gains users),
during its author's working hours in their time zone, mostly on weekdays. Its place decides
who may write it: statuses on the author's own board, posts on a contact's board (or on an
expert's board, asking them), community content by members who had joined by then, news by
the organisation's editors. Replies, likes and saves come from responses.py.
"""

from __future__ import annotations

import random
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field

from kollega.demo.generator import catalogue, details, text
from kollega.demo.generator.communities import DAY, RESTRICTED, WINDOW, PlaceSpec
from kollega.demo.generator.responses import Responder
from kollega.demo.generator.world import World

KINDS = ("status", "post", "topic", "question", "blog", "wiki", "bookmark", "idea", "news")
KIND_WEIGHTS = (22, 10, 18, 14, 8, 7, 8, 6, 0.4)
COMMUNITY_KINDS = {"topic", "question", "blog", "wiki", "bookmark", "idea"}
# The share of a community's bookmarks on a topic that point at the community's own
# reference for it (see ContentGenerator._address).
SHARED_LINK = 0.7


@dataclass
class Ids:
    """The next primary key of each table; the seed preassigns keys to avoid reading back."""

    item: int
    itemtag: int
    reply: int
    like: int
    save: int
    event: int
    wikirevision: int = 1
    ideavote: int = 1


@dataclass
class Batch:
    items: list = field(default_factory=list)
    item_tags: list = field(default_factory=list)
    replies: list = field(default_factory=list)
    likes: list = field(default_factory=list)
    saves: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    events: list = field(default_factory=list)
    # The details of kinds that have them (see details.py).
    wiki_pages: list = field(default_factory=list)
    wiki_revisions: list = field(default_factory=list)
    ideas: list = field(default_factory=list)
    idea_votes: list = field(default_factory=list)
    news: list = field(default_factory=list)
    bookmarks: list = field(default_factory=list)


def moment(u: float) -> float:
    """Position u in [0, 1) of the item sequence -> seconds into the window.

    The density of items grows linearly (0.4 at the start to 1.4 at the end): the inverse of
    F(x) = (0.4x + x²/2) / 0.9.
    """
    return (-0.4 + (0.16 + 1.8 * u) ** 0.5) * WINDOW


class ContentGenerator:
    def __init__(
        self,
        world: World,
        *,
        person_ids,
        board_ids,
        community_ids,
        organisation_id,
        tag_ids,
        ids: Ids,
        when,
        start_weekday: int,
    ):
        self.world = world
        self.people = world.org.people
        self.person_ids = person_ids
        self.board_ids = board_ids
        self.organisation_id = organisation_id
        self.tag_ids = tag_ids
        self.ids = ids
        self.when = when
        self.start_weekday = start_weekday  # weekday (0 = Monday) of the window's first day
        self.rng = random.Random(f"{world.seed}:content")
        self.responder = Responder(world, self.rng)
        self.place_id = {
            id(spec): pid for spec, pid in zip(world.communities, community_ids, strict=True)
        }
        self.place_id[id(world.organisation)] = organisation_id
        # Latest activity per place id, for Place.last_activity_at once all items exist.
        self.place_activity: dict[int, int] = {}
        self._active: list[PlaceSpec] = []
        self._active_cumulative: list[float] = []
        self._changes = sorted(
            {c.created for c in world.communities} | {c.dormant_at for c in world.communities}
        )
        self._next_change = 0
        self.counts = dict.fromkeys(("items", "replies", "likes", "saves"), 0)
        self.details = details.Details()

    # Choosing where and who -------------------------------------------------------------

    def _refresh_active(self, t: float) -> None:
        if self._next_change < len(self._changes) and self._changes[self._next_change] <= t:
            while self._next_change < len(self._changes) and self._changes[self._next_change] <= t:
                self._next_change += 1
            self._active = [c for c in self.world.communities if c.created <= t < c.dormant_at]
            total, cumulative = 0.0, []
            for c in self._active:
                total += c.weight
                cumulative.append(total)
            self._active_cumulative = cumulative

    def _community(self) -> PlaceSpec | None:
        if not self._active:
            return None
        x = self.rng.random() * self._active_cumulative[-1]
        return self._active[bisect_right(self._active_cumulative, x)]

    def _member_author(self, spec: PlaceSpec, t: float) -> tuple[int, int] | None:
        """(author, joined) among the members who had joined by t, weighted by activity."""
        k = bisect_right(spec.joined, t)
        if k == 0:
            return None
        x = self.rng.random() * spec.cumulative[k - 1]
        person, _role, joined = spec.members[min(bisect_right(spec.cumulative, x, 0, k), k - 1)]
        return person, joined

    def _anyone(self) -> int:
        cumulative = self.world.activity_cumulative
        return bisect_right(cumulative, self.rng.random() * cumulative[-1])

    def _topic(self, author: int, spec: PlaceSpec | None) -> str:
        profile = self.world.profiles[author]
        rng = self.rng
        if spec is not None:
            shared = [t for t in profile.interests if t in spec.topics]
            return rng.choice(shared) if shared and rng.random() < 0.5 else rng.choice(spec.topics)
        if profile.expert_in and rng.random() < 0.6:
            return rng.choice(profile.expert_in)
        return rng.choice(profile.interests)

    def _address(self, spec: PlaceSpec, topic: str) -> str:
        """The page a bookmark on ``topic`` in ``spec`` points at. Colleagues share links: a
        community has its own reference for each of its topics, which most of its members'
        bookmarks point at; the rest choose among the topic's pages at random."""
        pages = text.addresses(topic)
        if self.rng.random() < SHARED_LINK:
            return pages[zlib.crc32(f"{spec.slug}:{topic}".encode()) % len(pages)]
        return self.rng.choice(pages)

    def _tags(self, author: int, topic: str, kind: str) -> list[str]:
        rng = self.rng
        if kind == "status" and rng.random() < 0.4:
            return []
        tags = [topic]
        interests = self.world.profiles[author].interests
        if rng.random() < 0.6:
            extra = rng.choice(interests)
            if extra not in tags:
                tags.append(extra)
        if rng.random() < 0.15:
            extra = rng.choice(catalogue.GENERAL_TOPICS)
            if extra not in tags:
                tags.append(extra)
        return tags

    def _place(self, kind: str, t: float):
        """(kind, author, place spec or None, board owner or None, joined) for an item at t."""
        if kind in COMMUNITY_KINDS:
            spec = self._community()
            chosen = self._member_author(spec, t) if spec is not None else None
            if chosen is not None:
                return kind, chosen[0], spec, None, chosen[1]
            kind = "status"  # no community yet: people write on their boards instead
        if kind == "news":
            author, joined = self._member_author(self.world.organisation, t) or (None, 0)
            if author is not None:
                return kind, author, self.world.organisation, None, joined
            kind = "status"
        author = self._anyone()
        if kind == "post":
            owner = self.responder.board_to_ask(author)
            if owner is not None:
                return kind, author, None, owner, 0
            kind = "status"
        return kind, author, None, author, 0

    def _time(self, t0: float, author: int, not_before: float) -> int:
        """t0's day, during the author's working hours (UTC seconds into the window)."""
        rng = self.rng
        day = int(t0 // DAY)
        weekday = (self.start_weekday + day) % 7
        shift = rng.random()
        if weekday >= 5 and shift < 0.85:  # most weekend work moves to Friday or Monday
            day += -1 if weekday == 5 else 1
        local_hour = 8 + rng.betavariate(2.2, 2.2) * 10
        t = int(day * DAY + (local_hour - self.people[author].city.utc_offset) * 3600)
        return min(max(t, int(not_before) + 60), WINDOW - 600)

    # Generating ---------------------------------------------------------------------------

    def batches(self, total: int, size: int):
        """Yield Batches of about ``size`` items until ``total`` items are made."""
        batch = Batch()
        rng = self.rng
        for k in range(total):
            t0 = moment((k + 0.5) / total)
            self._refresh_active(t0)
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            kind, author, spec, owner, joined = self._place(kind, t0)
            self._item(batch, kind, author, spec, owner, t0, joined)
            if len(batch.items) >= size:
                yield batch
                batch = Batch()
        if batch.items:
            yield batch

    def _item(self, batch: Batch, kind, author, spec, owner, t0, joined) -> None:
        rng = self.rng
        ids = self.ids
        t = self._time(t0, author, max(joined, spec.created if spec is not None else 0))
        place_id = self.place_id[id(spec)] if spec is not None else self.board_ids[owner]
        topic = self._topic(owner if kind == "post" else author, spec)
        url = self._address(spec, topic) if kind == "bookmark" else ""
        body = text.body(rng, kind, topic, url)
        item_id = ids.item
        ids.item += 1
        restricted = spec is not None and spec.access == RESTRICTED
        responses = self.responder.respond(kind, author, owner, spec, topic, t, restricted)
        last = t
        author_id = self.person_ids[author]
        at = self.when
        accepted, accept_t = responses.accepted or (None, None)
        first_reply = None
        for index, (person, reply_t, reply_text, _expert) in enumerate(responses.replies):
            reply_id = ids.reply
            ids.reply += 1
            when = at(reply_t)
            if first_reply is None and person != author:
                first_reply = when  # the clock for time to first reply stops here
            accepted_at = at(accept_t) if index == accepted else None
            batch.replies.append(
                (
                    reply_id,
                    item_id,
                    self.person_ids[person],
                    reply_text,
                    text.html(reply_text),
                    when,
                    when,
                    None,
                    accepted_at,
                )
            )
            batch.events.append(
                (
                    ids.event,
                    self.person_ids[person],
                    "reply",
                    item_id,
                    reply_id,
                    place_id,
                    None,
                    "{}",
                    when,
                )
            )
            ids.event += 1
            if accepted_at is not None:
                batch.events.append(
                    (
                        ids.event,
                        author_id,
                        "accept-answer",
                        item_id,
                        reply_id,
                        place_id,
                        self.person_ids[person],
                        "{}",
                        accepted_at,
                    )
                )
                ids.event += 1
            last = max(last, reply_t)
        if kind == "question":
            batch.questions.append(
                (
                    item_id,
                    "open" if accepted is None else "answered",
                    at(t),
                    first_reply,
                    None if accepted is None else at(accept_t),
                )
            )
        for person, like_t in responses.likes:
            when = at(like_t)
            batch.likes.append((ids.like, item_id, self.person_ids[person], when))
            ids.like += 1
            batch.events.append(
                (
                    ids.event,
                    self.person_ids[person],
                    "like",
                    item_id,
                    None,
                    place_id,
                    None,
                    "{}",
                    when,
                )
            )
            ids.event += 1
        for person, save_t in responses.saves:
            when = at(save_t)
            batch.saves.append((ids.save, item_id, self.person_ids[person], when))
            ids.save += 1
            batch.events.append(
                (
                    ids.event,
                    self.person_ids[person],
                    "save",
                    item_id,
                    None,
                    place_id,
                    None,
                    "{}",
                    when,
                )
            )
            ids.event += 1
        created = at(t)
        title = text.title(rng, kind, topic)
        batch.items.append(
            (
                item_id,
                kind,
                author_id,
                place_id,
                title,
                body,
                text.html(body),
                created,
                created,
                at(last),
                len(responses.replies),
                len(responses.likes),
                None,
            )
        )
        batch.events.append(
            (ids.event, author_id, "create", item_id, None, place_id, None, "{}", created)
        )
        ids.event += 1
        for tag in self._tags(author, topic, kind):
            batch.item_tags.append((ids.itemtag, item_id, self.tag_ids[tag], at(last)))
            ids.itemtag += 1
        if kind in details.KINDS:
            voters = [self.person_ids[person] for person, _t in responses.likes]
            liked = [at(like_t) for _person, like_t in responses.likes]
            self.details.add(batch, ids, kind, item_id, place_id, author_id, title, body,
                             created, list(zip(voters, liked, strict=True)))  # fmt: skip
        if last > self.place_activity.get(place_id, -1):
            self.place_activity[place_id] = last
        counts = self.counts
        counts["items"] += 1
        counts["replies"] += len(responses.replies)
        counts["likes"] += len(responses.likes)
        counts["saves"] += len(responses.saves)
