"""Network and boards: "who connects us", "do you know", a board page, posting to a board.

    .venv/bin/python bench/network.py --db sqlite:////work/seed-10k.sqlite3
    .venv/bin/python bench/network.py --db postgresql://postgres@127.0.0.1:5432/kollega_bench

Subjects are drawn at random (fixed seed) from the seeded organisation, weighted towards
well-connected people, who are the slow case. Posting runs inside a transaction that is
rolled back, so the database is unchanged afterwards.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402


def main() -> None:
    args = harness.parser(__doc__.splitlines()[0]).parse_args()
    harness.setup(args.db)
    from django.db import transaction
    from django.db.models import Count

    from kollega.content.actions import create_item
    from kollega.content.queries import place_items
    from kollega.network.models import Contact
    from kollega.network.queries import who_connects_us
    from kollega.network.suggestions import do_you_know
    from kollega.people.models import Person

    rng = random.Random(args.seed)
    degrees = list(Contact.objects.values("person_id").annotate(n=Count("other_id")).order_by("-n"))
    if not degrees:
        sys.exit("The database has no contacts; seed it with `kollega seed` first.")
    hubs = [d["person_id"] for d in degrees[:50]]
    everyone = [d["person_id"] for d in degrees]
    ids = rng.sample(everyone, min(150, len(everyone))) + hubs
    people = {p.pk: p for p in Person.objects.filter(pk__in=set(ids) | set(everyone[:2000]))}
    viewers = [people[i] for i in ids if i in people]
    pool = list(people.values())
    pairs = [(rng.choice(viewers), rng.choice(pool)) for _ in range(300)]
    top = degrees[0]["n"]
    print(f"{len(everyone)} people with contacts; the best connected has {top} contacts")

    def post(person):
        with transaction.atomic():
            board = rng.choice(pool).board
            if board.owner.board_posting == "everyone":
                create_item(
                    person,
                    board,
                    kind="post",
                    body="Does anyone know how to rotate the signing keys?",
                )
            transaction.set_rollback(True)

    rows = {
        "who connects us (3 hops)": harness.timed(
            harness.cycling(lambda pair: who_connects_us(*pair), pairs), args.runs
        ),
        "do you know": harness.timed(harness.cycling(lambda p: do_you_know(p), viewers), args.runs),
        "do you know (50 best connected)": harness.timed(
            harness.cycling(lambda p: do_you_know(p), [people[i] for i in hubs if i in people]),
            min(args.runs, 100),
        ),
        "board page (first 20)": harness.timed(
            harness.cycling(lambda p: place_items(p, p.board).items, viewers), args.runs
        ),
        "post to a board": harness.timed(harness.cycling(post, viewers), args.runs),
    }
    hops = [who_connects_us(a, b).hops for a, b in pairs[:100]]
    print("hops in the sample:", {h: hops.count(h) for h in sorted(set(hops), key=str)})
    harness.report("Network and boards", rows)


if __name__ == "__main__":
    main()
