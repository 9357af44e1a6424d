"""Action required: invitations, join requests, answers to accept and questions routed to me."""

from datetime import timedelta

from django.utils import timezone

from kollega.content import actions as content
from kollega.content.models import Item, Reply
from kollega.discovery.actions import ask_question
from kollega.network import actions as network
from kollega.places import actions as places
from kollega.stream.action_required import Kind, action_required


def kinds(person):
    return [(a.kind, a.id) for a in action_required(person)]


def test_nothing_waits_for_someone_new(org):
    assert action_required(org.dana) == []


def test_network_invitations_wait_until_answered(org):
    invitation = network.invite(org.dana, org.charlie)
    [entry] = action_required(org.charlie)
    assert (entry.kind, entry.id) == (Kind.NETWORK_INVITATION, invitation.pk)
    assert entry.person == org.dana
    network.accept_invitation(org.charlie, invitation)
    assert action_required(org.charlie) == []


def test_community_invitations_are_for_the_invited_and_requests_for_owners(org):
    invitation = places.invite_to_community(org.alice, org.secret, org.dana)
    request = places.request_to_join(org.charlie, org.board_room, "Let me in")
    [entry] = action_required(org.dana)
    assert (entry.kind, entry.place, entry.person) == (
        Kind.COMMUNITY_INVITATION, org.secret, org.alice
    )  # fmt: skip
    [entry] = action_required(org.alice)
    assert (entry.kind, entry.id, entry.message) == (Kind.JOIN_REQUEST, request.pk, "Let me in")
    assert action_required(org.bob) == []  # a member of nothing moderated decides nothing
    places.answer_invitation(org.dana, invitation, accept=False)
    places.decide_request(org.alice, request, approve=True)
    assert action_required(org.dana) == action_required(org.alice) == []


def test_answers_wait_for_the_asker_to_accept_one(org):
    question = content.create_item(org.alice, org.guild, kind="question", title="How?", body="?")
    content.reply_to_item(org.alice, question, "Some context")  # my own reply is no answer
    assert action_required(org.alice) == []
    content.reply_to_item(org.bob, question, "Like this")
    latest = content.reply_to_item(org.charlie, question, "Or this")
    [entry] = action_required(org.alice)
    assert (entry.kind, entry.item, entry.count, entry.person) == (
        Kind.ANSWER_TO_ACCEPT, question, 2, org.charlie
    )  # fmt: skip
    assert entry.created == latest.created
    assert action_required(org.bob) == []
    content.accept_answer(org.alice, latest)
    assert action_required(org.alice) == []


def test_removed_answers_and_removed_questions_do_not_count(org):
    question = content.create_item(org.alice, org.guild, kind="question", title="How?", body="?")
    reply = content.reply_to_item(org.bob, question, "Spam")
    Reply.objects.filter(pk=reply.pk).update(removed_at=timezone.now())
    assert action_required(org.alice) == []
    content.reply_to_item(org.charlie, question, "An answer")
    assert kinds(org.alice) == [(Kind.ANSWER_TO_ACCEPT, question.pk)]
    Item.objects.filter(pk=question.pk).update(removed_at=timezone.now())
    assert action_required(org.alice) == []


def test_questions_routed_to_me_wait_until_i_reply(org):
    question = ask_question(org.dana, title="Who knows Kubernetes?", experts=[org.charlie])
    [entry] = action_required(org.charlie)
    assert (entry.kind, entry.item, entry.person) == (Kind.ROUTED_QUESTION, question, org.dana)
    content.reply_to_item(org.charlie, question, "I do")
    assert action_required(org.charlie) == []
    assert kinds(org.dana) == [(Kind.ANSWER_TO_ACCEPT, question.pk)]


def test_a_routed_question_in_a_community_i_left_is_not_listed(org):
    question = ask_question(org.alice, title="Falcon date?", place=org.secret, experts=[org.bob])
    assert kinds(org.bob) == [(Kind.ROUTED_QUESTION, question.pk)]
    places.leave_place(org.bob, org.secret)
    assert action_required(org.bob) == []


def test_newest_first(org):
    old = network.invite(org.dana, org.alice)
    old.created = timezone.now() - timedelta(days=3)
    old.save(update_fields=["created"])
    request = places.request_to_join(org.charlie, org.board_room)
    assert kinds(org.alice) == [(Kind.JOIN_REQUEST, request.pk), (Kind.NETWORK_INVITATION, old.pk)]


def test_it_uses_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    def everything(n):
        for i in range(n):
            person = org.charlie if i % 2 else org.dana
            question = content.create_item(
                org.alice, org.guild, kind="question", title=f"Q{i}", body="?"
            )
            content.reply_to_item(person, question, "answer")
            ask_question(person, title=f"For Alice {i}", experts=[org.alice])
        community = places.create_community(org.alice, f"Moderated {n}", access="moderated")
        places.request_to_join(org.dana, community)
        places.invite_to_community(org.bob, places.create_community(org.bob, f"B{n}"), org.alice)

    network.invite(org.dana, org.alice)
    everything(1)
    with django_assert_max_num_queries(6):
        small = action_required(org.alice)
    everything(8)
    with django_assert_max_num_queries(6):
        large = action_required(org.alice)
        for entry in large:  # what the API shows of each entry is loaded already
            assert entry.person.name
            assert entry.place is None or entry.place.name
            assert entry.item is None or entry.item.title
    assert len(large) > len(small) >= 5
