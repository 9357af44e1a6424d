"""Search quality: nDCG@10 with and without social ranking, on the seeded organisation.

    .venv/bin/python bench/search_eval.py --db sqlite:////work/search-bench.sqlite3 \\
        --people 10000 --world-seed 1

The database must be a migrated, reindexed copy of `kollega seed --people N --seed S` (the
same N and S as --people and --world-seed). Two judged sets:

(a) planted relevance: the seed generator's ground truth (kollega.demo.generator.expertise)
    names the experts of each topic. For the query "<topic>", searched by a random person,
    the relevant results are the experts' profiles and the items they wrote tagged with it.
(b) bookmarks, after Carmel et al. (CIKM 2009): a person's bookmark tagged with a term is
    relevant for that person's query for the term. Searched among bookmarks (kind=bookmark),
    the relevant results are the bookmarks of the same page by others; the person's own
    bookmark is hidden from the results (it would be found trivially: the ten results are
    the first ten others), and ranking never counts it (ranking._bookmarks leaves out the
    searcher's own bookmarks). The seed's bookmarks on a topic point at one of its three
    outside pages; a community's members mostly share one (kollega.demo.generator.content),
    as colleagues share links, and the text around an address says nothing of which it is.

Each set is split in two halves by its term (a topic or a tag, by a hash of its name, so one
term never falls in both): the ranking weights were fitted on the "fit" half only
(bench/search_fit.py), and the "held-out" half is the honest figure.
"""

from __future__ import annotations

import contextlib
import math
import random
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

K = 10


def ndcg(found: list, relevant: set, k: int = K) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, x in enumerate(found[:k]) if x in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def half(term: str) -> str:
    """Which half a query's term belongs to: stable across runs and machines."""
    return "fit" if zlib.crc32(term.encode()) % 2 == 0 else "held-out"


@dataclass
class Judged:
    set: str  # "a" or "b"
    viewer: object
    text: str
    relevant: set  # keys: ("i", item id) or ("p", person id)
    filters: object = None
    hide: set = field(default_factory=set)  # item ids left out of the results

    @property
    def half(self) -> str:
        return half(self.text)


def key(result) -> tuple:
    return ("i", result.item.pk) if result.item else ("p", result.person.pk if result.person else 0)


def parser():
    p = harness.parser(__doc__.splitlines()[0])
    p.add_argument("--people", type=int, default=10000, help="people in the seed")
    p.add_argument("--world-seed", type=int, default=1, help="the seed's --seed")
    p.add_argument("--topics", type=int, default=40, help="topic queries in set (a)")
    p.add_argument("--bookmark-queries", type=int, default=150, help="queries in set (b)")
    p.add_argument("--out", help="append the report to this file")
    return p


@contextlib.contextmanager
def judged_sets(args):
    """The judged queries of both sets."""
    from kollega.bookmarks.models import Bookmark
    from kollega.content.models import Item, ItemTag
    from kollega.demo.generator.world import build_world
    from kollega.people.models import Person
    from kollega.search.queries import Filters

    rng = random.Random(args.seed)
    world = build_world(args.world_seed, args.people)
    ids = dict(Person.objects.values_list("username", "pk"))
    out: list[Judged] = []

    # (a) planted relevance
    topics = [t for t, experts in world.experts.items() if len(experts) >= 2]
    rng.shuffle(topics)
    for topic in topics[: args.topics]:
        experts = {ids[world.org.people[i].username] for i in world.experts[topic]}
        items = set(ItemTag.objects.filter(tag__name=topic, item__author_id__in=experts)
                    .values_list("item_id", flat=True))  # fmt: skip
        relevant = {("i", x) for x in items} | {("p", x) for x in experts}
        for viewer in Person.objects.filter(pk__in=rng.sample(sorted(ids.values()), 3)):
            out.append(Judged("a", viewer, topic.replace("-", " "), relevant))

    # (b) bookmarks, Carmel et al.
    by_key: dict[str, list] = {}
    for item_id, bkey, author in Bookmark.objects.values_list(
        "item_id", "url_key", "item__author_id"
    ):
        by_key.setdefault(bkey, []).append((item_id, author))
    tagged = list(ItemTag.objects.filter(item__kind=Item.Kind.BOOKMARK,
                                         item__private=False, item__removed_at=None)
                  .order_by("id")  # the same queries on every database
                  .values_list("item_id", "tag__name", "item__author_id",
                               "item__bookmark__url_key"))  # fmt: skip
    rng.shuffle(tagged)
    count = 0
    for _item_id, tag, author, bkey in tagged:
        if count >= args.bookmark_queries:
            break
        relevant = {("i", i) for i, a in by_key.get(bkey, []) if a != author}
        if not relevant:
            continue
        viewer = Person.objects.get(pk=author)
        own = {i for i, a in by_key[bkey] if a == author}
        out.append(Judged("b", viewer, tag.replace("-", " "), relevant,
                          Filters(kinds=["bookmark"]), own))  # fmt: skip
        count += 1
    yield out


def results(q: Judged, social: bool) -> list:
    """The first K results the person sees, as keys, their own hidden bookmark left out (the
    next page is read when it was among the first K)."""
    from kollega.search.queries import search

    found, page = [], 1
    while len(found) < K:
        page_results = search(q.viewer, q.text, q.filters, social=social, page=page,
                              facets=False).results  # fmt: skip
        found += [key(r) for r in page_results if not (r.item and r.item.pk in q.hide)]
        if len(page_results) < 10 or page >= 3:
            break
        page += 1
    return found[:K]


SETS = {"a": "(a) planted experts and their items", "b": "(b) bookmarks (Carmel et al.)"}


def difference(rows: list) -> str:
    """Social minus text, with a 95% interval of the mean of the paired differences: the
    judged sets are small, and a bookmark query scores close to 0 or 1."""
    diffs = [social - plain for plain, social in rows]
    mean = sum(diffs) / len(diffs)
    sd = (sum((d - mean) ** 2 for d in diffs) / max(1, len(diffs) - 1)) ** 0.5
    return f"{mean:+.3f} ± {1.96 * sd / len(diffs) ** 0.5:.3f}"


def table(scores: dict) -> list[str]:
    """scores: (set, half) -> [(text-only nDCG, social nDCG)]."""
    lines = ["| set | half | queries | text only | social ranking | difference (95% interval) |",
             "|---|---|---:|---:|---:|---:|"]  # fmt: skip
    for s, name in SETS.items():
        for h in ("held-out", "fit", "all"):
            rows = [x for (s2, h2), xs in scores.items() if s2 == s and h in (h2, "all")
                    for x in xs]  # fmt: skip
            if not rows:
                continue
            plain = sum(r[0] for r in rows) / len(rows)
            social = sum(r[1] for r in rows) / len(rows)
            lines.append(f"| {name} | {h} | {len(rows)} | {plain:.3f} | {social:.3f} | "
                         f"{difference(rows)} |")  # fmt: skip
    return lines


def main() -> None:
    args = parser().parse_args()
    harness.setup(args.db)
    scores: dict = {}
    with judged_sets(args) as queries:
        for q in queries:
            pair = tuple(ndcg(results(q, social), q.relevant) for social in (False, True))
            scores.setdefault((q.set, q.half), []).append(pair)
    lines = ["### Search quality: nDCG@10", "", f"Machine: {harness.machine()}", "",
             f"Command: `.venv/bin/python {' '.join(sys.argv)}`", "", *table(scores)]  # fmt: skip
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
