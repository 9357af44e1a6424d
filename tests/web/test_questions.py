"""Questions through the pages: marking, badges, accepting answers (only the asker), timings."""

from datetime import timedelta

from kollega.content.actions import create_item, mark_as_question, reply_to_item
from kollega.content.models import Question, Reply
from tests.web.conftest import count_queries, htmx


def board_entry(org, body="How do we rotate the certificates?"):
    return create_item(org.alice, org.alice.board, kind="status", body=body)


def test_the_author_marks_a_board_entry_as_a_question(alice, org):
    item = board_entry(org)
    page = alice.get("/people/alice/").content.decode()
    assert "Mark as question" in page
    response = alice.post(f"/items/{item.pk}/question/", {"from": "list"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith(f'<article class="item card" id="item-{item.pk}">')
    assert "Open question" in content
    assert "Mark as question" not in content
    assert Question.objects.get(item=item).state == Question.State.OPEN


def test_marking_without_javascript_goes_to_the_item(alice, org):
    item = board_entry(org)
    response = alice.post(f"/items/{item.pk}/question/")
    assert response.status_code == 302
    assert response["Location"] == f"/items/{item.pk}/"
    page = alice.get(f"/items/{item.pk}/").content.decode()
    assert "Open question" in page


def test_only_the_author_marks_a_question(bob, org):
    item = board_entry(org)
    assert "Mark as question" not in bob.get("/people/alice/").content.decode()
    response = bob.post(f"/items/{item.pk}/question/")
    assert response.status_code == 403
    assert "Only the author can mark this as a question." in response.content.decode()
    assert not Question.objects.exists()


def test_a_question_is_marked_once(alice, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    response = alice.post(f"/items/{item.pk}/question/")
    assert response.status_code == 400
    assert "already a question" in response.content.decode()


def test_the_asker_accepts_a_reply_and_the_question_is_answered(alice, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    reply = reply_to_item(org.dana, item, "Use the rotate command.")
    page = alice.get(f"/items/{item.pk}/").content.decode()
    assert "Accept as answer" in page
    response = alice.post(f"/items/{item.pk}/replies/{reply.pk}/accept/", **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<div id="item-detail">')
    assert '<span class="badge answered">Answered</span>' in content
    assert "card reply accepted" in content
    assert "Unaccept" in content
    assert Question.objects.get(item=item).state == Question.State.ANSWERED
    board = alice.get("/people/alice/").content.decode()
    assert '<span class="badge answered">Answered</span>' in board


def test_unaccepting_reopens_the_question(alice, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    reply = reply_to_item(org.dana, item, "Use the rotate command.")
    alice.post(f"/items/{item.pk}/replies/{reply.pk}/accept/")
    response = alice.post(f"/items/{item.pk}/replies/{reply.pk}/unaccept/")
    assert response.status_code == 302
    assert response["Location"] == f"/items/{item.pk}/#reply-{reply.pk}"
    assert Question.objects.get(item=item).state == Question.State.OPEN
    reply.refresh_from_db()
    assert reply.accepted_at is None


def test_only_the_asker_accepts(bob, dana, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    reply = reply_to_item(org.dana, item, "Use the rotate command.")
    assert "Accept as answer" not in bob.get(f"/items/{item.pk}/").content.decode()
    for client in (bob, dana):
        response = client.post(f"/items/{item.pk}/replies/{reply.pk}/accept/", **htmx())
        assert response.status_code == 403
        assert "Only the person who asked can accept an answer." in response.content.decode()
    reply.refresh_from_db()
    assert reply.accepted_at is None
    assert Question.objects.get(item=item).state == Question.State.OPEN


def test_accepting_needs_a_question_and_someone_elses_reply(alice, org):
    item = board_entry(org)
    reply = reply_to_item(org.dana, item, "An answer to a non-question")
    response = alice.post(f"/items/{item.pk}/replies/{reply.pk}/accept/")
    assert response.status_code == 400
    assert "Only replies to a question can be accepted" in response.content.decode()
    mark_as_question(org.alice, item)
    own = reply_to_item(org.alice, item, "Answering myself")
    page = alice.get(f"/items/{item.pk}/").content.decode()
    assert f"/replies/{own.pk}/accept/" not in page
    response = alice.post(f"/items/{item.pk}/replies/{own.pk}/accept/")
    assert response.status_code == 400
    assert "You cannot accept your own reply" in response.content.decode()
    assert alice.post(f"/items/{item.pk}/replies/{reply.pk}/unaccept/").status_code == 400


def test_replies_of_other_items_and_unknown_actions(alice, org):
    item = board_entry(org)
    other = board_entry(org, "Another")
    mark_as_question(org.alice, item)
    reply = reply_to_item(org.dana, other, "Elsewhere")
    assert alice.post(f"/items/{item.pk}/replies/{reply.pk}/accept/").status_code == 404
    assert alice.post(f"/items/{item.pk}/replies/999999/accept/").status_code == 404
    mine = reply_to_item(org.dana, item, "Here")
    assert alice.post(f"/items/{item.pk}/replies/{mine.pk}/explode/").status_code == 302
    assert Reply.objects.filter(accepted_at__isnull=False).count() == 0


def test_restricted_questions_are_404(dana, org):
    reply = reply_to_item(org.alice, org.secret_item, "Secret reply")
    item = org.secret_item
    assert dana.post(f"/items/{item.pk}/question/").status_code == 404
    assert dana.post(f"/items/{item.pk}/replies/{reply.pk}/accept/").status_code == 404


def test_the_item_page_shows_humanised_timings(alice, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    reply = reply_to_item(org.dana, item, "Use the rotate command.")
    question = Question.objects.get(item=item)
    asked = question.asked_at
    Question.objects.filter(item=item).update(first_reply_at=asked + timedelta(minutes=25))
    page = alice.get(f"/items/{item.pk}/").content.decode()
    assert "First reply after" in page
    assert "25\xa0minutes" in page
    assert "Answered after" not in page
    alice.post(f"/items/{item.pk}/replies/{reply.pk}/accept/")
    Question.objects.filter(item=item).update(answered_at=asked + timedelta(hours=4, minutes=10))
    page = alice.get(f"/items/{item.pk}/").content.decode()
    assert "Answered after" in page
    assert "4\xa0hours, 10\xa0minutes" in page


def test_the_item_page_query_count_is_fixed(alice, org):
    item = board_entry(org)
    mark_as_question(org.alice, item)
    reply_to_item(org.dana, item, "First")
    few = count_queries(alice, f"/items/{item.pk}/")
    for i in range(10):
        reply_to_item(org.bob if i % 2 else org.charlie, item, f"Reply {i}")
    assert count_queries(alice, f"/items/{item.pk}/") == few
