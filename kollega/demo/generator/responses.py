"""Who replies to, likes and saves an item, and when.

Responses come through the network: mostly the author's contacts (and the board owner's, for
a post on someone's board), the place's members, and now and then someone from anywhere.
Questions draw the planted experts on their topic, who answer; the person asked on their
board usually answers first; askers often follow up. What experts write on their own topics
draws more likes and saves. In a restricted community only members respond, because only
members can read it.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field

from kollega.demo.generator import text
from kollega.demo.generator.communities import DAY, WINDOW, PlaceSpec
from kollega.demo.generator.world import World

HOUR = 3600
# Average replies, likes and saves by kind; rounded-down exponential draws keep most items
# quiet and a few busy.
REPLIES = {"status": 0.9, "post": 1.6, "topic": 2.0, "question": 2.0, "blog": 1.3, "wiki": 0.5,
           "bookmark": 0.5, "idea": 1.6, "news": 2.5}  # fmt: skip
LIKES = {"status": 2.2, "post": 1.0, "topic": 1.5, "question": 1.2, "blog": 3.0, "wiki": 1.2,
         "bookmark": 1.4, "idea": 3.0, "news": 9.0}  # fmt: skip
SAVES = {"status": 0.15, "post": 0.2, "topic": 0.3, "question": 0.4, "blog": 0.6, "wiki": 0.9,
         "bookmark": 1.0, "idea": 0.3, "news": 0.5}  # fmt: skip
# How many more likes and saves an expert's item on their own topic draws, on average.
EXPERT_APPEAL = 2.0
LAST = WINDOW - 60


@dataclass
class Responses:
    replies: list[tuple[int, int, str, bool]] = field(
        default_factory=list
    )  # who, when, text, expert
    likes: list[tuple[int, int]] = field(default_factory=list)
    saves: list[tuple[int, int]] = field(default_factory=list)
    accepted: tuple[int, int] | None = None  # (index into replies, when) for a question


class Responder:
    def __init__(self, world: World, rng: random.Random):
        self.world = world
        self.rng = rng
        self.n = len(world.org.people)
        self.neighbours = world.neighbours
        self._member_sets: dict[int, set[int]] = {}

    def _members(self, spec: PlaceSpec) -> set[int]:
        found = self._member_sets.get(id(spec))
        if found is None:
            found = self._member_sets[id(spec)] = {m[0] for m in spec.members}
        return found

    def board_to_ask(self, author: int) -> int | None:
        """Whose board a post goes on: sometimes an expert on the author's topic, else a contact."""
        rng = self.rng
        if rng.random() < 0.3:
            topic = rng.choice(self.world.profiles[author].interests)
            experts = [e for e in self.world.experts.get(topic, ()) if e != author]
            if experts:
                return rng.choice(experts)
        contacts = self.neighbours[author]
        return rng.choice(contacts) if contacts else None

    def _candidate(self, author: int, owner: int | None, spec, known: int, restricted: bool):
        rng = self.rng
        if restricted:
            return spec.members[rng.randrange(known)][0]
        r = rng.random()
        if spec is not None and known and r < 0.45:
            return spec.members[rng.randrange(known)][0]
        if r < 0.85:
            whose = owner if owner is not None and owner != author and r < 0.65 else author
            contacts = self.neighbours[whose]
            if contacts:
                return rng.choice(contacts)
        return rng.randrange(self.n)

    def _experts(self, topic: str, author: int, spec, restricted: bool) -> list[int]:
        experts = [e for e in self.world.experts.get(topic, ()) if e != author]
        if restricted:
            members = self._members(spec)
            experts = [e for e in experts if e in members]
        if not experts:
            return []
        return self.rng.sample(experts, min(len(experts), 1 if self.rng.random() < 0.8 else 2))

    def respond(self, kind, author, owner, spec, topic, t, restricted) -> Responses:
        rng = self.rng
        known = bisect_right(spec.joined, t) if spec is not None else 0
        out = Responses()
        count = int(rng.expovariate(1 / REPLIES[kind]))
        first: list[tuple[int, bool]] = []
        if kind == "question" and rng.random() < 0.75 or kind == "topic" and rng.random() < 0.3:
            first = [(e, True) for e in self._experts(topic, author, spec, restricted)]
        if kind == "post" and owner is not None and rng.random() < 0.7:
            first.insert(0, (owner, owner in self.world.experts.get(topic, ())))
        repliers = first + [
            (self._candidate(author, owner, spec, known, restricted), False)
            for _i in range(max(0, count - len(first)))
        ]
        if repliers and kind in ("question", "post") and rng.random() < 0.4:
            repliers.append((author, False))  # the asker follows up
        now = t
        for person, expert in repliers:
            now += 120 + int(rng.expovariate(1 / (4 * HOUR)))
            if now > LAST:
                break
            out.replies.append((person, now, text.reply_body(rng, topic, expert), expert))
        if kind == "question":
            out.accepted = self._accept(author, out.replies)
        # What an expert writes on their topic is more useful, and people show it.
        appeal = EXPERT_APPEAL if topic in self.world.profiles[author].expert_in else 1.0
        out.likes = self._distinct(author, owner, spec, known, restricted, appeal * LIKES[kind],
                                   t, DAY)  # fmt: skip
        out.saves = self._distinct(author, owner, spec, known, restricted, appeal * SAVES[kind],
                                   t, 3 * DAY)  # fmt: skip
        return out

    def _accept(self, author: int, replies) -> tuple[int, int] | None:
        """The asker accepts an expert's answer most of the time, someone else's sometimes."""
        rng = self.rng
        others = [i for i, reply in enumerate(replies) if reply[0] != author]
        experts = [i for i in others if replies[i][3]]
        if experts and rng.random() < 0.7:
            chosen = experts[0]
        elif others and rng.random() < 0.2:
            chosen = others[0]
        else:
            return None
        return chosen, min(LAST, replies[chosen][1] + 600 + int(rng.expovariate(1 / (6 * HOUR))))

    def _distinct(self, author, owner, spec, known, restricted, mean, t, delay):
        rng = self.rng
        count = int(rng.expovariate(1 / mean))
        if not count:
            return []
        chosen: dict[int, int] = {}
        for _attempt in range(count * 3):
            person = self._candidate(author, owner, spec, known, restricted)
            if person != author and person not in chosen:
                chosen[person] = min(LAST, t + 60 + int(rng.expovariate(1 / delay)))
                if len(chosen) == count:
                    break
        return list(chosen.items())
