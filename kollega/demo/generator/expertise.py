"""Who knows what: everyone's interests and the planted experts.

A later search issue measures "does Kollega find the person who can answer?" against this
ground truth, so it is a pure function of the seed and the people: ``expertise(seed, people)``
names the true experts and their 1-3 topics. The seed makes those experts visible the way
real ones are: they tag themselves with the topic, colleagues tag them with it, they write
about it and they answer the questions tagged with it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kollega.demo.generator import catalogue
from kollega.demo.generator.org import PersonSpec

EXPERT_SHARE = 0.07


@dataclass(frozen=True)
class Profile:
    interests: tuple[str, ...]  # topics the person writes and reads about, expertise first
    expert_in: tuple[str, ...]  # empty for most people


def _vocabulary(person: PersonSpec) -> tuple[str, ...]:
    if person.department is not None:
        return person.department.topics
    return tuple(catalogue.GENERAL_TOPICS)


def profiles(seed: int, people: list[PersonSpec]) -> list[Profile]:
    """One Profile per person, in the order of ``people``."""
    rng = random.Random(f"{seed}:expertise")
    result = []
    for person in people:
        vocab = _vocabulary(person)
        expert_in: tuple[str, ...] = ()
        if person.level != "admin" and rng.random() < EXPERT_SHARE:
            expert_in = tuple(rng.sample(vocab, min(len(vocab), rng.choice((1, 1, 2, 2, 3)))))
        others = [t for t in vocab if t not in expert_in]
        interests = list(expert_in) + rng.sample(others, min(len(others), rng.randint(2, 4)))
        if rng.random() < 0.5:
            general = rng.choice(catalogue.GENERAL_TOPICS)
            if general not in interests:
                interests.append(general)
        result.append(Profile(tuple(interests), expert_in))
    return result


def expertise(seed: int, people: list[PersonSpec]) -> dict[str, list[str]]:
    """The planted ground truth: username -> the topics that person is a true expert in."""
    return {
        person.username: list(profile.expert_in)
        for person, profile in zip(people, profiles(seed, people), strict=True)
        if profile.expert_in
    }


def experts_by_topic(people: list[PersonSpec], found: list[Profile]) -> dict[str, list[int]]:
    """topic -> indexes of the people who are experts in it."""
    by_topic: dict[str, list[int]] = {}
    for person, profile in zip(people, found, strict=True):
        for topic in profile.expert_in:
            by_topic.setdefault(topic, []).append(person.index)
    return by_topic
