"""The community catalog: sorts, filters, paging, dormant communities, and what outsiders
never see."""

from datetime import timedelta

from django.utils import timezone

from kollega.content.actions import create_item
from kollega.places.actions import create_community, join_place
from kollega.places.models import Place
from tests.web.conftest import count_queries, htmx


def names(response):
    return [p.name for p in response.context["page"]]


def test_restricted_communities_never_appear_nor_count_for_outsiders(dana, bob):
    outsider = dana.get("/places/")
    assert "Secret Project" not in outsider.content.decode()
    assert outsider.context["page"].paginator.count == 2
    assert "2 communities" in outsider.content.decode()
    for query in ("?q=secret", "?tag=falcon", "?sort=name", "?sort=size", "?mine=on"):
        response = dana.get("/places/" + query)
        assert "Secret Project" not in response.content.decode(), query
    member = bob.get("/places/")
    assert "Secret Project" in names(member)
    assert member.context["page"].paginator.count == 3


def test_it_filters_by_tag_with_the_tag_links(bob, org):
    page = bob.get("/places/").content.decode()
    assert 'href="/places/?tag=kubernetes"' in page
    response = bob.get("/places/?tag=kubernetes")
    assert names(response) == ["Platform Guild"]
    assert "show all tags" in response.content.decode()


def test_it_filters_by_text_and_answers_htmx_with_the_results_only(bob):
    response = bob.get("/places/?q=board", **htmx())
    content = response.content.decode()
    assert names(response) == ["Architecture Board"]
    assert content.startswith('<div id="catalog-results"')
    assert "<html" not in content


def test_my_communities_lists_only_mine_with_my_role(dana, org):
    join_place(org.dana, org.guild)
    response = dana.get("/places/?mine=on")
    assert names(response) == ["Platform Guild"]
    assert "You: Member" in response.content.decode()


def test_it_sorts_by_activity_name_and_size(bob, org):
    create_item(org.alice, org.board_room, kind="topic", title="Now", body="b")
    assert names(bob.get("/places/"))[0] == "Architecture Board"
    assert names(bob.get("/places/?sort=name")) == [
        "Architecture Board",
        "Platform Guild",
        "Secret Project",
    ]
    join_place(org.charlie, org.guild)
    join_place(org.dana, org.guild)
    assert names(bob.get("/places/?sort=size"))[0] == "Platform Guild"


def test_dormant_communities_sink_but_stay_listed(bob, org):
    months_ago = timezone.now() - timedelta(days=150)
    Place.objects.filter(pk=org.guild.pk).update(last_activity_at=months_ago)
    response = bob.get("/places/")
    assert names(response)[-1] == "Platform Guild"
    assert "dormant, last active 4\xa0months ago" in response.content.decode()


def test_the_description_excerpt_shows_text_not_markdown(bob, org):
    create_community(org.bob, "Rustaceans", description="We **love** `cargo` & crabs")
    page = bob.get("/places/?q=rust").content.decode()
    assert "We love cargo &amp; crabs" in page
    assert "**" not in page


def test_it_pages_through_thousands_with_numbered_pages(bob, org):
    now = timezone.now()
    Place.objects.bulk_create(
        Place(kind="community", slug=f"c{i}", name=f"C{i:03d}", last_activity_at=now)
        for i in range(65)
    )
    first = bob.get("/places/?sort=name")
    assert first.context["page"].paginator.num_pages == 3
    assert "Page 1 of 3" in first.content.decode()
    assert "page=2&amp;sort=name" in first.content.decode() or "sort=name&amp;page=2" in (
        first.content.decode()
    )
    last = bob.get("/places/?sort=name&page=99")
    assert last.context["page"].number == 3
    assert bob.get("/places/?page=0").status_code == 400


def test_the_catalog_makes_a_fixed_number_of_queries(bob, org):
    few = count_queries(bob, "/places/")
    now = timezone.now()
    for i in range(15):
        place = create_community(org.bob, f"Extra {i}", tags="a b c")
        Place.objects.filter(pk=place.pk).update(last_activity_at=now)
    assert count_queries(bob, "/places/") == few
    assert count_queries(bob, "/places/?mine=on&tag=a&q=extra") <= few + 1
    assert few <= 10


def test_it_shows_the_picture_or_initials(bob, org):
    page = bob.get("/places/").content.decode()
    assert ">PG</span>" in page
    assert ">AB</span>" in page
