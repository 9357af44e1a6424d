"""Search latency: one-, two- and three-word queries, common and rare terms, and
suggestions as you type, each as a random person of the seeded organisation.

Run on a COPY of a seeded database, migrated and reindexed (never on the seed itself):

    cp /work/seed-10k.sqlite3 /work/search-bench.sqlite3
    KOLLEGA_DATABASE_URL=sqlite:////work/search-bench.sqlite3 .venv/bin/kollega migrate
    KOLLEGA_DATABASE_URL=sqlite:////work/search-bench.sqlite3 .venv/bin/kollega reindex
    .venv/bin/python bench/search_perf.py --db sqlite:////work/search-bench.sqlite3

    createdb -T kollega_bench kollega_search_bench   # then migrate + reindex it likewise
    .venv/bin/python bench/search_perf.py \
        --db postgresql://postgres@127.0.0.1:5432/kollega_search_bench

Search is timed as a whole (match, access, count, four facets, re-ranking, snippets: what
the page and the API do); "no facets" leaves the counts by kind/tag/person/community out.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402


def main() -> None:
    p = harness.parser(__doc__.splitlines()[0])
    p.add_argument("--out", help="append the report to this file")
    args = p.parse_args()
    harness.setup(args.db)
    from django.db.models import Count

    from kollega.content.models import Item, ItemTag
    from kollega.people.models import Person
    from kollega.search.models import SearchDocument
    from kollega.search.queries import search
    from kollega.search.suggest import suggest

    if not SearchDocument.objects.exists():
        sys.exit("The search index is empty: run `kollega reindex` on this database first.")
    rng = random.Random(args.seed)
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    viewers = list(Person.objects.filter(pk__in=rng.sample(people, 60)))
    tags = list(ItemTag.objects.values_list("tag__name").annotate(n=Count("id")).order_by("-n"))
    common = [name.replace("-", " ") for name, _n in tags[:20]]
    rare = [name.replace("-", " ") for name, n in tags if 1 <= n <= 50][:40]
    titles = list(
        Item.objects.filter(pk__in=rng.sample(range(1, Item.objects.count()), 400))
        .exclude(title="")
        .values_list("title", flat=True)
    )
    words = [ws for ws in (re.findall(r"[A-Za-z]{3,}", t) for t in titles) if len(ws) >= 3]

    def phrase(n: int) -> list[str]:
        out = []
        for ws in words:
            start = rng.randrange(0, len(ws) - n + 1)
            out.append(" ".join(ws[start : start + n]))
        return out

    names = list(
        Person.objects.filter(pk__in=rng.sample(people, 200)).values_list("name", flat=True)
    )
    prefixes = [n.split()[i % 2][: 2 + i % 3] for i, n in enumerate(names) if len(n.split()) > 1]
    # The seed tags every item with one of ~140 topics (thousands of items each): without
    # a tag on 50 items or fewer, a surname is the rare word (a few profiles and mentions).
    rare = rare or [n.split()[-1] for n in names if len(n.split()) > 1][:40]
    full_names = [n.split()[0] + " " + n.split()[1][:2] for n in names if len(n.split()) > 1]
    # From the third letter of a word on, titles are suggested too.
    full_names3 = [n.split()[0] + " " + n.split()[1][:3] for n in names if len(n.split()) > 1]
    topics = [name[: 3 + i % 3] for i, name in enumerate(common * 3)]

    def searching(texts, **kw):
        pairs = [(rng.choice(viewers), t) for t in texts]
        return harness.cycling(lambda pair: search(pair[0], pair[1], **kw), pairs)

    def suggesting(texts):
        pairs = [(rng.choice(viewers), t) for t in texts]
        return harness.cycling(lambda pair: suggest(pair[0], pair[1]), pairs)

    load_before = harness.load()
    runs = args.runs
    rows = {
        "search, one common word (a top-20 tag)": harness.timed(searching(common), runs),
        "search, one rare word (a tag on ≤50 items, else a surname)": harness.timed(
            searching(rare), runs
        ),
        "search, two words from a title": harness.timed(searching(phrase(2)), runs),
        "search, three words from a title": harness.timed(searching(phrase(3)), runs),
        "search, one common word, no facets": harness.timed(searching(common, facets=False), runs),
        "search, one common word, social=false": harness.timed(
            searching(common, social=False), runs
        ),
        "suggest, 2-4 letters of a name": harness.timed(suggesting(prefixes), runs),
        "suggest, first name + 2 letters": harness.timed(suggesting(full_names), runs),
        "suggest, first name + 3 letters (titles too)": harness.timed(
            suggesting(full_names3), runs
        ),
        "suggest, 3-5 letters of a common tag (titles too)": harness.timed(
            suggesting(topics), runs
        ),
    }
    n_docs = SearchDocument.objects.count()
    title = f"Search latency ({harness.machine().split(';')[-1].strip()}, {n_docs:,} documents)"
    text = harness.report(title, rows, load_before)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
