"""Seeding a demo organisation: plan it in memory, then write it in bulk, phase by phase.

``run_seed(people=N, items=M, seed=S)`` is what ``kollega seed`` runs. The same seed always
plans the same organisation, network and content; timestamps are placed in the two years
before the moment the seed runs, so the demo always looks current.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import transaction
from tqdm import tqdm

from kollega.demo import phases, writer
from kollega.demo.generator import follows
from kollega.demo.generator.communities import DAY, WINDOW
from kollega.demo.generator.content import ContentGenerator, Ids
from kollega.demo.generator.world import build_world

BATCH_ITEMS = 20_000  # items per write; bounds memory at a few hundred MB for any size


@dataclass
class SeedResult:
    counts: dict[str, int]
    phases: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        counts = ", ".join(f"{value:,} {name}" for name, value in self.counts.items())
        timings = ", ".join(f"{name} {secs:.1f} s" for name, secs in self.phases.items())
        return f"Seeded {counts} in {self.seconds:.1f} s ({timings})."


class _Phases:
    def __init__(self, show: bool):
        self.show = show
        self.times: dict[str, float] = {}

    def bar(self, name: str, total: int | None, unit: str):
        return tqdm(total=total, desc=f"{name:<13}", unit=f" {unit}", file=sys.stderr,
                    disable=not self.show, dynamic_ncols=True, leave=self.show)  # fmt: skip

    def timed(self, name: str):
        phases_ = self

        class _Timer:
            def __enter__(self):
                self.start = time.perf_counter()

            def __exit__(self, *exc):
                phases_.times[name] = time.perf_counter() - self.start

        return _Timer()


def window_start_for(now: datetime) -> int:
    """The Monday (00:00 UTC) on or before two years ago, in epoch seconds.

    Starting on a fixed weekday keeps the same seed's data identical all week long (working
    hours and weekends fall the same way), at the price of the newest activity being up to
    a week old.
    """
    day = (int(now.timestamp()) - WINDOW) // DAY
    monday = day - (day + 3) % 7  # 1 January 1970 was a Thursday
    return monday * DAY


def run_seed(*, people: int, items: int, seed: int, progress: bool = True) -> SeedResult:
    started = time.perf_counter()
    track = _Phases(progress)
    with track.timed("plan"):
        world = build_world(seed, people)
    window_start = window_start_for(datetime.now(UTC))
    with writer.fast_session():
        with transaction.atomic():
            with writer.foreign_keys_later():
                s = _write(world, people, items, window_start, track)
                finishing = time.perf_counter()
                activity = sorted(s.content_activity.items())
                writer.update_place_activity([(s.when(t), place_id) for place_id, t in activity])
            writer.finish()
            track.times["finish"] = time.perf_counter() - finishing
            committing = time.perf_counter()
        track.times["commit"] = time.perf_counter() - committing
    counts = {"people": s.counts["people"], "communities": s.counts["communities"],
              **s.content_counts, "contacts": s.counts["contacts"],
              "person tags": s.counts["person tags"], "follows": s.counts["follows"],
              "memberships": s.counts["memberships"], "events": s.counts["events"]}  # fmt: skip
    return SeedResult(counts, track.times, time.perf_counter() - started)


def _write(world, people: int, items: int, window_start: int, track: _Phases) -> phases.Seeding:
    s = phases.Seeding(world, writer.next_ids(), writer.timestamp_converter(window_start))
    with track.timed("people"), track.bar("people", people, "people") as bar:
        phases.people(s, bar)
    with track.timed("network"), track.bar("network", len(world.edges), "contacts") as bar:
        phases.network(s, bar)
    extra = len(follows.hub_contacts(world))
    with track.timed("hub"), track.bar("hub", extra, "contacts") as bar:
        phases.hub(s, bar)
    with track.timed("profile tags"), track.bar("profile tags", people, "people") as bar:
        phases.profile_tags(s, bar)
    communities = len(world.communities)
    with track.timed("communities"), track.bar("communities", communities, "places") as bar:
        phases.communities(s, bar)
    with track.timed("follows"), track.bar("follows", None, "follows") as bar:
        phases.follows(s, bar)
    with track.timed("content"), track.bar("content", items, "items") as bar:
        _content(s, items, window_start, bar)
    return s


def _content(s: phases.Seeding, items: int, window_start: int, bar) -> None:
    ids = Ids(
        item=s.next_id["content.Item"],
        itemtag=s.next_id["content.ItemTag"],
        reply=s.next_id["content.Reply"],
        like=s.next_id["content.Like"],
        save=s.next_id["content.Save"],
        event=s.next_id["activity.Event"],
        wikirevision=s.next_id["wiki.WikiRevision"],
        ideavote=s.next_id["ideas.IdeaVote"],
    )
    generator = ContentGenerator(
        s.world,
        person_ids=s.person_ids,
        board_ids=s.board_ids,
        community_ids=s.community_ids,
        organisation_id=s.organisation_id,
        tag_ids=s.tag_ids,
        ids=ids,
        when=s.when,
        start_weekday=datetime.fromtimestamp(window_start, UTC).weekday(),  # always Monday
    )
    events = 0
    for batch in generator.batches(items, BATCH_ITEMS):
        writer.insert("content.Item", batch.items)
        writer.insert("content.ItemTag", batch.item_tags)
        writer.insert("content.Question", batch.questions)
        writer.insert("content.Reply", batch.replies)
        writer.insert("content.Like", batch.likes)
        writer.insert("content.Save", batch.saves)
        writer.insert("activity.Event", batch.events)
        writer.insert("wiki.WikiPage", batch.wiki_pages)
        writer.insert("wiki.WikiRevision", batch.wiki_revisions)
        writer.insert("ideas.Idea", batch.ideas)
        writer.insert("ideas.IdeaVote", batch.idea_votes)
        writer.insert("news.NewsDetail", batch.news)
        writer.insert("bookmarks.Bookmark", batch.bookmarks)
        events += len(batch.events)
        bar.update(len(batch.items))
    s.counts["events"] += events
    s.content_activity = generator.place_activity
    s.content_counts = generator.counts
    _feature_newest_news()


FEATURED_NEWS = 2
FEATURED_FOR = timedelta(days=30)


def _feature_newest_news() -> None:
    """The newest articles are featured on the home page for a month, as editors would."""
    from kollega.content.models import Item
    from kollega.news.models import NewsDetail

    newest = Item.objects.filter(kind="news").order_by("-created", "-pk")[:FEATURED_NEWS]
    NewsDetail.objects.filter(item_id__in=list(newest.values_list("pk", flat=True))).update(
        featured_until=datetime.now(UTC) + FEATURED_FOR
    )
