"""The shape of the demo organisation: its tree of units and who sits where, reporting to whom.

Nothing here touches the database: ``build_org(seed, n)`` returns plain records, so the same
seed gives the same organisation whether it is then written to SQLite, PostgreSQL or used by
a test that never opens a connection.

The reporting lines follow the tree: the CEO at the top, division heads report to the CEO,
department heads to their division head, team managers to their department head and everyone
else to their team's manager. A line can only point one level up, so it cannot loop.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from kollega.demo.generator import catalogue, names

MIN_PEOPLE = 10


@dataclass(frozen=True)
class Unit:
    key: int  # index in Org.units
    name: str
    slug: str
    parent: int | None
    level: str  # company, division, department, team
    department: catalogue.Department | None = None


@dataclass
class PersonSpec:
    index: int
    username: str
    name: str
    city: names.City
    unit: int  # Unit.key
    team: int | None  # the team (Unit.key) for team members and managers
    department: catalogue.Department | None
    division: str | None
    manager: int | None  # index of the manager in Org.people
    job_title: str
    phone: str
    level: str  # ceo, division-head, department-head, manager, member, admin
    # How many contacts this person tends to make and how much they write; both heavy-tailed.
    sociability: float = 1.0
    activity: float = 1.0
    city_index: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]

    @property
    def email(self) -> str:
        return f"{self.username}@{names.EMAIL_DOMAIN}"


@dataclass
class Org:
    units: list[Unit]
    people: list[PersonSpec]
    teams: list[int]  # Unit keys of the teams
    demo: int  # index of the "demo" person
    admin: int
    # An ordinary colleague renamed "hub": follows.py plants 900+ contacts and 50 followed
    # communities on them, the heavy user benchmarks need. None in a tiny organisation.
    hub: int | None = None


def _interleaved_departments() -> list[catalogue.Department]:
    """One department per division in turn, so a small org still spans several divisions."""
    by_division: dict[str, list[catalogue.Department]] = {}
    for dept in catalogue.DEPARTMENTS:
        by_division.setdefault(dept.division, []).append(dept)
    order: list[catalogue.Department] = []
    queues = list(by_division.values())
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


def _team_name(dept: catalogue.Department, k: int) -> str:
    suffixes = catalogue.TEAM_SUFFIXES
    suffix = suffixes[k % len(suffixes)]
    return f"{dept.name} {suffix}" + (f" {k // len(suffixes) + 1}" if k >= len(suffixes) else "")


def _build_units(n_teams: int) -> tuple[list[Unit], list[int]]:
    n_depts = min(len(catalogue.DEPARTMENTS), n_teams, max(3, n_teams // 3))
    depts = _interleaved_departments()[:n_depts]
    units = [Unit(0, names.COMPANY, slugify(names.COMPANY), None, "company")]
    division_key: dict[str, int] = {}
    for division in catalogue.DIVISIONS:
        if any(d.division == division for d in depts):
            division_key[division] = len(units)
            units.append(Unit(len(units), division, slugify(division), 0, "division"))
    dept_key = []
    for dept in depts:
        dept_key.append(len(units))
        units.append(
            Unit(
                len(units),
                dept.name,
                slugify(dept.name),
                division_key[dept.division],
                "department",
                dept,
            )  # fmt: skip
        )
    teams = []
    for t in range(n_teams):
        d = t % n_depts
        name = _team_name(depts[d], t // n_depts)
        teams.append(len(units))
        units.append(Unit(len(units), name, slugify(name), dept_key[d], "team", depts[d]))
    return units, teams


def _sociability(rng: random.Random, level: str) -> float:
    # Lognormal contacts: median about 22 for individual contributors, a long tail to several
    # hundred, and managers higher because their job is knowing people.
    boost = {"ceo": 6.0, "division-head": 4.0, "department-head": 2.5, "manager": 1.6}
    return rng.lognormvariate(math.log(22), 0.85) * boost.get(level, 1.0)


def build_org(seed: int, n: int) -> Org:
    if n < MIN_PEOPLE:
        raise ValueError(f"The demo organisation needs at least {MIN_PEOPLE} people.")
    rng = random.Random(f"{seed}:org")
    n_teams = max(2, round((n - 1) / 9))
    units, teams = _build_units(n_teams)
    city_weights = [c.weight for c in names.CITIES]
    team_city = {t: rng.choices(range(len(names.CITIES)), city_weights)[0] for t in teams}
    taken = {"demo", "admin", "hub"}
    people: list[PersonSpec] = []

    def add(level, unit, manager, title, city_index, team=None):
        unit_rec = units[unit]
        dept = unit_rec.department
        city = names.CITIES[city_index]
        name = names.full_name(rng, city)
        person = PersonSpec(
            index=len(people),
            username=names.username_for(name, taken),
            name=name,
            city=city,
            city_index=city_index,
            unit=unit,
            team=team,
            department=dept,
            division=dept.division
            if dept
            else (unit_rec.name if level == "division-head" else None),
            manager=manager,
            job_title=title,
            phone=names.phone(rng, city),
            level=level,
            sociability=_sociability(rng, level),
        )
        people.append(person)
        return person.index

    def any_city() -> int:
        return rng.choices(range(len(names.CITIES)), city_weights)[0]

    ceo = add("ceo", 0, None, "Chief Executive Officer", names.HEADQUARTERS)
    heads = {}
    for unit in units:
        if unit.level == "division":
            title = catalogue.DIVISIONS[unit.name]
            heads[unit.key] = add("division-head", unit.key, ceo, title, names.HEADQUARTERS)
    for unit in units:
        if unit.level == "department":
            city = names.HEADQUARTERS if rng.random() < 0.4 else any_city()
            heads[unit.key] = add("department-head", unit.key, heads[unit.parent],
                                  unit.department.head_title, city)  # fmt: skip
    managers = {}
    for t in teams:
        unit = units[t]
        managers[t] = add("manager", t, heads[unit.parent], unit.department.manager_title,
                          team_city[t], team=t)  # fmt: skip
    # Team sizes vary (some teams of 4, some of 15); admin is the one seat outside the tree.
    team_weights = [rng.uniform(0.4, 1.6) for _t in teams]
    for i in range(n - len(people) - 1):
        # The first member joins the first team (Platform, Engineering): that is "demo".
        t = teams[0] if i == 0 else rng.choices(teams, team_weights)[0]
        dept = units[t].department
        titles = dept.titles
        # Most people hold the first titles of their ladder; fewer reach the senior ones.
        title = titles[min(len(titles) - 1, int(rng.expovariate(1.2)))]
        city = team_city[t] if rng.random() < 0.8 else any_city()
        add("member", t, managers[t], title, city, team=t)
    demo = next(p.index for p in people if p.level == "member")
    people[demo].username = "demo"
    people[demo].sociability = 60.0
    people[demo].city_index = team_city[people[demo].team]
    people[demo].city = names.CITIES[people[demo].city_index]
    # The intranet's administrator works in IT when the org has it, reporting to its head,
    # so the reporting tree keeps a single top.
    it_unit = next((u.key for u in units if u.name == "IT"), None)
    admin = add("admin", it_unit if it_unit is not None else 0,
                heads.get(it_unit, ceo), "Intranet Administrator", names.HEADQUARTERS)  # fmt: skip
    people[admin].username = "admin"
    people[admin].name = "Intranet Admin"
    people[admin].department = units[people[admin].unit].department
    people[admin].sociability = 8.0
    cap = min(700.0, n - 1.0)
    for person in people:
        person.sociability = min(person.sociability, cap)
        # Writers are heavy-tailed too, and sociable people write a bit more.
        person.activity = rng.lognormvariate(0, 0.9) * math.sqrt(person.sociability / 22)
    people[demo].activity = 3.0
    people[admin].activity = 0.05
    # Only the username changes, so the organisation, network and content stay as they were.
    hub = next((p.index for p in people if p.level == "member" and p.index != demo
                and p.team != people[demo].team), None)  # fmt: skip
    if hub is not None:
        people[hub].username = "hub"
    return Org(units=units, people=people, teams=teams, demo=demo, admin=admin, hub=hub)
