"""Search behaviour. The same module runs on SQLite (FTS5) and, with KOLLEGA_DATABASE_URL
pointing at PostgreSQL, on PostgreSQL full text: both backends must answer alike."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from kollega.bookmarks.actions import create_bookmark
from kollega.content.actions import create_item, like_item, reply_to_item, update_item
from kollega.content.models import Item
from kollega.files import actions as file_actions
from kollega.moderation.models import Report  # noqa: F401 - the app is installed
from kollega.people.actions import tag_person, update_profile
from kollega.places.actions import create_community, join_place
from kollega.search.models import SearchDocument
from kollega.search.queries import Filters, clean_filters, search
from kollega.search.suggest import suggest
from tests.files import builders


def titles(results):
    return [r.title for r in results.results]


def test_it_finds_items_by_title_body_and_tag(indexed):
    org = indexed
    assert titles(search(org.dana, "kubernetes"))[0] == "Kubernetes upgrade plan"
    assert "Kubernetes upgrade plan" in titles(search(org.dana, "next week"))


def test_it_finds_people_by_name_title_department_and_tags(indexed):
    org = indexed
    assert titles(search(org.dana, "charlie"))[0] == "Charlie Chen"
    assert "Charlie Chen" in titles(search(org.dana, "reliability"))
    assert "Bob Brown" in titles(search(org.dana, "platform engineer"))
    tag_person(org.alice, org.charlie, "terraform")
    assert titles(search(org.dana, "terraform")) == ["Charlie Chen"]


def test_profile_changes_are_indexed_in_the_same_transaction(indexed):
    org = indexed
    update_profile(org.dana, org.dana, job_title="Quantum Accountant")
    assert titles(search(org.bob, "quantum")) == ["Dana Dahl"]


def test_it_removes_diacritics_both_ways(indexed):
    org = indexed
    create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Fika i Malmö", body="Kaffe.")
    assert titles(search(org.dana, "malmo")) == ["Fika i Malmö"]
    assert titles(search(org.dana, "Malmö")) == ["Fika i Malmö"]


def test_it_finds_communities_by_name_description_and_tag(indexed):
    org = indexed
    create_community(org.dana, "Sales Kickoff", description="Planning the yearly summit",
                     tags="events")  # fmt: skip
    for words in ("kickoff", "summit", "events"):
        assert "Sales Kickoff" in titles(search(org.bob, words))


def test_replies_count_for_their_item(indexed):
    org = indexed
    reply_to_item(org.bob, org.open_item, "Remember the etcd backup first.")
    assert titles(search(org.dana, "etcd")) == ["Kubernetes upgrade plan"]


def test_edits_are_indexed(indexed):
    org = indexed
    update_item(org.alice, org.open_item, title="Kubernetes migration plan")
    assert titles(search(org.dana, "migration")) == ["Kubernetes migration plan"]
    assert (
        search(org.dana, "upgrade plan").total == 0
        or "upgrade" not in titles(search(org.dana, "upgrade plan"))[0].lower()
    )


def test_bookmarks_are_found_by_address_and_title(indexed, django_capture_on_commit_callbacks):
    org = indexed
    with django_capture_on_commit_callbacks(execute=True):
        create_bookmark(org.bob, url="https://helm.sh/docs/chart_best_practices/",
                        title="Chart practices", description="How we write charts")  # fmt: skip
    assert titles(search(org.dana, "helm")) == ["Chart practices"]


def test_a_bookmark_found_by_its_address_is_not_quoted_by_its_address(
    indexed, django_capture_on_commit_callbacks
):
    org = indexed
    with django_capture_on_commit_callbacks(execute=True):
        create_bookmark(org.bob, url="https://example.org/guides/kubernetes",
                        title="Cluster handbook",
                        description="How we run our clusters, step by step.")  # fmt: skip
    for words in ("example org guides", "example.org", "clusters guides"):
        assert titles(search(org.dana, words)) == ["Cluster handbook"], words
    result = search(org.dana, "clusters guides").results[0]
    assert "<mark>clusters</mark>" in result.snippet_html
    for word in ("https", "example", "guides"):
        assert word not in result.snippet_html


def test_a_file_found_by_its_name_is_quoted_from_its_text(
    indexed, django_capture_on_commit_callbacks
):
    org = indexed
    join_place(org.bob, org.guild)
    upload = builders.upload("zeppelin_rollout.pdf", builders.pdf("Hangar checklist for spring"))
    with django_capture_on_commit_callbacks(execute=True):
        file_actions.upload_file(org.bob, org.guild, upload, description="For the airship crew.")
    result = search(org.dana, "rollout").results[0]
    assert result.title == "zeppelin_rollout.pdf"
    # No word of the query in what is read: the snippet is the start of it.
    assert "Hangar checklist" in result.snippet_html and "pdf" not in result.snippet_html
    result = search(org.dana, "rollout checklist").results[0]
    assert "<mark>checklist</mark>" in result.snippet_html
    assert "rollout" not in result.snippet_html and "pdf" not in result.snippet_html


def test_files_are_found_by_their_text(indexed, django_capture_on_commit_callbacks):
    org = indexed
    join_place(org.bob, org.guild)
    upload = builders.upload("plan.pdf", builders.pdf("Zeppelin rollout checklist"))
    with django_capture_on_commit_callbacks(execute=True):
        file_actions.upload_file(org.bob, org.guild, upload)
    assert titles(search(org.dana, "zeppelin")) == ["plan.pdf"]


def test_phrases_exclusions_and_or(indexed):
    org = indexed
    create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Blue green deploys",
                body="Green first, then blue.")  # fmt: skip
    create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Green energy", body="Solar.")
    assert titles(search(org.dana, '"blue green"')) == ["Blue green deploys"]
    assert titles(search(org.dana, "green -solar")) == ["Blue green deploys"]
    assert set(titles(search(org.dana, "solar OR deploys"))) == {"Green energy",
                                                                  "Blue green deploys"}  # fmt: skip


def test_facets_count_kinds_tags_authors_and_communities(indexed):
    org = indexed
    create_item(org.alice, org.guild, kind=Item.Kind.QUESTION, title="Kubernetes quotas?",
                body="How?", tags="kubernetes quotas")  # fmt: skip
    found = search(org.dana, "kubernetes")
    kinds = {f.value: f.count for f in found.kinds}
    assert kinds["topic"] == 1 and kinds["question"] == 1 and kinds["community"] == 1
    assert {f.value: f.count for f in found.tags}["kubernetes"] == 2
    assert {f.value: f.count for f in found.authors}["alice"] == 2
    assert {f.value: f.count for f in found.places}["platform-guild"] == 2


def test_filters_narrow_by_kind_tag_author_place_and_date(indexed):
    org = indexed
    create_item(org.alice, org.guild, kind=Item.Kind.QUESTION, title="Kubernetes quotas?",
                body="How?", tags="quotas")  # fmt: skip
    assert titles(search(org.dana, "kubernetes", Filters(kinds=["question"]))) == [
        "Kubernetes quotas?"
    ]
    assert titles(search(org.dana, "kubernetes", Filters(tag="quotas"))) == ["Kubernetes quotas?"]
    assert search(org.dana, "kubernetes", Filters(author="bob")).total == 0
    assert search(org.dana, "kubernetes", Filters(place="platform-guild")).total == 2
    today = timezone.now().date()
    assert search(org.dana, "kubernetes", clean_filters(date_to="2000-01-01")).total == 0
    assert search(org.dana, "kubernetes", Filters(date_from=today)).total == 3


def test_filters_alone_list_the_newest(indexed):
    org = indexed
    assert titles(search(org.dana, "", Filters(tag="kubernetes")))[0] == "Kubernetes upgrade plan"


def test_bad_filters_are_refused_with_a_message(indexed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        clean_filters(kinds=["nonsense"])
    with pytest.raises(ValidationError):
        clean_filters(date_from="31/12/2024")


def test_snippets_highlight_and_escape(indexed):
    org = indexed
    create_item(
        org.alice,
        org.guild,
        kind=Item.Kind.TOPIC,
        title="<script>alert(1)</script>",
        body='Beware <img src=x onerror=alert(1)> of the "xyzzy" trick & more.',
    )
    found = search(org.dana, "xyzzy")
    result = found.results[0]
    assert "<mark>xyzzy</mark>" in result.snippet_html
    assert "<img" not in result.snippet_html and "&lt;img" in result.snippet_html
    assert "<script>" not in result.title_html


def test_suggestions_match_prefixes_of_people_communities_and_titles(indexed):
    org = indexed
    assert [s.label for s in suggest(org.dana, "cha")] == ["Charlie Chen"]
    assert [s.label for s in suggest(org.dana, "platf")][:1] == ["Platform Guild"]
    assert "Kubernetes upgrade plan" in [s.label for s in suggest(org.dana, "kube")]
    assert suggest(org.dana, "k") == []


def test_titles_are_suggested_once_the_word_being_typed_has_three_letters(indexed):
    org = indexed
    assert "Kubernetes upgrade plan" not in [s.label for s in suggest(org.dana, "kubernetes up")]
    assert "Kubernetes upgrade plan" in [s.label for s in suggest(org.dana, "kubernetes upg")]
    # People and communities from two letters on, whatever the words before.
    assert [s.label for s in suggest(org.dana, "charlie ch")] == ["Charlie Chen"]


def test_suggestions_never_show_what_the_viewer_may_not_see(indexed):
    org = indexed
    assert suggest(org.dana, "secret") == [] and suggest(org.dana, "codena") == []
    assert [s.label for s in suggest(org.bob, "codena")] == ["Codename Falcon"]


def test_reindex_command_rebuilds_everything(indexed):
    org = indexed
    SearchDocument.objects.all().delete()
    assert search(org.dana, "kubernetes").total == 0
    call_command("reindex", quiet=True)
    assert search(org.dana, "kubernetes").total == 2
    assert titles(search(org.dana, "dana"))[0] == "Dana Dahl"


def test_deleting_an_item_removes_its_document(indexed):
    org = indexed
    doc_item = org.open_item.pk
    Item.objects.filter(pk=doc_item).delete()
    assert not SearchDocument.objects.filter(item_id=doc_item).exists()
    assert search(org.dana, "upgrade").total == 0


def test_a_like_by_a_contact_lifts_a_result_above_a_strangers(indexed):
    """Two equal items; charlie (bob's contact) likes one, dana (a stranger) the other."""
    from kollega.network.actions import accept_invitation, invite

    org = indexed
    first = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Helm notes",
                        body="Helm charts.")  # fmt: skip
    second = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title="Helm notes",
                         body="Helm charts.")  # fmt: skip
    accept_invitation(org.charlie, invite(org.bob, org.charlie))
    like_item(org.charlie, first)
    like_item(org.dana, second)
    found = search(org.bob, "helm")
    assert [r.item.pk for r in found.results] == [first.pk, second.pk]
    codes = [reason.code for reason in found.results[0].reasons]
    assert "liked-by-network" in codes
    # Without social ranking the newer one comes first (equal text relevance).
    plain = search(org.bob, "helm", social=False)
    assert [r.item.pk for r in plain.results] == [second.pk, first.pk]
    assert [reason.code for reason in plain.results[0].reasons] == ["text"]


def test_text_match_for_other_apps_respects_access(indexed):
    from kollega.search.api_python import text_match

    org = indexed
    assert text_match(org.dana, "falcon") == []
    matches = text_match(org.bob, "falcon")
    assert [m.item_id for m in matches] == [org.secret_item.pk] and matches[0].score == 1.0
    people = text_match(org.dana, "engineer", kinds=["person"])
    assert {m.person_id for m in people} == {org.bob.pk, org.charlie.pk}


def test_an_author_colleagues_tag_with_the_words_ranks_higher(indexed):
    org = indexed
    by_charlie = create_item(org.charlie, org.charlie.board, kind=Item.Kind.STATUS,
                             body="Notes on istio.")  # fmt: skip
    by_dana = create_item(org.dana, org.dana.board, kind=Item.Kind.STATUS, body="Notes on istio.")
    tag_person(org.alice, org.charlie, "istio")
    found = search(org.bob, "istio", Filters(kinds=["status"]))
    assert [r.item.pk for r in found.results] == [by_charlie.pk, by_dana.pk]
    assert "author-tagged" in [reason.code for reason in found.results[0].reasons]


def test_snippets_quote_the_text_a_person_reads_not_the_markdown(indexed):
    org = indexed
    create_item(
        org.alice,
        org.guild,
        kind=Item.Kind.TOPIC,
        title="Reading list",
        body="A **useful** reference on [the quokka guide](https://example.org/zz-hidden-path)",
    )
    result = search(org.dana, "quokka").results[0]
    assert "<mark>quokka</mark> guide" in result.snippet_html
    assert "**" not in result.snippet_html and "](" not in result.snippet_html
    # What only the link's address said is not what the item is about.
    assert not search(org.dana, "hidden").results


def test_bookmarks_of_an_address_count_only_readable_ones_and_the_newest_few(
    indexed, django_capture_on_commit_callbacks, monkeypatch
):
    """Alice's bookmark in the restricted community never counts for Dana; of a popular
    address only the newest MARKS_PER_ADDRESS are read, and the reason then says "at least"."""
    from kollega.search import ranking

    org = indexed
    url = "https://example.org/zeppelin-handbook"
    with django_capture_on_commit_callbacks(execute=True):
        create_bookmark(org.alice, url=url, title="Zeppelin handbook", place=org.secret)
        create_bookmark(org.bob, url=url, title="Zeppelin handbook")
        create_bookmark(org.charlie, url=url, title="Zeppelin handbook")

    def bookmark_reason(viewer):
        found = search(viewer, "zeppelin")
        return {r.code: r.text for r in found.results[0].reasons}.get("bookmarks")

    assert bookmark_reason(org.dana) == "bookmarked by 2 people"
    assert bookmark_reason(org.bob) == "bookmarked by 2 people"  # Alice's and Charlie's
    monkeypatch.setattr(ranking, "MARKS_PER_ADDRESS", 2)
    assert bookmark_reason(org.dana) == "bookmarked by at least 2 people"
    monkeypatch.setattr(ranking, "MARKS_PER_ADDRESS", 1)
    # The newest is Charlie's: Dana reads it, Charlie does not count his own.
    assert bookmark_reason(org.dana) == "bookmarked by at least 1 person"
    assert bookmark_reason(org.charlie) is None


def test_a_suggestion_takes_at_most_four_queries(indexed, django_assert_max_num_queries):
    """People, communities, the newest title matches and the readable ones among them."""
    org = indexed
    for n in range(15):
        create_item(org.alice, org.guild, kind=Item.Kind.TOPIC,
                    title=f"Kubernetes note {n}", body="Kubernetes.")  # fmt: skip
    with django_assert_max_num_queries(4):
        found = suggest(org.dana, "kube")
    assert len([s for s in found if s.kind == "topic"]) >= 5
