"""Featured news: the window, the audience (org unit with sub-units, location, everyone)."""

from datetime import timedelta

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from kollega.news import queries
from kollega.news.models import NewsDetail
from kollega.people.models import Location, OrgUnit
from tests.news.conftest import publish


def soon(days=3):
    return timezone.now() + timedelta(days=days)


def featured_titles(person):
    return [item.title for item in queries.featured_for(person)]


def test_an_article_is_featured_until_its_featured_until(org, desk):
    publish(org, "Town hall", featured_until=soon())
    past = publish(org, "Last week's town hall", featured_until=soon())
    NewsDetail.objects.filter(item=past).update(featured_until=timezone.now() - timedelta(1))
    publish(org, "Canteen menu")
    assert featured_titles(org.dana) == ["Town hall"]


def test_an_empty_audience_means_everyone(org, desk):
    publish(org, "Town hall", featured_until=soon())
    for person in (org.alice, org.bob, org.dana, org.staff):
        assert featured_titles(person) == ["Town hall"]


def test_an_org_unit_audience_includes_its_sub_units(org, desk):
    engineering = OrgUnit.objects.get(slug="engineering")
    publish(org, "Engineering offsite", featured_until=soon(), org_units=[engineering])
    assert featured_titles(org.alice) == ["Engineering offsite"]  # in Engineering itself
    assert featured_titles(org.bob) == ["Engineering offsite"]  # in Platform, below it
    assert featured_titles(org.dana) == []  # in Sales
    assert featured_titles(org.staff) == []  # in no unit at all


def test_a_sub_unit_audience_does_not_include_the_unit_above(org, desk):
    platform = OrgUnit.objects.get(slug="platform")
    publish(org, "Platform on-call", featured_until=soon(), org_units=[platform])
    assert featured_titles(org.bob) == ["Platform on-call"]
    assert featured_titles(org.alice) == []


def test_a_location_audience_reaches_the_people_there(org, desk):
    stockholm = Location.objects.get(city="Stockholm")
    publish(org, "Stockholm office closed", featured_until=soon(), locations=[stockholm])
    assert featured_titles(org.alice) == ["Stockholm office closed"]
    assert featured_titles(org.dana) == ["Stockholm office closed"]
    assert featured_titles(org.bob) == []


def test_units_and_locations_together_reach_either(org, desk):
    sales = OrgUnit.objects.get(slug="sales")
    austin = Location.objects.get(city="Austin")
    publish(org, "Quarter results", featured_until=soon(), org_units=[sales], locations=[austin])
    assert featured_titles(org.dana) == ["Quarter results"]
    assert featured_titles(org.charlie) == ["Quarter results"]
    assert featured_titles(org.bob) == []


def test_featured_news_is_newest_first_and_capped(org, desk):
    for n in range(queries.FEATURED_LIMIT + 2):
        publish(org, f"News {n}", featured_until=soon())
    titles = featured_titles(org.dana)
    assert len(titles) == queries.FEATURED_LIMIT
    assert titles[0] == f"News {queries.FEATURED_LIMIT + 1}"


def test_removed_articles_are_not_featured(org, desk):
    item = publish(org, "Town hall", featured_until=soon())
    item.removed_at = timezone.now()
    item.save(update_fields=["removed_at"])
    assert featured_titles(org.dana) == []


def test_featured_for_takes_the_same_queries_for_any_number_of_articles(
    org, desk, django_assert_max_num_queries
):
    engineering = OrgUnit.objects.get(slug="engineering")
    stockholm = Location.objects.get(city="Stockholm")
    publish(org, "One", featured_until=soon(), tags="a b")
    with django_assert_max_num_queries(3):
        assert len(queries.featured_for(org.bob)) == 1
    for n in range(4):
        publish(org, f"More {n}", featured_until=soon(), tags="c d e",
                org_units=[engineering], locations=[stockholm])  # fmt: skip
    with django_assert_max_num_queries(3):
        assert len(queries.featured_for(org.bob)) == 5


def render_tag(person):
    request = RequestFactory().get("/")
    request.person = person
    template = Template("{% load news_tags %}{% featured_news %}")
    return template.render(Context({"request": request}))


def test_the_featured_news_tag_lists_the_viewers_featured_articles(org, desk):
    sales = OrgUnit.objects.get(slug="sales")
    publish(org, "Sales kick-off", summary="All of Sales, Monday.", featured_until=soon(),
            org_units=[sales])  # fmt: skip
    html = render_tag(org.dana)
    assert "Featured news" in html
    assert "Sales kick-off" in html
    assert "All of Sales, Monday." in html
    assert render_tag(org.bob).strip() == ""


def test_the_featured_news_tag_escapes_the_summary(org, desk):
    publish(org, "Escaped", summary="<script>alert(1)</script>", featured_until=soon())
    html = render_tag(org.dana)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
