"""Where a page's time goes: its queries (count, time, the slowest) and the time outside SQL.

    .venv/bin/python bench/profile_page.py --db sqlite:////work/bench-copy.sqlite3 \\
        --user hub --url / --url "/?view=network" --runs 5

Each URL is fetched through django.test.Client as the signed-in person, once to warm up,
then ``--runs`` times; the figures are from the fastest run (the least disturbed by other
work on the machine). ``--top`` slowest queries are printed with their SQL cut short.
Run it on a copy of a seeded database, as the other benchmarks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402


def main() -> None:
    p = harness.parser(__doc__.splitlines()[0])
    p.set_defaults(runs=5)
    p.add_argument("--user", required=True, help="username of the signed-in person")
    p.add_argument("--url", action="append", required=True, help="a page; give several")
    p.add_argument("--top", type=int, default=8, help="how many of the slowest queries")
    args = p.parse_args()
    harness.setup(args.db)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kollega.people.models import Person

    person = Person.objects.select_related("user").get(user__username=args.user)
    client = harness.client_for(person)
    for url in args.url:
        get = harness.page(client, url)
        get()
        best = None
        for _ in range(max(1, args.runs)):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                get()
                wall = (time.perf_counter() - started) * 1000
            if best is None or wall < best[0]:
                best = (wall, list(captured.captured_queries))
        wall, queries = best
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        print(f"\n{url}: {wall:.1f} ms, {len(queries)} queries, {sql_ms:.1f} ms in SQL, "
              f"{wall - sql_ms:.1f} ms outside")  # fmt: skip
        for q in sorted(queries, key=lambda q: -float(q["time"]))[: args.top]:
            sql = " ".join(q["sql"].split())
            print(f"  {float(q['time']) * 1000:7.1f} ms  {sql[:300]}")


if __name__ == "__main__":
    main()
