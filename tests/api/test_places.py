"""Places: listing, creating communities, joining, leaving and their items."""

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.places.models import Place


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [place["slug"] for place in response.json()["items"]]


def test_places_are_listed_most_recently_active_first(api, org):
    listed = slugs(api(org.bob).get("/places", kind="community"))
    assert listed == ["secret-project", "platform-guild", "architecture-board"]


def test_the_list_filters_by_kind(api, org):
    listed = slugs(api(org.bob).get("/places", kind="board"))
    assert set(listed) == {f"board-{name}" for name in ("alice", "bob", "charlie", "dana", "staff")}
    assert api(org.bob).get("/places", kind="castle").status_code == 422


def test_places_page_with_a_cursor(api, org):
    client = api(org.bob)
    seen, cursor = [], ""
    while True:
        page = client.get("/places", limit=3, cursor=cursor).json()
        assert len(page["items"]) <= 3
        seen += [p["slug"] for p in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen))
    assert len(seen) == Place.objects.count()


def test_a_place_shows_the_viewers_role(api, org):
    data = api(org.alice).get("/places/platform-guild").json()
    assert data["name"] == "Platform Guild"
    assert data["kind"] == "community"
    assert data["access"] == "open"
    assert data["role"] == "owner"
    assert data["tags"] == ["platform", "kubernetes"] or set(data["tags"]) == {
        "platform",
        "kubernetes",
    }
    assert data["member_count"] == 1
    assert api(org.dana).get("/places/platform-guild").json()["role"] is None
    assert api(org.dana).get("/places/board-dana").json()["role"] == "owner"


def test_an_unknown_place_is_404(api, org):
    response = api(org.dana).get("/places/atlantis")
    assert response.status_code == 404
    assert response.json()["detail"] == "No such place."


def test_anyone_creates_a_community_and_owns_it(api, org):
    response = api(org.dana).post(
        "/places",
        {"name": "Sales Tips", "description": "Share *wins*.", "tags": ["sales", "tips"]},
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "sales-tips"
    assert data["access"] == "open"
    assert data["role"] == "owner"
    assert data["description_html"] == "<p>Share <em>wins</em>.</p>\n"
    assert set(data["tags"]) == {"sales", "tips"}


def test_creating_a_community_needs_a_name_and_a_known_access(api, org):
    client = api(org.dana)
    response = client.post("/places", {"name": "  "})
    assert response.status_code == 400
    assert response.json()["errors"]["name"]
    assert client.post("/places", {"name": "x" * 161}).status_code == 400
    assert client.post("/places", {"name": "Club", "access": "secret"}).status_code == 422
    assert client.post("/places", {}).status_code == 422


def test_people_join_and_leave_open_communities(api, org):
    client = api(org.dana)
    response = client.post("/places/platform-guild/join")
    assert response.status_code == 200
    assert response.json()["role"] == "member"
    assert response.json()["member_count"] == 2
    response = client.post("/places/platform-guild/join")
    assert response.status_code == 400
    assert "already" in response.json()["detail"]
    response = client.post("/places/platform-guild/leave")
    assert response.status_code == 200
    assert response.json()["role"] is None
    assert response.json()["member_count"] == 1
    assert client.post("/places/platform-guild/leave").status_code == 400


def test_moderated_communities_cannot_be_joined_directly(api, org):
    response = api(org.dana).post("/places/architecture-board/join")
    assert response.status_code == 403
    assert "Architecture Board is not open" in response.json()["detail"]


def test_boards_cannot_be_joined(api, org):
    assert api(org.dana).post("/places/board-bob/join").status_code == 400


def test_the_last_owner_cannot_leave(api, org):
    response = api(org.alice).post("/places/platform-guild/leave")
    assert response.status_code == 400
    assert "last owner" in response.json()["detail"]


def test_leaving_a_restricted_community_answers_and_then_hides_it(api, org):
    client = api(org.bob)
    response = client.post("/places/secret-project/leave")
    assert response.status_code == 200
    assert response.json()["role"] is None
    assert client.get("/places/secret-project").status_code == 404


def test_place_items_are_paged_most_recently_active_first(api, org):
    for n in range(3):
        create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, body=f"Update {n}")
    client = api(org.dana)
    first = client.get("/places/platform-guild/items", limit=2).json()
    assert [i["body"] for i in first["items"]] == ["Update 2", "Update 1"]
    second = client.get("/places/platform-guild/items", limit=2, cursor=first["next_cursor"]).json()
    assert [i["title"] for i in second["items"]] == ["", "Kubernetes upgrade plan"]
    assert second["next_cursor"] is None


def test_a_bad_cursor_is_400_with_a_message(api, org):
    for cursor in ("nonsense", "!!!", "MjAyNHwx", "a" * 5000):
        response = api(org.dana).get("/places/platform-guild/items", cursor=cursor)
        assert response.status_code == 400, cursor
        assert "first page" in response.json()["detail"]
