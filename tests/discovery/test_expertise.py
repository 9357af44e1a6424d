"""Expertise: the components, their weights, public evidence only, and the refresh paths."""

from django.core.management import call_command

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.discovery import refresh
from kollega.discovery.experts import experts_for, top_topics
from kollega.discovery.models import Expertise, Responsiveness
from kollega.people.actions import tag_person
from tests.discovery.conftest import answered


def row(person, tag):
    return Expertise.objects.get(person=person, tag__name=tag)


def test_it_counts_each_kind_of_evidence(experts):
    charlie = row(experts.charlie, "kubernetes")
    assert charlie.self_tagged is True
    assert (charlie.taggers, charlie.items, charlie.answers) == (2, 1, 1)
    assert row(experts.bob, "kubernetes").taggers == 0


def test_a_colleagues_tag_outweighs_a_self_given_one(org):
    tag_person(org.bob, org.bob, "terraform")
    tag_person(org.alice, org.charlie, "terraform")
    refresh.refresh_people([org.bob.pk, org.charlie.pk])
    assert row(org.charlie, "terraform").score > row(org.bob, "terraform").score


def test_an_accepted_answer_outweighs_writing_a_post(org):
    from kollega.places.actions import join_place

    join_place(org.bob, org.guild)
    join_place(org.dana, org.guild)
    create_item(org.bob, org.guild, kind=Item.Kind.TOPIC, title="Helm", body="", tags="helm")
    answered(org.dana, org.charlie, org.guild, "helm")
    refresh.refresh_people([org.bob.pk, org.charlie.pk, org.dana.pk])
    assert row(org.charlie, "helm").answers == 1
    assert row(org.charlie, "helm").score > row(org.bob, "helm").score
    # Asking a question is interest, not knowledge: it counts, but less than a topic.
    assert row(org.dana, "helm").score < row(org.bob, "helm").score


def test_the_expert_is_found_first_for_their_topic(experts):
    found = experts_for(["kubernetes"], viewer=experts.alice)
    assert [e.person for e in found][:2] == [experts.charlie, experts.bob]
    assert "accepted answer" in found[0].reasons[0]
    assert experts.alice not in [e.person for e in experts_for("kubernetes", experts.alice)]


def test_it_never_learns_from_restricted_communities(experts):
    create_item(experts.bob, experts.secret, kind=Item.Kind.TOPIC, title="Falcon again", body="",
                tags="falcon")  # fmt: skip
    refresh.refresh_people([experts.bob.pk])
    assert not Expertise.objects.filter(tag__name="falcon").exists()
    assert experts_for("falcon", viewer=experts.dana) == []


def test_private_items_do_not_count(org):
    create_item(org.bob, org.bob.board, kind=Item.Kind.BOOKMARK, title="Notes", body="",
                tags="vault", private=True)  # fmt: skip
    refresh.refresh_people([org.bob.pk])
    assert not Expertise.objects.filter(tag__name="vault").exists()


def test_bookmarks_count_separately(org):
    create_item(
        org.bob, org.bob.board, kind=Item.Kind.BOOKMARK, title="Docs", body="", tags="vault"
    )
    refresh.refresh_people([org.bob.pk])
    assert (row(org.bob, "vault").bookmarks, row(org.bob, "vault").items) == (1, 0)


def test_top_topics_are_ordered_by_score(experts):
    tag_person(experts.charlie, experts.charlie, "linux")
    refresh.refresh_people([experts.charlie.pk])
    assert [r.tag.name for r in top_topics(experts.charlie)] == ["kubernetes", "linux"]


def test_responsiveness_counts_replies_and_accepted_answers(experts):
    answers = Responsiveness.objects.get(person=experts.charlie)
    assert (answers.replied, answers.accepted, answers.answer_rate) == (1, 1, 1.0)
    assert answers.median_seconds is not None


def test_the_changed_refresh_follows_the_event_log(org):
    refresh.refresh_all()
    tag_person(org.alice, org.dana, "pricing")
    assert not Expertise.objects.filter(person=org.dana).exists()
    assert refresh.refresh_changed() == 1
    assert row(org.dana, "pricing").taggers == 1
    assert refresh.refresh_changed() == 0


def test_the_command_rebuilds_everything(experts):
    Expertise.objects.all().delete()
    call_command("refresh_expertise", verbosity=0)
    assert row(experts.charlie, "kubernetes").answers == 1
    call_command("refresh_expertise", "--changed", verbosity=0)


def test_the_background_task_refreshes_what_changed(org):
    from kollega.discovery.tasks import refresh_changed_expertise

    tag_person(org.alice, org.bob, "terraform")
    refresh_changed_expertise.enqueue()
    assert row(org.bob, "terraform").taggers == 1
