"""How a search reads the index (kollega.search.backends.best and queries._pool): kinds in
the index, a common word ranked among its recent matches, a rare word found however old, the
searcher's own communities, and a query count that does not grow with the data."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.places.actions import join_place
from kollega.search import queries
from kollega.search.backends import best, get_backend
from kollega.search.models import SearchDocument
from kollega.search.queries import Filters, search
from kollega.search.querytext import parse


def doc(item) -> int:
    return SearchDocument.objects.get(item=item).pk


def recent_means(monkeypatch, n: int) -> None:
    """Make "recent" small: the newest n matches (SQLite, at least twice the size asked
    for) or a first window of the newest n documents (PostgreSQL)."""
    backend = get_backend()
    monkeypatch.setattr(backend, "RECENT" if connection.vendor == "sqlite" else "WINDOW", n)


def test_a_common_word_is_ranked_among_its_recent_matches(indexed, monkeypatch):
    org = indexed
    oldest = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Walrus walrus",
                         body="Walrus walrus walrus.", tags="walrus")  # fmt: skip
    newer = [create_item(org.alice, org.alice.board, kind=Item.Kind.STATUS,
                         body=f"A walrus, note {n}.") for n in range(6)]  # fmt: skip
    found, complete = best(parse("walrus"), 2)
    assert found[0][0] == doc(oldest) and not complete
    found, complete = best(parse("walrus"), 50)
    assert found[0][0] == doc(oldest) and complete  # fewer than asked for: all were scored
    recent_means(monkeypatch, 1)
    found, complete = best(parse("walrus"), 2)
    assert {pk for pk, _score in found} <= {doc(item) for item in newer}
    assert len(found) == 2 and not complete


def test_a_rare_word_is_found_however_old(indexed, monkeypatch):
    org = indexed
    old = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Quokka census",
                      body="Counted.")  # fmt: skip
    for n in range(5):
        create_item(org.alice, org.alice.board, kind=Item.Kind.STATUS, body=f"Note {n}.")
    recent_means(monkeypatch, 1)
    found = search(org.dana, "quokka")
    assert [r.item.pk for r in found.results] == [old.pk] and not found.capped


def test_people_and_communities_are_searched_apart_from_items(indexed, monkeypatch):
    org = indexed
    for n in range(4):
        create_item(org.alice, org.alice.board, kind=Item.Kind.STATUS,
                    body=f"Engineer meetup {n}.")  # fmt: skip
    recent_means(monkeypatch, 1)
    people = best(parse("engineer"), 10, kinds=["person"])[0]
    engineers = SearchDocument.objects.filter(person__in=[org.bob, org.charlie])
    assert {pk for pk, _s in people} == set(engineers.values_list("pk", flat=True))
    statuses = best(parse("engineer"), 10, kinds=["status"])[0]
    assert len(statuses) == 4


def test_a_kind_filter_reads_only_that_kind_and_offers_the_others(indexed):
    org = indexed
    create_item(org.alice, org.guild, kind=Item.Kind.QUESTION, title="Kubernetes quotas?",
                body="How?")  # fmt: skip
    found = search(org.dana, "kubernetes", Filters(kinds=["question"]))
    counted = {f.value: f.count for f in found.kinds if f.count is not None}
    assert counted == {"question": 1} and found.total == 1
    uncounted = {f.value for f in found.kinds if f.count is None}
    assert {"topic", "community", "person"} <= uncounted


def test_a_weaker_match_in_your_community_is_ranked_beyond_the_depth(indexed, monkeypatch):
    org = indexed
    strong = create_item(org.alice, org.alice.board, kind=Item.Kind.BLOG, title="Yak shaving",
                         body="Yak yak yak.", tags="yak")  # fmt: skip
    weak = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Tools",
                       body="A yak.")  # fmt: skip
    monkeypatch.setattr(queries, "RERANK", 1)
    assert [r.item.pk for r in search(org.dana, "yak").results] == [strong.pk]
    join_place(org.dana, org.guild)
    assert {r.item.pk for r in search(org.dana, "yak").results} == {strong.pk, weak.pk}


def test_your_communities_never_bring_back_what_you_may_not_read(indexed, monkeypatch):
    org = indexed
    removed = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Gnu notes",
                          body="Gnu.")  # fmt: skip
    Item.objects.filter(pk=removed.pk).update(removed_at=timezone.now())
    monkeypatch.setattr(queries, "RERANK", 0)
    found = search(org.alice, "gnu")
    assert found.total == 0 and found.results == []
    # Bob is in the restricted community; Dana, who is not, is not helped by hers.
    join_place(org.dana, org.guild)
    assert search(org.dana, "falcon").total == 0
    assert search(org.bob, "falcon").total == 1


@pytest.mark.parametrize("text", ["kubernetes", "kubernetes upgrade", ""])
def test_a_search_takes_a_fixed_number_of_queries(indexed, text):
    org = indexed
    join_place(org.dana, org.guild)
    filters = Filters(tag="kubernetes") if not text else None

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            search(org.dana, text, filters)
        return len(captured)

    few = count()
    for n in range(15):
        create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, tags="kubernetes",
                    title=f"Kubernetes upgrade note {n}", body="Kubernetes upgrade.")  # fmt: skip
    # Fewer at most: a community on the first page costs one query, pushed off it none.
    assert count() <= few <= 20
