from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kollega.activity.models import Event
from kollega.content import actions
from kollega.content.models import Item, Question, Reply
from kollega.content.queries import place_items
from kollega.network.actions import set_privacy


def test_the_owner_writes_status_updates_and_others_write_posts(org):
    status = actions.create_item(org.bob, org.bob.board, kind="status", body="Shipping today")
    post = actions.create_item(org.dana, org.bob.board, kind="status", body="Congrats!")
    assert (status.kind, post.kind) == (Item.Kind.STATUS, Item.Kind.POST)


def test_posting_on_a_closed_board_is_refused_and_nothing_changes(org):
    set_privacy(org.bob, board_posting="me")
    with pytest.raises(PermissionDenied):
        actions.create_item(org.dana, org.bob.board, kind="post", body="hello")
    assert not Item.objects.filter(place=org.bob.board).exists()


def test_boards_hold_only_entries(org):
    with pytest.raises(ValidationError):
        actions.create_item(org.bob, org.bob.board, kind="wiki", body="a page")
    with pytest.raises(ValidationError):
        actions.create_item(org.dana, org.bob.board, kind="blog", body="my blog?")
    with pytest.raises(ValidationError):
        actions.create_item(org.alice, org.guild, kind="status", body="not here")


def test_mentions_link_to_people_and_are_recorded(org):
    item = actions.create_item(org.bob, org.bob.board, kind="status",
                               body="Ask @charlie or @alice, not `@dana`")  # fmt: skip
    assert '<a href="/people/charlie/" class="mention"' in item.body_html
    assert "<code>@dana</code>" in item.body_html
    mentioned = set(
        Event.objects.filter(verb="mention", item=item).values_list("person__username", flat=True)
    )
    assert mentioned == {"charlie", "alice"}


def test_mentioning_nobody_known_is_refused(org):
    with pytest.raises(ValidationError, match="@ghost"):
        actions.create_item(org.bob, org.bob.board, kind="status", body="Hi @ghost")
    assert not Item.objects.filter(place=org.bob.board).exists()


def test_mentions_in_replies_are_recorded(org):
    item = actions.create_item(org.alice, org.alice.board, kind="status", body="Who knows Rust?")
    reply = actions.reply_to_item(org.bob, item, "@charlie does")
    assert Event.objects.filter(verb="mention", reply=reply, person=org.charlie).exists()


def test_a_question_records_time_to_first_reply_and_to_answer(org):
    item = actions.create_item(org.alice, org.alice.board, kind="status", body="How do I X?")
    actions.reply_to_item(org.alice, item, "Context: it is urgent")  # the asker's own reply
    question = actions.mark_as_question(org.alice, item)
    assert question.first_reply_at is None
    reply = actions.reply_to_item(org.bob, item, "Like this")
    question.refresh_from_db()
    assert question.first_reply_at == reply.created
    actions.accept_answer(org.alice, reply)
    question.refresh_from_db()
    assert question.state == Question.State.ANSWERED
    assert question.time_to_answer >= question.time_to_first_reply >= timedelta(0)
    assert Reply.objects.get(pk=reply.pk).accepted_at is not None


def test_only_the_asker_marks_questions_and_accepts_answers(org):
    item = actions.create_item(org.alice, org.alice.board, kind="status", body="Help?")
    with pytest.raises(PermissionDenied):
        actions.mark_as_question(org.bob, item)
    actions.mark_as_question(org.alice, item)
    reply = actions.reply_to_item(org.bob, item, "Answer")
    with pytest.raises(PermissionDenied):
        actions.accept_answer(org.bob, reply)
    own = actions.reply_to_item(org.alice, item, "Self answer")
    with pytest.raises(ValidationError):
        actions.accept_answer(org.alice, own)


def test_replies_to_non_questions_cannot_be_accepted(org):
    item = actions.create_item(org.alice, org.alice.board, kind="status", body="FYI")
    reply = actions.reply_to_item(org.bob, item, "Thanks")
    with pytest.raises(ValidationError):
        actions.accept_answer(org.alice, reply)


def test_board_pages_are_newest_first_with_keyset_pages(org):
    now = timezone.now()
    for n in range(25):
        item = actions.create_item(org.bob, org.bob.board, kind="status", body=f"update {n}")
        Item.objects.filter(pk=item.pk).update(last_activity_at=now + timedelta(seconds=n))
    first = place_items(org.dana, org.bob.board, limit=10)
    assert [i.body for i in first.items][:2] == ["update 24", "update 23"]
    second = place_items(org.dana, org.bob.board, cursor=first.next_cursor, limit=10)
    third = place_items(org.dana, org.bob.board, cursor=second.next_cursor, limit=10)
    bodies = [i.body for page in (first, second, third) for i in page.items]
    assert bodies == [f"update {n}" for n in range(24, -1, -1)]
    assert third.next_cursor is None


def test_mentions_match_whatever_the_letter_case(org):
    item = actions.create_item(org.bob, org.bob.board, kind="status", body="Thanks @Charlie!")
    assert '<a href="/people/charlie/" class="mention"' in item.body_html
    assert Event.objects.filter(verb="mention", item=item, person=org.charlie).exists()
