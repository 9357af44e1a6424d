"""Everything the content generator needs to know about the organisation, in one record.

``build_world(seed, n)`` is pure (no database): the organisation, everyone's interests and
expertise, the contact network and the places. The seed command turns it into rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from kollega.demo.generator import communities, expertise, network
from kollega.demo.generator.communities import PlaceSpec
from kollega.demo.generator.org import Org, build_org


@dataclass
class World:
    seed: int
    org: Org
    profiles: list[expertise.Profile]
    edges: list[tuple[int, int]]
    neighbours: list[list[int]]
    communities: list[PlaceSpec]
    organisation: PlaceSpec
    experts: dict[str, list[int]]  # topic -> expert indexes
    # For picking an author anywhere in the company in proportion to how much they write.
    activity_cumulative: list[float]


def build_world(seed: int, n: int) -> World:
    org = build_org(seed, n)
    found = expertise.profiles(seed, org.people)
    edges = network.contact_edges(seed, org.people)
    neighbours = network.adjacency(n, edges)
    return World(
        seed=seed,
        org=org,
        profiles=found,
        edges=edges,
        neighbours=neighbours,
        communities=communities.build_communities(seed, org, found, neighbours),
        organisation=communities.organisation_place(seed, org),
        experts=expertise.experts_by_topic(org.people, found),
        activity_cumulative=list(accumulate(p.activity for p in org.people)),
    )
