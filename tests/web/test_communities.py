"""Communities: the list, creating one, a community's page, joining, leaving, posting."""

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.places.models import Membership, Place
from tests.web.conftest import count_queries, htmx


def test_the_list_leaves_out_restricted_communities_for_outsiders(dana, bob):
    outsider = dana.get("/places/").content.decode()
    assert "Platform Guild" in outsider
    assert "Architecture Board" in outsider
    assert "Secret Project" not in outsider
    assert "Secret Project" in bob.get("/places/").content.decode()


def test_the_list_puts_the_most_active_first(bob, org):
    create_item(org.alice, org.board_room, kind="topic", title="News", body="Fresh")
    slugs = [p.slug for p in bob.get("/places/").context["page"]]
    assert slugs[0] == org.board_room.slug
    assert all(p.kind == Place.Kind.COMMUNITY for p in bob.get("/places/").context["page"])


def test_people_create_communities(bob, org):
    response = bob.post(
        "/places/new/",
        {"name": "Rust Users", "description": "We *rust*", "access": "open", "tags": "rust"},
    )
    place = Place.objects.get(name="Rust Users")
    assert response["Location"] == f"/places/{place.slug}/"
    assert Membership.objects.get(place=place, person=org.bob).role == Membership.Role.OWNER
    page = bob.get(response["Location"]).content.decode()
    assert "<em>rust</em>" in page


def test_a_community_needs_a_name_and_a_known_access(bob):
    response = bob.post("/places/new/", {"name": "", "access": "secretive"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "This field is required." in content
    assert "Select a valid choice." in content


def test_the_restricted_place_page_is_404_for_outsiders(dana, bob, org):
    assert dana.get(f"/places/{org.secret.slug}/").status_code == 404
    assert dana.post(f"/places/{org.secret.slug}/join/").status_code == 404
    page = bob.get(f"/places/{org.secret.slug}/").content.decode()
    assert "Codename Falcon" in page


def test_people_join_and_leave_open_communities(dana, org):
    page = dana.get(f"/places/{org.guild.slug}/").content.decode()
    assert ">Join</button>" in page
    assert 'action="/places/platform-guild/post/"' not in page
    dana.post(f"/places/{org.guild.slug}/join/")
    assert Membership.objects.filter(place=org.guild, person=org.dana).exists()
    page = dana.get(f"/places/{org.guild.slug}/").content.decode()
    assert ">Leave</button>" in page
    assert "You joined Platform Guild." in page
    assert "Your role: Member" in page
    dana.post(f"/places/{org.guild.slug}/leave/")
    assert not Membership.objects.filter(place=org.guild, person=org.dana).exists()


def test_joining_a_moderated_community_is_refused_with_the_reason(dana, org):
    page = dana.get(f"/places/{org.board_room.slug}/").content.decode()
    assert "needs an owner's approval" in page
    response = dana.post(f"/places/{org.board_room.slug}/join/")
    assert response.status_code == 403
    assert "is not open" in response.content.decode()


def test_joining_twice_is_a_400(bob, org):
    response = bob.post(f"/places/{org.secret.slug}/join/")
    assert response.status_code == 400
    assert "already a member" in response.content.decode()


def test_members_post_topics(alice, org):
    response = alice.post(
        f"/places/{org.guild.slug}/post/",
        {"kind": "question", "title": "Helm or Kustomize?", "body": "Which one?", "tags": "helm"},
    )
    item = Item.objects.get(title="Helm or Kustomize?")
    assert response["Location"] == f"/items/{item.pk}/"
    assert item.kind == Item.Kind.QUESTION
    assert item.place == org.guild


def test_a_post_without_a_title_is_refused(alice, org):
    response = alice.post(f"/places/{org.guild.slug}/post/", {"kind": "topic", "body": "x"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_non_members_cannot_post(dana, org):
    response = dana.post(
        f"/places/{org.guild.slug}/post/", {"kind": "topic", "title": "Hi", "body": "x"}
    )
    assert response.status_code == 403
    assert "You cannot post in Platform Guild." in response.content.decode()


def test_a_board_slug_leads_to_the_owners_profile(bob, org):
    response = bob.get(f"/places/{org.alice.board.slug}/")
    assert response["Location"] == "/people/alice/"


def test_the_place_page_pages_with_more(bob, org):
    for i in range(25):
        create_item(org.alice, org.guild, kind="topic", title=f"T{i:02d}", body="b")
    response = bob.get(f"/places/{org.guild.slug}/")
    cursor = response.context["page"].next_cursor
    assert cursor
    fragment = bob.get(f"/places/{org.guild.slug}/?cursor={cursor}", **htmx()).content.decode()
    assert "T04" in fragment
    assert "<html" not in fragment
    assert bob.get(f"/places/{org.guild.slug}/?cursor=%%%").status_code == 400


def test_the_place_page_makes_a_fixed_number_of_queries(bob, org):
    few = count_queries(bob, f"/places/{org.guild.slug}/")
    for i in range(12):
        create_item(org.alice, org.guild, kind="topic", title=f"T{i}", body="b", tags="p q")
    assert count_queries(bob, f"/places/{org.guild.slug}/") == few
    assert few <= 12


def test_the_list_sorts_by_name_or_size_and_ignores_unknown_orders(bob, org):
    by_name = [p.name for p in bob.get("/places/?sort=name").context["page"]]
    assert by_name == sorted(by_name)
    assert bob.get("/places/?sort=size").status_code == 200
    response = bob.get("/places/?sort=drop-table")
    assert response.status_code == 200
    assert response.context["sort"] == "activity"


def test_the_list_shows_community_tags(bob, org):
    page = bob.get("/places/").content.decode()
    assert 'href="/places/?tag=platform"' in page


def test_more_after_a_refused_post_still_points_at_the_place(alice, org):
    for i in range(21):
        create_item(org.alice, org.guild, kind="topic", title=f"T{i:02d}", body="b")
    response = alice.post(f"/places/{org.guild.slug}/post/", {"kind": "topic", "body": ""})
    assert response.status_code == 400
    assert f'href="/places/{org.guild.slug}/?cursor=' in response.content.decode()
