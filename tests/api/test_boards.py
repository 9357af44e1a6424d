"""Boards, @mentions and questions with accepted answers, through the API."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.activity.models import Event
from kollega.content.actions import create_item, mark_as_question, reply_to_item
from kollega.content.models import Item, ItemShare, Question, Reply
from kollega.network.actions import accept_invitation, invite, set_privacy
from kollega.people.actions import create_person


def bodies(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["body"] for item in response.json()["items"]]


# Reading and writing on boards


def test_the_owner_writes_status_updates_and_colleagues_write_posts(api, org):
    response = api(org.bob).post("/people/bob/board", {"body": "Shipping *today*", "tags": "ops"})
    assert response.status_code == 201, response.content
    status = response.json()
    assert status["kind"] == "status"
    assert status["place"]["slug"] == "board-bob"
    assert status["body_html"] == "<p>Shipping <em>today</em></p>\n"
    assert status["tags"] == ["ops"]
    assert status["question"] is None
    assert status["private"] is False
    response = api(org.dana).post("/people/bob/board", {"body": "Congratulations!"})
    assert response.status_code == 201
    assert response.json()["kind"] == "post"
    assert response.json()["author"]["username"] == "dana"


def test_a_board_lists_entries_newest_first_with_a_cursor(api, org):
    for n in range(5):
        create_item(org.alice, org.bob.board, kind="post", body=f"Entry {n}")
    # A reply makes an old entry active, but a board stays in the order entries were written.
    reply_to_item(org.bob, Item.objects.get(body="Entry 0"), "Thanks")
    client = api(org.dana)
    first = client.get("/people/bob/board", limit=3)
    assert bodies(first) == ["Entry 4", "Entry 3", "Entry 2"]
    assert first.json()["can_post"] is True
    second = client.get("/people/bob/board", limit=3, cursor=first.json()["next_cursor"])
    assert bodies(second) == ["Entry 1", "Entry 0"]
    assert second.json()["next_cursor"] is None
    assert client.get("/people/bob/board", cursor="nonsense").status_code == 400


def test_a_board_shows_private_entries_only_to_whom_may_read_them(api, org):
    shared = create_item(org.bob, org.bob.board, kind="status", body="Just for Alice")
    Item.objects.filter(pk=shared.pk).update(private=True)
    ItemShare.objects.create(item=shared, person=org.alice)
    create_item(org.bob, org.bob.board, kind="status", body="For everyone")
    assert bodies(api(org.dana).get("/people/bob/board")) == ["For everyone"]
    alice_view = api(org.alice).get("/people/bob/board").json()["items"]
    assert [(i["body"], i["private"]) for i in alice_view] == [
        ("For everyone", False),
        ("Just for Alice", True),
    ]
    assert api(org.dana).get(f"/items/{shared.pk}").status_code == 404


def test_a_closed_board_refuses_posts_and_says_why(api, org):
    set_privacy(org.bob, board_posting="me")
    response = api(org.dana).post("/people/bob/board", {"body": "Hello"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Only Bob Brown posts on their board."
    assert api(org.dana).get("/people/bob/board").json()["can_post"] is False
    assert api(org.bob).post("/people/bob/board", {"body": "Mine"}).status_code == 201
    assert list(Item.objects.filter(place=org.bob.board).values_list("body", flat=True)) == ["Mine"]


def test_a_board_open_to_contacts_lets_only_them_post(api, org):
    set_privacy(org.bob, board_posting="network")
    response = api(org.dana).post("/people/bob/board", {"body": "Hello"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Bob Brown lets only their contacts post on their board."
    accept_invitation(org.bob, invite(org.dana, org.bob))
    assert api(org.dana).post("/people/bob/board", {"body": "Hello"}).status_code == 201
    assert api(org.dana).get("/people/bob/board").json()["can_post"] is True


def test_empty_and_oversized_posts_are_refused(api, org):
    client = api(org.dana)
    for body in ("", "   \n "):
        response = client.post("/people/bob/board", {"body": body})
        assert response.status_code == 400, body
        assert response.json()["errors"]["body"]
    response = client.post("/people/bob/board", {"body": "x" * 50_001})
    assert response.status_code == 400
    assert "too long" in response.json()["detail"]
    assert client.post("/people/bob/board", {}).status_code == 422
    assert client.post("/people/bob/board", {"body": 5}).status_code == 422
    assert not Item.objects.filter(place=org.bob.board).exists()


def test_posting_on_an_unknown_persons_board_is_404(api, org):
    assert api(org.dana).post("/people/ghost/board", {"body": "Hi"}).status_code == 404
    assert api(org.dana).get("/people/ghost/board").status_code == 404
    get_user_model().objects.filter(pk=org.charlie.user_id).update(is_active=False)
    assert api(org.dana).post("/people/charlie/board", {"body": "Hi"}).status_code == 404


# Mentions


def test_mentions_link_to_people_and_are_recorded(api, org):
    response = api(org.dana).post("/people/bob/board", {"body": "Ask @charlie or `@alice`"})
    assert response.status_code == 201
    html = response.json()["body_html"]
    assert 'href="/people/charlie/"' in html
    assert "<code>@alice</code>" in html
    item = response.json()["id"]
    mentioned = Event.objects.filter(verb="mention", item_id=item)
    assert list(mentioned.values_list("person__username", flat=True)) == ["charlie"]


def test_mentioning_somebody_unknown_is_refused(api, org):
    response = api(org.dana).post("/people/bob/board", {"body": "Ask @ghost and @charlie"})
    assert response.status_code == 400
    assert "@ghost" in response.json()["detail"]
    assert "@ghost" in response.json()["errors"]["body"][0]
    assert not Item.objects.filter(place=org.bob.board).exists()
    assert not Event.objects.filter(verb="mention").exists()


def test_mentioning_too_many_people_is_refused(api, org):
    body = " ".join(f"@p{n}" for n in range(21))
    response = api(org.dana).post("/people/bob/board", {"body": body})
    assert response.status_code == 400
    assert "at most 20" in response.json()["detail"]


def test_people_suggest_completes_mentions(api, org):
    client = api(org.dana)

    def suggest(q):
        response = client.get("/people/suggest", q=q)
        assert response.status_code == 200, response.content
        return [p["username"] for p in response.json()]

    assert suggest("ch") == ["charlie"]
    assert suggest("chen") == ["charlie"]  # any word of the name
    assert suggest("@bo") == ["bob"]
    assert suggest("Al") == ["alice"]
    assert suggest("") == []
    assert suggest("platform") == []  # job titles and departments are the directory's job
    assert suggest("zz") == []
    first = client.get("/people/suggest", q="bob").json()[0]
    assert first["name"] == "Bob Brown"
    assert first["job_title"] == "Platform Engineer"
    assert client.get("/people/suggest", q="x" * 101).status_code == 422


def test_people_suggest_gives_at_most_ten_active_people(api, org):
    for n in range(12):
        create_person(f"sam{n:02}", f"Sam Number{n:02}")
    get_user_model().objects.filter(username="sam00").update(is_active=False)
    found = api(org.dana).get("/people/suggest", q="sam").json()
    assert len(found) == 10
    assert found[0]["username"] == "sam01"


# Questions


def test_an_entry_becomes_a_question_and_gets_an_accepted_answer(api, org):
    entry = create_item(org.dana, org.dana.board, kind="status", body="Who knows Kafka?")
    client = api(org.dana)
    response = client.post(f"/items/{entry.pk}/question")
    assert response.status_code == 200
    question = response.json()["question"]
    assert question["state"] == "open"
    assert question["asked_at"]
    assert question["first_reply_at"] is None
    assert question["answered_at"] is None

    reply = reply_to_item(org.bob, entry, "@charlie does")
    response = client.post(f"/items/{entry.pk}/replies/{reply.pk}/accept")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["reply"]["accepted"] is True
    assert data["question"]["state"] == "answered"
    assert data["question"]["answered_at"] >= data["question"]["first_reply_at"]
    item = client.get(f"/items/{entry.pk}").json()
    assert item["question"]["state"] == "answered"
    replies = client.get(f"/items/{entry.pk}/replies").json()["items"]
    assert [r["accepted"] for r in replies] == [True]

    response = client.delete(f"/items/{entry.pk}/replies/{reply.pk}/accept")
    assert response.status_code == 200
    assert response.json()["reply"]["accepted"] is False
    assert response.json()["question"]["state"] == "open"
    assert response.json()["question"]["answered_at"] is None


def test_questions_asked_as_questions_show_their_state(api, org):
    item = create_item(org.alice, org.guild, kind="question", body="Which CNI?")
    data = api(org.dana).get(f"/items/{item.pk}").json()
    assert data["question"]["state"] == "open"
    listed = api(org.dana).get("/items", kind="question").json()["items"]
    assert listed[0]["question"]["state"] == "open"
    response = api(org.alice).post(f"/items/{item.pk}/question")
    assert response.status_code == 400
    assert "already a question" in response.json()["detail"]


def test_only_the_author_marks_a_question(api, org):
    entry = create_item(org.dana, org.dana.board, kind="status", body="Help?")
    response = api(org.bob).post(f"/items/{entry.pk}/question")
    assert response.status_code == 403
    assert "Only the author" in response.json()["detail"]
    assert not Question.objects.exists()


def test_only_the_asker_accepts_and_not_their_own_reply(api, org):
    entry = create_item(org.dana, org.dana.board, kind="status", body="Help?")
    mark_as_question(org.dana, entry)
    theirs = reply_to_item(org.bob, entry, "Try this")
    own = reply_to_item(org.dana, entry, "Context")
    response = api(org.bob).post(f"/items/{entry.pk}/replies/{theirs.pk}/accept")
    assert response.status_code == 403
    assert "Only the person who asked" in response.json()["detail"]
    response = api(org.dana).post(f"/items/{entry.pk}/replies/{own.pk}/accept")
    assert response.status_code == 400
    assert "your own reply" in response.json()["detail"]
    client = api(org.dana)
    assert client.post(f"/items/{entry.pk}/replies/{theirs.pk}/accept").status_code == 200
    response = client.post(f"/items/{entry.pk}/replies/{theirs.pk}/accept")
    assert response.status_code == 400
    assert "already accepted" in response.json()["detail"]
    response = api(org.bob).delete(f"/items/{entry.pk}/replies/{theirs.pk}/accept")
    assert response.status_code == 403
    assert Reply.objects.get(pk=theirs.pk).accepted_at is not None


def test_only_questions_have_answers(api, org):
    entry = create_item(org.dana, org.dana.board, kind="status", body="Just news")
    reply = reply_to_item(org.bob, entry, "Nice")
    response = api(org.dana).post(f"/items/{entry.pk}/replies/{reply.pk}/accept")
    assert response.status_code == 400
    assert "Only replies to a question" in response.json()["detail"]
    response = api(org.dana).delete(f"/items/{entry.pk}/replies/{reply.pk}/accept")
    assert response.status_code == 400
    assert "not an accepted answer" in response.json()["detail"]


def test_a_reply_is_accepted_only_under_its_own_item(api, org):
    question = create_item(org.dana, org.dana.board, kind="status", body="Q?")
    mark_as_question(org.dana, question)
    elsewhere = reply_to_item(org.bob, org.open_item, "Unrelated")
    response = api(org.dana).post(f"/items/{question.pk}/replies/{elsewhere.pk}/accept")
    assert response.status_code == 404
    assert response.json()["detail"] == "No such reply."
    assert api(org.dana).post(f"/items/{question.pk}/replies/999999/accept").status_code == 404


def test_secret_questions_stay_secret(api, org):
    mark_as_question(org.bob, org.secret_item)
    reply = reply_to_item(org.alice, org.secret_item, "Soon")
    client = api(org.dana)
    assert client.post(f"/items/{org.secret_item.pk}/question").status_code == 404
    for method in ("post", "delete"):
        response = client.request(method, f"/items/{org.secret_item.pk}/replies/{reply.pk}/accept")
        assert response.status_code == 404
    assert Reply.objects.get(pk=reply.pk).accepted_at is None
    # the asker, a member, may
    path = f"/items/{org.secret_item.pk}/replies/{reply.pk}/accept"
    assert api(org.bob).post(path).status_code == 200


# Query counts


def queries_for(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **params)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("owner_setting", ["everyone", "network"])
def test_a_board_costs_a_fixed_number_of_queries(api, org, owner_setting):
    set_privacy(org.bob, board_posting=owner_setting)
    client = api(org.dana)
    client.get("/people/me")  # the token's first use records last_used
    first = create_item(org.bob, org.bob.board, kind="status", body="First", tags="a")
    small = queries_for(client, "/people/bob/board")
    for n in range(15):
        entry = create_item(org.bob, org.bob.board, kind="status", body=f"E{n}", tags=f"t{n}, x")
        if n % 2:
            mark_as_question(org.bob, entry)
        reply_to_item(org.alice, entry, "Reply")
    mark_as_question(org.bob, first)
    assert queries_for(client, "/people/bob/board", limit="100") == small
    assert small <= 8


def test_people_suggest_costs_two_queries(api, org, django_assert_max_num_queries):
    client = api(org.dana)
    client.get("/people/me")
    for n in range(12):
        create_person(f"sam{n:02}", f"Sam Number{n:02}")
    with django_assert_max_num_queries(2):
        client.get("/people/suggest", q="sam")
