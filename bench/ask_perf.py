"""Discovery latency on a seeded database: Ask suggestions, recommendations, experts by
topic and the "questions for me" list, each timed over many people and questions.

Run on a COPY of the seeded database, after `kollega migrate` and
`kollega manage refresh_expertise`:

    .venv/bin/python bench/ask_perf.py --db sqlite:////tmp/disc-bench/seed.sqlite3
    .venv/bin/python bench/ask_perf.py --db postgresql://postgres@127.0.0.1:5432/kollega_discovery_bench
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from ask_eval import TITLES, question  # noqa: E402


def main() -> None:
    p = harness.parser("Ask, recommendations and expert search latency.")
    args = p.parse_args()
    harness.setup(args.db)

    from kollega.demo.generator.catalogue import DEPARTMENTS, topic_label
    from kollega.discovery.ask import suggest
    from kollega.discovery.experts import experts_for
    from kollega.discovery.queries import routed_to
    from kollega.discovery.recommendations import recommendations
    from kollega.people.models import Person

    rng = random.Random(args.seed)
    ids = list(Person.objects.filter(user__is_active=True).values_list("pk", flat=True))
    people = list(Person.objects.filter(pk__in=rng.sample(ids, min(len(ids), 300))))
    topics = [(t, d.topics) for d in DEPARTMENTS for t in d.topics]
    questions = []
    for _ in range(300):
        topic, vocab = rng.choice(topics)
        related = [t for t in vocab if t != topic]
        questions.append((rng.choice(people), *question(rng, topic, related, topic_label), topic))

    load_before = harness.load()
    rows = {
        "Ask suggestions (title + body, no tags)": harness.timed(
            harness.cycling(lambda q: suggest(q[0], title=q[1], body=q[2]), questions),
            args.runs,
        ),
        "Ask suggestions (with the topic as a tag)": harness.timed(
            harness.cycling(lambda q: suggest(q[0], title=q[1], body=q[2], tags=q[3]), questions),
            args.runs,
        ),
        "Experts for one topic (people search)": harness.timed(
            harness.cycling(lambda q: experts_for(q[3], q[0], 10), questions), args.runs
        ),
        "Recommendations (10)": harness.timed(
            harness.cycling(lambda person: recommendations(person, 10), people), args.runs
        ),
        "Questions for me (routed_to)": harness.timed(
            harness.cycling(lambda person: routed_to(person, 20), people), args.runs
        ),
        # What one trivial query costs right now: read the figures above against it on a
        # shared, busy machine.
        "Baseline: one primary-key lookup": harness.timed(
            harness.cycling(lambda person: Person.objects.filter(pk=person.pk).first(), people),
            args.runs,
        ),
    }
    print(f"{len(TITLES)} question templates; {len(people)} people; {args.runs} runs each")
    harness.report(f"Discovery latency ({Person.objects.count():,} people)", rows, load_before)


if __name__ == "__main__":
    main()
