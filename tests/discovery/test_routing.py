"""Routing a question: it is posted as an ordinary question, the experts are told and see
it in their action list until they answer, decline or lose access."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega.content.actions import accept_answer, reply_to_item
from kollega.content.models import Item, Question
from kollega.discovery import actions
from kollega.discovery.models import RoutedQuestion
from kollega.discovery.queries import routed_for_item, routed_to
from kollega.notifications.models import Notification
from kollega.places.models import Membership


def ask(org, **kw):
    fields = {"title": "How do we drain a kubernetes node?", "body": "Safely.",
              "tags": "kubernetes", "experts": [org.charlie]} | kw  # fmt: skip
    return actions.ask_question(org.alice, **fields)


def test_a_question_on_the_board_is_a_findable_question(org):
    item = ask(org)
    assert item.place == org.alice.board and item.kind == Item.Kind.STATUS
    assert Question.objects.get(item=item).state == "open"


def test_a_question_in_a_community_has_the_question_kind(org):
    item = ask(org, place=org.guild)
    assert (item.place, item.kind) == (org.guild, Item.Kind.QUESTION)


def test_the_experts_are_notified(org):
    item = ask(org, experts=[org.charlie, org.bob])
    told = Notification.objects.filter(event__item=item).values_list(
        "recipient__username", flat=True
    )
    assert sorted(told) == ["bob", "charlie"]


def test_routed_questions_wait_in_the_experts_action_list(org):
    item = ask(org)
    assert [r.item for r in routed_to(org.charlie)] == [item]
    assert routed_to(org.bob) == []


def test_answering_takes_it_off_the_list_and_shows_on_the_status(org):
    item = ask(org)
    reply = reply_to_item(org.charlie, item, "kubectl drain.")
    assert routed_to(org.charlie) == []
    assert routed_for_item(item)[0].state == "answered"
    accept_answer(org.alice, reply)
    assert Question.objects.get(item=item).state == "answered"


def test_an_answered_question_leaves_every_list(org):
    item = ask(org, experts=[org.charlie, org.bob])
    accept_answer(org.alice, reply_to_item(org.charlie, item, "kubectl drain."))
    assert routed_to(org.bob) == []


def test_declining_takes_it_off_the_list(org):
    ask(org)
    routed = RoutedQuestion.objects.get(person=org.charlie)
    actions.decline_routed(org.charlie, routed)
    assert routed_to(org.charlie) == []
    with pytest.raises(ValidationError):
        actions.decline_routed(org.charlie, routed)
    with pytest.raises(PermissionDenied):
        actions.decline_routed(org.bob, RoutedQuestion(person=org.charlie, state="open"))


def test_people_who_lose_access_no_longer_see_it(org):
    actions.ask_question(org.alice, title="Falcon kubernetes?", place=org.secret,
                         experts=[org.bob])  # fmt: skip
    assert len(routed_to(org.bob)) == 1
    Membership.objects.filter(place=org.secret, person=org.bob).delete()
    assert routed_to(org.bob) == []


def test_it_refuses_people_who_cannot_read_the_question(org):
    with pytest.raises(ValidationError) as exc:
        actions.ask_question(org.alice, title="Falcon?", place=org.secret, experts=[org.dana])
    assert "Dana Dahl cannot read" in str(exc.value)
    assert not Item.objects.filter(title="Falcon?").exists()


def test_only_the_asker_routes_and_not_too_widely(org):
    item = ask(org)
    with pytest.raises(PermissionDenied):
        actions.route_question(org.bob, item, [org.dana])
    with pytest.raises(ValidationError):
        actions.route_question(org.alice, item, [org.bob, *_many(org, 10)])
    assert RoutedQuestion.objects.filter(item=item).count() == 1


def _many(org, n):
    from tests.factories import person

    return [person(f"p{i}", f"Person {i}") for i in range(n)]


def test_routing_twice_to_the_same_person_tells_them_once(org):
    item = ask(org)
    actions.route_question(org.alice, item, [org.charlie, org.bob])
    assert RoutedQuestion.objects.filter(item=item).count() == 2
    assert Notification.objects.filter(event__item=item, recipient=org.charlie).count() == 1


def test_an_empty_question_is_refused(org):
    with pytest.raises(ValidationError):
        actions.ask_question(org.alice, title="  ")
    with pytest.raises(ValidationError):
        actions.ask_question(org.alice, title="Hi", place=org.bob.board)


def test_routed_to_takes_a_fixed_number_of_queries(org, django_assert_num_queries):
    for n in range(3):
        ask(org, title=f"Question {n}")
    with django_assert_num_queries(1):
        rows = routed_to(org.charlie)
        assert [r.item.author.name for r in rows] == ["Alice Andersson"] * 3
