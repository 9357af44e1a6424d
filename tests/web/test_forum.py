"""A community's Forum tab: topics and questions, open and answered, and starting one."""

from datetime import timedelta

from kollega.content.actions import accept_answer, create_item, reply_to_item
from kollega.content.models import Item, Question
from kollega.places.actions import join_place
from tests.web.conftest import count_queries, htmx


def titles(response):
    return [i.title for i in response.context["page"].items]


def ask(org, title, **kwargs):
    return create_item(org.alice, org.guild, kind="question", title=title, body="?", **kwargs)


def test_members_start_a_topic_or_ask_a_question(alice, org):
    page = alice.get(f"/places/{org.guild.slug}/").content.decode()
    assert "Start a topic or ask a question" in page
    assert 'value="question"' in page
    response = alice.post(
        f"/places/{org.guild.slug}/post/",
        {"kind": "question", "title": "Which CNI?", "body": "Calico or Cilium?", "tags": "cni"},
    )
    item = Item.objects.get(title="Which CNI?")
    assert response["Location"] == f"/items/{item.pk}/"
    assert Question.objects.get(item=item).state == Question.State.OPEN


def test_the_forum_offers_topics_and_questions_only(alice, org):
    response = alice.post(
        f"/places/{org.guild.slug}/post/", {"kind": "wiki", "title": "W", "body": "b"}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_non_members_see_the_forum_but_cannot_post(dana, org):
    page = dana.get(f"/places/{org.guild.slug}/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "Start a topic" not in page
    response = dana.post(
        f"/places/{org.guild.slug}/post/", {"kind": "topic", "title": "Hi", "body": "x"}
    )
    assert response.status_code == 403


def test_threads_come_newest_activity_first(bob, org):
    older = ask(org, "Older question")
    create_item(org.alice, org.guild, kind="topic", title="Newer topic", body="b")
    assert titles(bob.get(f"/places/{org.guild.slug}/"))[:2] == ["Newer topic", "Older question"]
    reply_to_item(org.bob, older, "A reply bumps it")
    assert titles(bob.get(f"/places/{org.guild.slug}/"))[0] == "Older question"


def test_the_forum_leaves_out_other_kinds(bob, org):
    create_item(org.alice, org.guild, kind="blog", title="A blog entry", body="b")
    assert "A blog entry" not in titles(bob.get(f"/places/{org.guild.slug}/"))


def test_open_and_answered_questions(bob, org):
    open_q = ask(org, "Still open")
    answered = ask(org, "Solved one")
    reply = reply_to_item(org.bob, answered, "Use Cilium")
    accept_answer(org.alice, reply)
    reply_to_item(org.charlie, open_q, "Not sure")
    slug = org.guild.slug
    assert titles(bob.get(f"/places/{slug}/?show=open")) == ["Still open"]
    answered_page = bob.get(f"/places/{slug}/?show=answered")
    assert titles(answered_page) == ["Solved one"]
    content = answered_page.content.decode()
    assert "Answered" in content
    assert "answer accepted after" in content
    assert "first answer after" in content
    assert "Kubernetes upgrade plan" in titles(bob.get(f"/places/{slug}/?show=nonsense"))


def test_the_time_to_answer_is_shown_in_words(bob, org):
    question = ask(org, "How long?")
    Question.objects.filter(item=question).update(
        first_reply_at=question.created + timedelta(hours=1, minutes=5),
        answered_at=question.created + timedelta(hours=4, minutes=10),
        state=Question.State.ANSWERED,
    )
    content = bob.get(f"/places/{org.guild.slug}/?show=answered").content.decode()
    assert "first answer after 1\xa0hour, 5\xa0minutes" in content
    assert "answer accepted after 4\xa0hours, 10\xa0minutes" in content


def test_more_pages_through_the_forum_with_htmx(bob, org):
    for i in range(25):
        ask(org, f"Q{i:02d}")
    response = bob.get(f"/places/{org.guild.slug}/?show=open")
    cursor = response.context["page"].next_cursor
    assert cursor
    assert f"?show=open&amp;cursor={cursor}" in response.content.decode()
    fragment = bob.get(
        f"/places/{org.guild.slug}/?show=open&cursor={cursor}", **htmx()
    ).content.decode()
    assert "Q04" in fragment
    assert "Q05" not in fragment
    assert "<html" not in fragment


def test_the_community_page_shows_owners_members_and_my_role(dana, org):
    join_place(org.dana, org.guild)
    page = dana.get(f"/places/{org.guild.slug}/").content.decode()
    assert "Owners:" in page
    assert "Alice Andersson" in page
    assert "2 members" in page
    assert "Your role: Member" in page
    assert f'href="/places/{org.guild.slug}/blog/"' in page


def test_owners_see_links_to_manage_the_community(alice, org):
    page = alice.get(f"/places/{org.guild.slug}/").content.decode()
    assert "Manage members" in page
    assert f'href="/places/{org.guild.slug}/settings/"' in page


def test_the_community_page_makes_a_fixed_number_of_queries(bob, dana, alice, org):
    slug = org.guild.slug
    counts = {
        "outsider": count_queries(dana, f"/places/{slug}/"),
        "owner": count_queries(alice, f"/places/{slug}/"),
    }
    for i in range(10):
        item = ask(org, f"Q{i}", tags="a b")
        reply_to_item(org.bob, item, "answer")
    assert count_queries(dana, f"/places/{slug}/") == counts["outsider"]
    assert count_queries(alice, f"/places/{slug}/") == counts["owner"]
    assert count_queries(alice, f"/places/{slug}/?show=answered") <= counts["owner"]
    assert max(counts.values()) <= 14
