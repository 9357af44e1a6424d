"""The home stream: every view, first and a deep page, for ordinary people and for "hub";
the full home page; posting by an author with 2,000 followers.

    .venv/bin/python bench/augment.py --db sqlite:////work/bench-copy.sqlite3   # once
    .venv/bin/python bench/stream.py --db sqlite:////work/bench-copy.sqlite3
    .venv/bin/python bench/stream.py --db postgresql://postgres@127.0.0.1:5432/kollega_bench_copy

Run it on a COPY of a seeded database that bench/augment.py has given follows and "hub"
(900+ contacts, 50 followed communities). The first run makes one ordinary person followed
by 2,000 others (Follow rows; later runs find them). The deep page is the one reached by
following ``next_cursor`` ten times; a view with fewer pages is timed on its last one (the
table says which page). Posting runs inside a transaction that is rolled back.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

DEPTH = 10
FOLLOWERS = 2000


def _followed_author(rng: random.Random):
    """An ordinary person (no planted role) followed by FOLLOWERS people."""
    from django.db.models import Count
    from django.utils import timezone

    from kollega.network.models import Follow
    from kollega.people.models import Person

    famous = (
        Person.objects.annotate(n=Count("followers"))
        .filter(n__gte=FOLLOWERS)
        .order_by("pk")
        .first()
    )
    if famous is not None:
        return famous
    ordinary = Person.objects.exclude(username__in=["demo", "hub", "admin"]).order_by("pk")
    author = ordinary[len(ordinary) // 2]
    have = set(Follow.objects.filter(person=author).values_list("follower_id", flat=True))
    pool = list(ordinary.exclude(pk=author.pk).exclude(pk__in=have).values_list("pk", flat=True))
    now = timezone.now()
    Follow.objects.bulk_create(
        Follow(follower_id=pk, person=author, created=now)
        for pk in rng.sample(pool, FOLLOWERS - len(have))
    )
    return author


def main() -> None:
    args = harness.parser(__doc__.splitlines()[0]).parse_args()
    harness.setup(args.db)
    load_before = harness.load()
    from django.db import transaction
    from django.db.models import Count

    from kollega.content.actions import create_item
    from kollega.network.models import Contact, Follow
    from kollega.people.models import Person
    from kollega.stream.queries import VIEWS, stream

    rng = random.Random(args.seed)
    hub = Person.objects.filter(username="hub").first()
    if hub is None or not Follow.objects.exists():
        sys.exit("No follows or no 'hub': run bench/augment.py on this copy first.")
    # Ordinary people: a median number of contacts, and some follows.
    degrees = dict(
        Contact.objects.values("person_id")
        .annotate(n=Count("other_id"))
        .values_list("person_id", "n")
    )
    median = sorted(degrees.values())[len(degrees) // 2]
    followers = set(Follow.objects.values_list("follower_id", flat=True).distinct())
    candidates = sorted(p for p, n in degrees.items() if n == median and p in followers)
    ordinary = list(Person.objects.filter(pk__in=rng.sample(candidates, 5)))
    print(f"hub: {degrees[hub.pk]} contacts, {hub.following.count()} follows; "
          f"ordinary people: {median} contacts each")  # fmt: skip
    author = _followed_author(rng)
    print(f"author {author.username}: {author.followers.count()} followers")

    def deep(person, view):
        cursor, depth = None, 1
        for _page in range(DEPTH):
            page = stream(person, view, cursor=cursor)
            if not page.next_cursor:
                break
            cursor, depth = page.next_cursor, depth + 1
        return cursor, depth

    rows = {}
    for label, people in (("ordinary", ordinary), ("hub", [hub])):
        for view in VIEWS:
            rows[f"{label}: {view}, first page"] = harness.timed(
                harness.cycling(lambda p, view=view: stream(p, view).items, people), args.runs
            )
            cursors = [(p, *deep(p, view)) for p in people]
            depth = min(d for _p, _c, d in cursors)
            rows[f"{label}: {view}, page {depth}"] = harness.timed(
                harness.cycling(
                    lambda pc, view=view: stream(pc[0], view, cursor=pc[1]).items, cursors
                ),  # fmt: skip
                args.runs,
            )
    client = harness.client_for(hub)
    rows["hub: home page / (Client)"] = harness.timed(harness.page(client, "/"), args.runs)
    rows["hub: home page /?view=network (Client)"] = harness.timed(
        harness.page(client, "/?view=network"), args.runs
    )

    def post(_n):
        with transaction.atomic():
            create_item(author, author.board, kind="status", body="Rotating the signing keys.")
            transaction.set_rollback(True)

    rows[f"post a status, author with {FOLLOWERS:,} followers"] = harness.timed(
        harness.cycling(post, list(range(10))), args.runs
    )
    harness.report("Stream", rows, load_before)


if __name__ == "__main__":
    main()
