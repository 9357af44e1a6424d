"""Search quality: nDCG@10 with and without social ranking, on the seeded organisation.

    .venv/bin/python bench/search_eval.py --db sqlite:////work/search-bench.sqlite3 \
        --people 10000 --world-seed 1

The database must be a migrated, reindexed copy of `kollega seed --people N --seed S` (the
same N and S as --people and --world-seed). Two judged sets:

(a) planted relevance: the seed generator's ground truth (kollega.demo.generator.expertise)
    names the experts of each topic. For the query "<topic>", searched by a random person,
    the relevant results are the experts' profiles and the items they wrote tagged with it.
(b) bookmarks, after Carmel et al. (CIKM 2009): a person's bookmark tagged with a term is
    relevant for that person's query for the term. Searched among bookmarks (kind=bookmark),
    the relevant results are the bookmarks of the same page by others; the person's own
    bookmark is hidden from the candidates (it would be found trivially). The seed writes
    bookmark items with the address in their text but no Bookmark rows; they are added
    from that text inside a transaction that is rolled back at the end.
"""

from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

LINK = re.compile(r"\((https?://[^)\s]+)\)")


def ndcg(found: list[int], relevant: set[int], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, x in enumerate(found[:k]) if x in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def main() -> None:
    p = harness.parser(__doc__.splitlines()[0])
    p.add_argument("--people", type=int, default=10000, help="people in the seed")
    p.add_argument("--world-seed", type=int, default=1, help="the seed's --seed")
    p.add_argument("--topics", type=int, default=40, help="topic queries in set (a)")
    p.add_argument("--bookmark-queries", type=int, default=150, help="queries in set (b)")
    p.add_argument("--out", help="append the report to this file")
    args = p.parse_args()
    harness.setup(args.db)
    from django.db import transaction

    from kollega.bookmarks.models import Bookmark
    from kollega.bookmarks.urlnorm import normalise_url, url_key
    from kollega.content.models import Item, ItemTag
    from kollega.demo.generator.world import build_world
    from kollega.people.models import Person
    from kollega.search.queries import Filters, search

    rng = random.Random(args.seed)
    world = build_world(args.world_seed, args.people)
    ids = dict(Person.objects.values_list("username", "pk"))
    rows = []

    def run(viewer, text, relevant_items, relevant_people, filters=None, hide=()):
        scores = {}
        for social in (False, True):
            found = search(viewer, text, filters, social=social, facets=False).results
            keys = [("i", r.item.pk) if r.item else ("p", r.person.pk if r.person else 0)
                    for r in found if not (r.item and r.item.pk in hide)]  # fmt: skip
            rel = {("i", x) for x in relevant_items} | {("p", x) for x in relevant_people}
            scores[social] = ndcg(keys, rel)
        return scores

    # (a) planted relevance
    topics = [t for t, experts in world.experts.items() if len(experts) >= 2]
    rng.shuffle(topics)
    planted = []
    for topic in topics[: args.topics]:
        experts = {ids[world.org.people[i].username] for i in world.experts[topic]}
        relevant = set(ItemTag.objects.filter(tag__name=topic, item__author_id__in=experts)
                       .values_list("item_id", flat=True))  # fmt: skip
        for viewer in Person.objects.filter(pk__in=rng.sample(sorted(ids.values()), 3)):
            planted.append(run(viewer, topic.replace("-", " "), relevant, experts))
    rows.append(("(a) planted experts and their items", planted))

    # (b) bookmarks, Carmel et al.
    with transaction.atomic():
        marks = []
        for pk, body in Item.objects.filter(kind=Item.Kind.BOOKMARK).values_list("pk", "body"):
            link = LINK.search(body)
            if link:
                normal = normalise_url(link.group(1))
                marks.append(Bookmark(item_id=pk, url=link.group(1), normalised_url=normal,
                                      url_key=url_key(normal)))  # fmt: skip
        Bookmark.objects.bulk_create(marks, batch_size=5000, ignore_conflicts=True)
        by_key = {}
        for item_id, key, author in Bookmark.objects.values_list(
            "item_id", "url_key", "item__author_id"
        ):
            by_key.setdefault(key, []).append((item_id, author))
        tagged = list(ItemTag.objects.filter(item__kind=Item.Kind.BOOKMARK,
                                             item__private=False, item__removed_at=None)
                      .values_list("item_id", "tag__name", "item__author_id",
                                   "item__bookmark__url_key"))  # fmt: skip
        rng.shuffle(tagged)
        carmel = []
        for _item_id, tag, author, key in tagged:
            if len(carmel) >= args.bookmark_queries:
                break
            relevant = {i for i, a in by_key.get(key, []) if a != author}
            if not relevant:
                continue
            viewer = Person.objects.get(pk=author)
            own = {i for i, a in by_key[key] if a == author}
            carmel.append(run(viewer, tag.replace("-", " "), relevant, set(),
                              Filters(kinds=["bookmark"]), hide=own))  # fmt: skip
        rows.append(("(b) bookmarks (Carmel et al.)", carmel))
        transaction.set_rollback(True)

    lines = ["### Search quality: nDCG@10", "", f"Machine: {harness.machine()}", "",
             f"Command: `.venv/bin/python {' '.join(sys.argv)}`", "",
             "| set | queries | text only | social ranking |", "|---|---:|---:|---:|"]  # fmt: skip
    for name, scores in rows:
        plain = sum(s[False] for s in scores) / max(1, len(scores))
        social = sum(s[True] for s in scores) / max(1, len(scores))
        lines.append(f"| {name} | {len(scores)} | {plain:.3f} | {social:.3f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
