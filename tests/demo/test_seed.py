"""``kollega seed`` at a small size: the shape and the consistency of what it writes."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, F, Max
from django.test import Client

from kollega.activity.models import Event
from kollega.content.models import Item, ItemTag, Like, Question, Reply, Save
from kollega.core import markdown
from kollega.demo.generator import expertise
from kollega.demo.generator.org import build_org
from kollega.network.models import Contact
from kollega.people.actions import board_slug
from kollega.people.models import Person, PersonTag
from kollega.places.models import Membership, Place

pytestmark = pytest.mark.usefixtures("seeded", "db")


def test_it_reports_what_it_made(seeded):
    assert "Seeded 60 people" in seeded and "600 items" in seeded
    assert Person.objects.count() == 60
    assert Item.objects.count() == 600


def test_the_hierarchy_has_a_single_top_and_no_loops():
    managers = dict(Person.objects.values_list("pk", "manager_id"))
    assert sum(1 for m in managers.values() if m is None) == 1
    for start in managers:
        seen, current = set(), start
        while current is not None:
            assert current not in seen
            seen.add(current)
            current = managers[current]


def test_every_person_has_a_board_like_create_person_makes():
    for person in Person.objects.select_related("board", "user"):
        assert person.board.slug == board_slug(person.username)
        assert person.board.member_count == 1
        assert Membership.objects.get(place=person.board).role == "owner"
        assert person.search_name == person.name.lower()
        assert person.about_html == markdown.render(person.about)
        assert person.user.username == person.username


def test_demo_and_admin_sign_in_with_the_demo_password():
    client = Client()
    assert client.login(username="demo", password="kollega-demo")
    assert client.login(username="admin", password="kollega-demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert not get_user_model().objects.get(username="demo").is_staff
    demo = Person.objects.get(username="demo")
    assert demo.manager is not None and demo.location is not None and demo.about


def test_counters_match_the_rows():
    replies = dict(Reply.objects.values("item").annotate(n=Count("id")).values_list("item", "n"))
    likes = dict(Like.objects.values("item").annotate(n=Count("id")).values_list("item", "n"))
    last_reply = dict(
        Reply.objects.values("item").annotate(t=Max("created")).values_list("item", "t")
    )
    for item in Item.objects.all():
        assert item.reply_count == replies.get(item.pk, 0)
        assert item.like_count == likes.get(item.pk, 0)
        assert item.last_activity_at == max(item.created, last_reply.get(item.pk, item.created))
    # Each tag keeps its item's activity time (the stream reads followed tags by it).
    stale = ItemTag.objects.exclude(last_activity_at=F("item__last_activity_at"))
    assert ItemTag.objects.exists() and not stale.exists()
    members = Counter(Membership.objects.values_list("place_id", flat=True))
    for place in Place.objects.all():
        assert place.member_count == members[place.pk]
        latest = place.items.aggregate(t=Max("last_activity_at"))["t"]
        assert latest is None or place.last_activity_at == latest


def test_bodies_are_rendered_markdown():
    for item in Item.objects.all()[:200]:
        assert item.body_html == markdown.render(item.body)
    for reply in Reply.objects.all()[:200]:
        assert reply.body_html == markdown.render(reply.body)


def test_events_match_the_content():
    verbs = Counter(Event.objects.values_list("verb", flat=True))
    assert Event.objects.filter(verb="create", item__isnull=False).count() == Item.objects.count()
    for event in Event.objects.filter(verb="create", item__isnull=False).select_related("item"):
        assert (event.published, event.place_id, event.actor_id) == (
            event.item.created, event.item.place_id, event.item.author_id)  # fmt: skip
    assert verbs["reply"] == Reply.objects.count()
    assert verbs["like"] == Like.objects.count()
    assert verbs["save"] == Save.objects.count()
    assert verbs["accept-answer"] == Reply.objects.filter(accepted_at__isnull=False).count()
    assert verbs["connect"] * 2 == Contact.objects.count()
    places = Place.objects.exclude(kind="board")
    memberships = Membership.objects.exclude(place__kind="board").count()
    assert verbs["join"] == memberships - places.count()  # creators have a "create" instead
    assert Event.objects.filter(verb="create", item__isnull=True).count() == places.count()
    tagged = {(e.actor_id, e.person_id, t) for e in Event.objects.filter(verb="tag")
              for t in e.data["tags"]}  # fmt: skip
    rows = set(PersonTag.objects.values_list("tagger_id", "person_id", "tag__name"))
    assert tagged == rows


def test_questions_track_their_answers():
    for question in Question.objects.select_related("item"):
        assert question.item.kind == "question"
        assert question.asked_at == question.item.created
        accepted = question.item.replies.filter(accepted_at__isnull=False).first()
        assert (question.state == "answered") == (accepted is not None)
    assert Question.objects.count() == Item.objects.filter(kind="question").count()


def test_restricted_communities_only_hear_from_members():
    for place in Place.objects.filter(access="restricted"):
        members = set(place.memberships.values_list("person_id", flat=True))
        assert set(place.items.values_list("author_id", flat=True)) <= members
        assert (
            set(Reply.objects.filter(item__place=place).values_list("author_id", flat=True))
            <= members
        )
    assert Place.objects.filter(kind="community", access="restricted").exists()
    organisation = Place.objects.get(slug="organisation")
    assert organisation.memberships.filter(role="editor").count() >= 1
    authors = set(organisation.items.values_list("author_id", flat=True))
    assert authors <= set(organisation.memberships.values_list("person_id", flat=True))


def test_experts_are_visible_in_their_tags():
    truth = expertise.expertise(3, build_org(3, 60).people)
    assert truth
    for username, topics in truth.items():
        tags = set(
            PersonTag.objects.filter(person__username=username).values_list("tag__name", flat=True)
        )
        assert set(topics) <= tags


def test_foreign_keys_hold():
    if connection.vendor == "sqlite":  # PostgreSQL checked them as the seed wrote
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []


def test_if_empty_leaves_existing_data_alone():
    out = StringIO()
    call_command("seed", people=20, if_empty=True, verbosity=0, stdout=out)
    assert "already exist" in out.getvalue()
    assert Person.objects.count() == 60
    with pytest.raises(CommandError, match="fresh database"):
        call_command("seed", people=20, verbosity=0, stdout=StringIO())


def test_kinds_with_details_have_them_and_open_on_their_own_pages():
    """Every seeded wiki page, idea, news article and bookmark has the rows its app reads,
    so it opens on its kind's page like one made through the app."""
    from kollega.bookmarks.models import Bookmark
    from kollega.bookmarks.urlnorm import normalise_url, url_key
    from kollega.ideas.models import Idea, IdeaVote
    from kollega.news.models import NewsDetail
    from kollega.wiki.models import WikiPage, WikiRevision

    details = {"wiki": WikiPage, "idea": Idea, "news": NewsDetail, "bookmark": Bookmark}
    for kind, detail in details.items():
        items = set(Item.objects.filter(kind=kind).values_list("pk", flat=True))
        assert items, kind
        assert set(detail.objects.values_list("item_id", flat=True)) == items, kind
    for page in WikiPage.objects.select_related("item"):
        revision = WikiRevision.objects.get(page=page)
        assert (revision.number, page.revision_number) == (1, 1)
        assert (revision.title, revision.body) == (page.item.title, page.item.body)
        assert page.place_id == page.item.place_id and page.slug
    assert len({(p.place_id, p.slug) for p in WikiPage.objects.all()}) == WikiPage.objects.count()
    for idea in Idea.objects.all():
        assert idea.vote_count == IdeaVote.objects.filter(idea=idea).count()
    for mark in Bookmark.objects.select_related("item"):
        assert mark.url in mark.item.body
        assert mark.url_key == url_key(normalise_url(mark.url))
    assert (
        NewsDetail.objects.filter(featured_until__isnull=False).count()
        == NewsDetail.objects.count()
    )
    demo = Client()
    demo.login(username="demo", password="kollega-demo")
    for kind in details:
        item = Item.objects.filter(kind=kind, place__access="open").first()
        if item is not None:
            response = demo.get(item.detail_url, follow=True)
            assert response.status_code == 200, (kind, item.detail_url)


def test_the_seeded_demo_is_searchable():
    """The seed writes past the actions that index as they write, so it builds the index
    itself: the demo's search box finds people and content at once."""
    from kollega.search.models import SearchDocument
    from kollega.search.queries import search

    assert SearchDocument.objects.count() >= Person.objects.count() + Item.objects.count()
    demo = Person.objects.get(username="demo")
    topic = Item.objects.filter(kind="topic", place__access="open").first()
    word = max(topic.title.split(), key=len).strip("?:,.!")
    assert search(demo, word).total > 0
    assert search(demo, demo.name.split()[-1]).results
