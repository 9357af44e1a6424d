"""Add what the seed has learnt since a database was seeded: follows and the heavy user "hub".

    .venv/bin/python bench/augment.py --db sqlite:////work/bench-copy.sqlite3
    .venv/bin/python bench/augment.py --db postgresql://postgres@127.0.0.1:5432/kollega_bench_copy

Reseeding a million items takes ten minutes or more; this writes the same rows the seed's
"hub" and "follows" phases write today (kollega/demo/phases.py) into an EXISTING seeded copy,
in one transaction: the person planned as "hub" is renamed (user, profile, e-mail, board
slug), gets their extra contacts, and everyone gets their follows. Idempotent: rows already
there are skipped, so running it twice adds nothing. --people and --seed must be those the
database was seeded with (the plan is rebuilt from them and checked against the database).
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402


class _Count:
    def __init__(self):
        self.n = 0

    def update(self, k: int) -> None:
        self.n += k


def _rename_hub(person, username: str) -> bool:
    from django.contrib.auth import get_user_model

    from kollega.people.actions import board_slug
    from kollega.people.models import Person
    from kollega.places.models import Place

    if person.username == username:
        return False
    old = person.username
    email = person.email.replace(f"{old}@", f"{username}@", 1)
    get_user_model().objects.filter(pk=person.user_id).update(username=username, email=email)
    Person.objects.filter(pk=person.pk).update(username=username, email=email)
    Place.objects.filter(kind="board", owner=person).update(slug=board_slug(username))
    return True


def augment(people: int, seed_value: int) -> dict:
    from django.db import transaction

    from kollega.core.models import Tag
    from kollega.demo import phases, writer
    from kollega.demo.generator.world import build_world
    from kollega.demo.seed import window_start_for
    from kollega.network.models import Contact, Follow
    from kollega.people.models import Person
    from kollega.places.models import Place

    world = build_world(seed_value, people)
    # The seed gave people ids in the order it planned them; check that with demo and admin.
    persons = list(Person.objects.order_by("pk").only("pk", "username", "email", "user_id"))
    if len(persons) != people:
        sys.exit(f"The database has {len(persons)} people, not {people}: wrong --people?")
    for index, name in ((world.org.demo, "demo"), (world.org.admin, "admin")):
        if persons[index].username != name:
            sys.exit(f"Person #{index} is {persons[index].username!r}, not {name!r}: wrong --seed?")
    slugs = dict(Place.objects.filter(kind="community").values_list("slug", "pk"))
    s = phases.Seeding(
        world, writer.next_ids(), writer.timestamp_converter(window_start_for(datetime.now(UTC)))
    )
    s.person_ids = [p.pk for p in persons]
    s.community_ids = [slugs[spec.slug] for spec in world.communities]
    s.tag_ids = dict(Tag.objects.values_list("name", "pk"))
    done: dict = {}
    with transaction.atomic():
        hub = persons[world.org.hub]
        done["renamed"] = _rename_hub(hub, world.org.people[world.org.hub].username)
        contacts = set(Contact.objects.filter(person=hub).values_list("person_id", "other_id"))
        progress = _Count()
        phases.hub(s, progress, skip=contacts)
        done["hub contacts added"] = progress.n
        existing = set()
        for kind in ("person", "place", "tag"):
            pairs = Follow.objects.filter(**{f"{kind}__isnull": False})
            existing |= {(f, kind, t) for f, t in pairs.values_list("follower_id", kind)}
        progress = _Count()
        phases.follows(s, progress, skip=existing)
        done["follows added"] = progress.n
        writer.finish()  # PostgreSQL: sequences past the new ids, fresh planner statistics
    done["hub contacts"] = Contact.objects.filter(person=hub).count()
    done["hub follows communities"] = Follow.objects.filter(
        follower=hub, place__isnull=False
    ).count()
    done["follows"] = Follow.objects.count()
    return done


def main() -> None:
    p = harness.parser(__doc__.splitlines()[0])
    p.add_argument("--people", type=int, default=10_000, help="people the database was seeded with")
    args = p.parse_args()
    harness.setup(args.db)
    started = time.perf_counter()
    done = augment(args.people, args.seed)
    summary = ", ".join(f"{k}: {v}" for k, v in done.items())
    print(f"{summary} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
