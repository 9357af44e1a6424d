"""Who connects us: the shortest paths from one person to another through contacts.

The search is bidirectional and bounded at three hops, which needs at most three queries
whatever the size of the network: the contacts of each end (one query each), then the contact
edges between those two sets (one query, both sets as subqueries). A breadth-first search from
one side only would have to load the two-hop neighbourhood, tens of thousands of people for
someone with several hundred contacts.

``find_paths`` is written against two small functions so the algorithm can be tested on
random graphs without a database (see tests/network/test_paths_property.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

MAX_HOPS = 3
MAX_PATHS = 5

Neighbours = Callable[[int], set[int]]
EdgesBetween = Callable[[set[int], set[int]], Iterable[tuple[int, int]]]


@dataclass
class PathResult:
    paths: list[list[int]]  # each from source to target, both included
    hops: int | None  # None: not connected within MAX_HOPS
    shared_contacts: int


def find_paths(
    source: int,
    target: int,
    neighbours: Neighbours,
    edges_between: EdgesBetween,
    *,
    allowed_edge: Callable[[int, int], bool] = lambda a, b: True,
    prepare: Callable[[set[int]], None] = lambda ids: None,
    max_paths: int = MAX_PATHS,
) -> PathResult:
    """Shortest paths of at most three hops from ``source`` to ``target``.

    ``allowed_edge(a, b)`` says whether the viewer may learn that a and b are contacts; a path
    that would reveal a hidden contact is not shown (another path may be). ``prepare`` is
    called once with every person a path could pass through, so ``allowed_edge`` can load
    what it needs in one go.
    """
    if source == target:
        return PathResult([[source]], 0, 0)
    near = neighbours(source) - {source}
    far = neighbours(target) - {target}
    prepare(near | far | {source, target})
    # A shared contact is counted only when the viewer may know it is the target's contact.
    shared = {m for m in near & far if allowed_edge(m, target)}
    if target in near and allowed_edge(source, target):
        return PathResult([[source, target]], 1, len(shared))
    two = [[source, m, target] for m in sorted(shared)]
    if two:
        return PathResult(two[:max_paths], 2, len(shared))
    candidates = sorted(
        (a, b)
        for a, b in edges_between(near - {target}, far - {source})
        if a != b and allowed_edge(a, b) and allowed_edge(b, target)
    )
    three = _varied([[source, a, b, target] for a, b in candidates], max_paths)
    if three:
        return PathResult(three, 3, len(shared))
    return PathResult([], None, len(shared))


def _varied(paths: list[list[int]], limit: int) -> list[list[int]]:
    """Prefer paths through different people, so alternatives are real alternatives."""
    chosen: list[list[int]] = []
    used: set[int] = set()
    for path in paths:
        if len(chosen) == limit:
            return chosen
        middle = set(path[1:-1])
        if not middle & used:
            chosen.append(path)
            used |= middle
    for path in paths:
        if len(chosen) == limit:
            break
        if path not in chosen:
            chosen.append(path)
    return chosen
