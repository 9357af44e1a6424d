"""The demo organisation's contact network, generated in memory.

There is no Contact model yet (it arrives with the network issue), so nothing here is
written to the database. The seed still uses the network to decide who tags whom, who
replies to and likes whose items and who joins which community, so the content already
reflects it; the network issue can persist exactly these edges with ``contact_edges``.

How it is made: every person has a "sociability" weight drawn from a lognormal distribution
(median ~22, a tail to several hundred). Each person opens about half their weight in
contacts, choosing each partner from their team, department, city or the whole company, and
within that pool in proportion to the partner's own weight (preferential attachment, the
Chung-Lu way). Degrees then follow the weights: most people have tens of contacts, a few
hubs several hundred, and contacts cluster in teams and offices as they do in life.
Everyone is also connected to their manager.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from itertools import accumulate

from kollega.demo.generator.org import PersonSpec

# Where each new contact is looked for; the rest of the time, anywhere in the company.
P_TEAM, P_DEPARTMENT, P_CITY = 0.35, 0.2, 0.15


class _Pool:
    """People to pick from in proportion to their weight."""

    __slots__ = ("members", "cumulative")

    def __init__(self, members: list[int], weights: list[float]):
        self.members = members
        self.cumulative = list(accumulate(weights[m] for m in members))

    def pick(self, rng: random.Random) -> int:
        x = rng.random() * self.cumulative[-1]
        return self.members[bisect_right(self.cumulative, x)]


def _pools(people: list[PersonSpec], key) -> dict:
    grouped: dict = {}
    for person in people:
        value = key(person)
        if value is not None:
            grouped.setdefault(value, []).append(person.index)
    return grouped


def contact_edges(
    seed: int, people: list[PersonSpec], person_ids: list[int] | None = None
) -> list[tuple[int, int]]:
    """Undirected contact pairs (a < b), deterministic for a seed.

    Pairs are of indexes into ``people``, or of ``person_ids[index]`` when those are given.
    """
    rng = random.Random(f"{seed}:network")
    weights = [p.sociability for p in people]
    everyone = _Pool([p.index for p in people], weights)
    by_team = {k: _Pool(v, weights) for k, v in _pools(people, lambda p: p.team).items()}
    by_dept = {
        k: _Pool(v, weights)
        for k, v in _pools(people, lambda p: p.department.name if p.department else None).items()
    }
    by_city = {k: _Pool(v, weights) for k, v in _pools(people, lambda p: p.city_index).items()}
    edges: set[tuple[int, int]] = set()
    for person in people:
        u = person.index
        if person.manager is not None:
            edges.add((min(u, person.manager), max(u, person.manager)))
        team = by_team.get(person.team)
        dept = by_dept.get(person.department.name) if person.department else None
        city = by_city[person.city_index]
        for _stub in range(max(1, round(person.sociability / 2))):
            r = rng.random()
            if r < P_TEAM and team:
                pool = team
            elif r < P_TEAM + P_DEPARTMENT and dept:
                pool = dept
            elif r < P_TEAM + P_DEPARTMENT + P_CITY:
                pool = city
            else:
                pool = everyone
            v = pool.pick(rng)
            if v != u:
                edges.add((u, v) if u < v else (v, u))
    ordered = sorted(edges)
    if person_ids is None:
        return ordered
    return [(person_ids[a], person_ids[b]) for a, b in ordered]


def adjacency(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Each person's contacts (by index), sorted, from index pairs."""
    neighbours: list[list[int]] = [[] for _i in range(n)]
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    for contacts in neighbours:
        contacts.sort()
    return neighbours
