"""The demo generator without a database: deterministic, a proper tree, a heavy-tailed network."""

import statistics

from kollega.demo.generator import expertise
from kollega.demo.generator.catalogue import GENERAL_TOPICS
from kollega.demo.generator.network import adjacency, contact_edges
from kollega.demo.generator.org import build_org
from kollega.demo.generator.world import build_world


def test_same_seed_same_organisation():
    first, again = build_org(7, 200), build_org(7, 200)
    assert [(p.username, p.name, p.job_title, p.phone) for p in first.people] == [
        (p.username, p.name, p.job_title, p.phone) for p in again.people
    ]
    other = build_org(8, 200)
    assert [p.name for p in first.people] != [p.name for p in other.people]


def test_the_reporting_tree_has_one_top_and_no_loops():
    org = build_org(3, 500)
    tops = [p for p in org.people if p.manager is None]
    assert [p.job_title for p in tops] == ["Chief Executive Officer"]
    for person in org.people:
        seen, current = set(), person.index
        while current is not None:
            assert current not in seen
            seen.add(current)
            current = org.people[current].manager
    usernames = [p.username for p in org.people]
    assert len(set(usernames)) == len(usernames)
    assert {"demo", "admin"} <= set(usernames)


def test_demo_is_an_ordinary_colleague_with_a_manager():
    org = build_org(1, 300)
    demo = org.people[org.demo]
    assert demo.username == "demo" and demo.level == "member"
    assert org.people[demo.manager].level == "manager"


def test_people_span_several_countries():
    org = build_org(1, 300)
    assert len({p.city.country for p in org.people}) >= 6


def test_contact_degrees_are_heavy_tailed():
    org = build_org(5, 2000)
    degrees = sorted(len(c) for c in adjacency(2000, contact_edges(5, org.people)))
    assert 10 <= statistics.median(degrees) <= 60  # most people: tens of contacts
    assert degrees[-1] >= 200  # a few hubs: several hundred
    assert degrees[-1] <= 1000
    assert degrees[0] >= 1  # everyone knows at least their manager or a report


def test_contacts_cluster_in_teams():
    org = build_org(5, 2000)
    edges = contact_edges(5, org.people)
    same_team = sum(
        1 for a, b in edges if org.people[a].team is not None
        and org.people[a].team == org.people[b].team
    )  # fmt: skip
    # Teams hold ~0.5% of pairs; far more of the contacts than that are within a team.
    assert same_team / len(edges) > 0.15


def test_network_is_deterministic_and_can_use_person_ids():
    org = build_org(2, 300)
    edges = contact_edges(2, org.people)
    assert edges == contact_edges(2, org.people)
    ids = [1000 + i for i in range(300)]
    assert contact_edges(2, org.people, ids) == [(1000 + a, 1000 + b) for a, b in edges]


def test_expertise_is_planted_and_deterministic():
    org = build_org(4, 1000)
    truth = expertise.expertise(4, org.people)
    assert truth == expertise.expertise(4, org.people)
    assert 30 <= len(truth) <= 120  # about 7% of people are true experts
    for username, topics in truth.items():
        person = next(p for p in org.people if p.username == username)
        assert 1 <= len(topics) <= 3
        vocabulary = person.department.topics if person.department else GENERAL_TOPICS
        assert set(topics) <= set(vocabulary)


def test_demo_belongs_to_communities_one_of_them_restricted():
    world = build_world(1, 200)
    assert {c.access for c in world.communities} == {"open", "moderated", "restricted"}
    mine = [c for c in world.communities if any(m[0] == world.org.demo for m in c.members)]
    assert len(mine) >= 3 and any(c.access == "restricted" for c in mine)
