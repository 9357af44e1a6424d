"""The directory: name search as you type, filters, pages."""

import pytest

from kollega.people.actions import tag_person
from tests.factories import person
from tests.web.conftest import count_queries, htmx


def names(response):
    return [p.username for p in response.context["page"]]


def test_it_lists_everyone_by_name(bob, org):
    response = bob.get("/people/")
    assert names(response) == ["alice", "bob", "charlie", "dana", "staff"]
    page = response.content.decode()
    assert "Platform Engineer" in page
    assert "Toronto, CA" in page
    assert '<span class="avatar avatar-m" style="--hue:' in page


def test_it_finds_people_by_any_part_of_their_name(bob, org):
    assert names(bob.get("/people/?q=ch")) == ["charlie"]
    assert names(bob.get("/people/?q=dahl")) == ["dana"]


def test_as_you_type_requests_get_only_the_results(bob, org):
    response = bob.get("/people/?q=al", **htmx())
    content = response.content.decode()
    assert content.startswith('<div id="results"')
    assert "Alice Andersson" in content
    assert "Dana Dahl" not in content


def test_the_search_box_is_wired_for_htmx(bob):
    page = bob.get("/people/").content.decode()
    assert 'hx-trigger="input changed delay:250ms, search"' in page
    assert 'hx-push-url="true"' in page


def test_a_department_includes_its_sub_units(bob, org):
    assert names(bob.get("/people/?unit=engineering")) == ["alice", "bob", "charlie"]
    assert names(bob.get("/people/?unit=platform")) == ["bob", "charlie"]


def test_it_filters_by_country_location_and_tag(bob, org):
    assert names(bob.get("/people/?country=SE")) == ["alice", "dana"]
    location = org.bob.location_id
    assert names(bob.get(f"/people/?location={location}")) == ["bob"]
    tag_person(org.alice, org.charlie, "sre")
    assert names(bob.get("/people/?tag=SRE")) == ["charlie"]


@pytest.mark.parametrize(
    "query", ["unit=nowhere", "country=XX", "location=abc", "location=999999", "page=abc"]
)
def test_bad_filters_answer_400_with_a_message(bob, org, query):
    response = bob.get(f"/people/?{query}")
    assert response.status_code == 400
    assert 'class="message error"' in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(bob, org):
    assert names(bob.get("/people/?page=99")) == ["alice", "bob", "charlie", "dana", "staff"]


def test_it_shows_fifty_people_a_page(bob, org):
    for i in range(55):
        person(f"user{i:02d}", f"Zed User {i:02d}")
    first = bob.get("/people/")
    assert len(names(first)) == 50
    assert "Page 1 of 2" in first.content.decode()
    assert len(names(bob.get("/people/?page=2"))) == 10


def test_the_directory_makes_a_fixed_number_of_queries(bob, org):
    few = count_queries(bob, "/people/?unit=engineering")
    for i in range(20):
        person(f"eng{i:02d}", f"Engineer {i:02d}", org_unit=org.alice.org_unit)
    assert count_queries(bob, "/people/?unit=engineering") == few
    assert few <= 11  # with the pending-invitations count in the header


def test_manager_suggestions_come_as_datalist_options(bob, org):
    response = bob.get("/suggest/people/?manager=ali")
    assert response.content.decode().strip().startswith('<option value="alice">')
    assert bob.get("/suggest/people/?manager=").content.decode().strip() == ""
