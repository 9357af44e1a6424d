"""Ask quality: is a planted expert among the top 3 suggestions?

The demo generator plants experts per topic (kollega/demo/generator/expertise.py); the seed
makes them visible as real experts are (tags from themselves and colleagues, what they write,
accepted answers). This script rebuilds the same plan from the seed, writes questions per
topic the way people phrase them (the topic's words in a question title, a related topic of
the same department and everyday noise in the body, no tags), asks them as random people
and counts how often a planted expert of the topic is in the top 3.

    KOLLEGA_DATABASE_URL=sqlite:////tmp/disc-eval/db.sqlite3 kollega seed --people 2000
    KOLLEGA_DATABASE_URL=sqlite:////tmp/disc-eval/db.sqlite3 kollega manage refresh_expertise
    .venv/bin/python bench/ask_eval.py --db sqlite:////tmp/disc-eval/db.sqlite3 --people 2000
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

NOISE = (
    "customer", "tomorrow", "workshop", "deadline", "team", "project", "update", "issue",
    "meeting", "quickly", "problem", "support", "release", "report", "urgent", "setup",
)  # fmt: skip
TITLES = (
    "How do I get started with {T}?",
    "Who can review our {T} approach?",
    "{T}: why does it fail after the upgrade?",
    "Best practice for {T} in a customer project?",
    "Has anyone used {T} for the migration?",
    "Stuck with {T}, any pointers?",
)


def question(rng: random.Random, topic: str, related: list[str], label) -> tuple[str, str]:
    title = rng.choice(TITLES).format(T=label(topic))
    words = rng.sample(NOISE, 3)
    if related:
        words.insert(rng.randrange(len(words) + 1), label(rng.choice(related)).lower())
    body = f"Context: {' '.join(words)}. Any help appreciated."
    return title, body


def main() -> None:
    p = harness.parser("Ask quality against the seed's planted experts.")
    p.add_argument("--people", type=int, required=True, help="--people the seed was run with")
    p.add_argument("--per-topic", type=int, default=5, help="questions per topic")
    args = p.parse_args()
    harness.setup(args.db)

    from kollega.demo.generator.catalogue import topic_label
    from kollega.demo.generator.world import build_world
    from kollega.discovery.ask import suggest
    from kollega.people.models import Person

    world = build_world(args.seed, args.people)
    people = world.org.people
    by_username = {p.username: p for p in Person.objects.all()}
    rng = random.Random(f"{args.seed}:ask-eval")
    asked = hits = top1 = 0
    misses: list[str] = []
    for topic in sorted(world.experts):
        experts = {people[i].username for i in world.experts[topic]}
        vocab = next(
            (d.topics for d in (people[i].department for i in world.experts[topic]) if d), ()
        )
        related = [t for t in vocab if t != topic]
        for _ in range(args.per_topic):
            asker = people[rng.randrange(len(people))]
            if asker.username in experts or asker.username not in by_username:
                continue
            title, body = question(rng, topic, related, topic_label)
            top = suggest(by_username[asker.username], title=title, body=body, limit=3)
            found = [s.person.username for s in top]
            asked += 1
            hit = bool(experts & set(found))
            hits += hit
            top1 += bool(found and found[0] in experts)
            if not hit:
                misses.append(f"{topic}: {title} | {body}")
    share, first = hits / asked, top1 / asked
    text = (
        f"### Ask quality (planted experts in the top 3)\n\n"
        f"Seed: {args.people:,} people (seed {args.seed}); {asked} questions over "
        f"{len(world.experts)} topics, {args.per_topic} per topic, asked by random people, "
        f"text only (no tags).\n\n"
        f"| measure | value |\n|---|---:|\n"
        f"| planted expert in top 3 | {share:.1%} |\n"
        f"| planted expert first | {first:.1%} |\n\n"
        f"Machine: {harness.machine()}\n\n"
        f"Command: `.venv/bin/python bench/ask_eval.py --db {args.db} --people {args.people}`\n"
    )
    print(text)
    for line in misses[:10]:
        print("miss:", line)


if __name__ == "__main__":
    main()
