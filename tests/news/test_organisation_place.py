"""The organisation place is created on demand and found by its kind."""

from kollega.news.actions import get_organisation_place
from kollega.places.actions import create_community
from kollega.places.models import Place
from tests.news.conftest import publish


def test_it_is_created_open_the_first_time_and_reused(org):
    place = get_organisation_place()
    assert place.kind == Place.Kind.ORGANISATION
    assert place.slug == "organisation"
    assert place.access == Place.Access.OPEN
    assert get_organisation_place() == place


def test_a_community_called_organisation_does_not_take_its_place(org):
    community = create_community(org.dana, "Organisation")
    place = get_organisation_place()
    assert place != community
    assert place.kind == Place.Kind.ORGANISATION


def test_the_news_list_takes_the_same_queries_for_more_articles(org, desk, as_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user("dana")
    publish(org, "First", tags="a")

    def count():
        client.get("/news/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/news/").status_code == 200
        return len(captured.captured_queries)

    few = count()
    for n in range(10):
        publish(org, f"Article {n}", tags="b c")
    assert count() == few
