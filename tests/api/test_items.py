"""Items: reading, posting, editing, replies, likes and saves."""

from kollega.content.actions import create_item, reply_to_item, save_item
from kollega.content.models import Item


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_an_item_carries_everything_a_client_shows(api, org):
    data = api(org.dana).get(f"/items/{org.open_item.pk}").json()
    assert data["id"] == org.open_item.pk
    assert data["kind"] == "topic"
    assert data["title"] == "Kubernetes upgrade plan"
    assert data["body"] == "We upgrade **next week**."
    assert data["body_html"] == "<p>We upgrade <strong>next week</strong>.</p>\n"
    assert data["tags"] == ["kubernetes"]
    assert data["author"] == {"username": "alice", "name": "Alice Andersson"}
    assert data["place"] == {
        "slug": "platform-guild",
        "name": "Platform Guild",
        "kind": "community",
    }
    assert (data["reply_count"], data["like_count"]) == (0, 0)
    assert (data["liked"], data["saved"]) == (False, False)
    assert data["url"].endswith(f"/items/{org.open_item.pk}/")
    assert data["url"].startswith("http://testserver/")
    assert {"created", "updated", "last_activity_at"} <= set(data)


def test_an_unknown_item_is_404(api, org):
    response = api(org.dana).get("/items/999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "No such item."


def test_item_ids_out_of_range_are_refused_not_crashed(api, org):
    client = api(org.dana)
    assert client.get("/items/0").status_code == 422
    assert client.get(f"/items/{2**63}").status_code == 422
    assert client.get("/items/99999999999999999999999999999").status_code == 422
    assert client.get("/items/-1").status_code == 422
    assert client.get("/items/abc").status_code in (404, 422)


def test_latest_items_are_most_recently_active_first(api, org):
    newer = create_item(org.alice, org.board_room, kind=Item.Kind.TOPIC, body="Newer")
    assert ids(api(org.bob).get("/items")) == [newer.pk, org.secret_item.pk, org.open_item.pk]


def test_latest_items_filter_by_kind_tag_and_author(api, org):
    question = create_item(
        org.alice, org.board_room, kind=Item.Kind.QUESTION, body="Why?", tags="Why"
    )
    client = api(org.dana)
    assert ids(client.get("/items", kind="question")) == [question.pk]
    assert ids(client.get("/items", tag="WHY")) == [question.pk]
    assert ids(client.get("/items", author="alice")) == [question.pk, org.open_item.pk]
    assert ids(client.get("/items", kind="wiki")) == []


def test_latest_items_refuse_an_unknown_author_and_an_invalid_tag(api, org):
    response = api(org.dana).get("/items", author="nobody")
    assert response.status_code == 400
    assert "nobody" in response.json()["errors"]["author"][0]
    assert api(org.dana).get("/items", tag="!!").status_code == 400


def test_latest_items_page_with_a_cursor(api, org):
    for n in range(4):
        create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, body=f"Topic {n}")
    client = api(org.dana)
    first = client.get("/items", limit=3).json()
    second = client.get("/items", limit=3, cursor=first["next_cursor"]).json()
    assert len(first["items"]) == 3
    assert len(second["items"]) == 2
    assert second["next_cursor"] is None


def test_members_post_items_in_their_communities(api, org):
    response = api(org.alice).post(
        "/items",
        {
            "place": "platform-guild",
            "kind": "question",
            "title": "Helm or Kustomize?",
            "body": "Which *one*?",
            "tags": "helm, kustomize",
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "question"
    assert data["body_html"] == "<p>Which <em>one</em>?</p>\n"
    assert set(data["tags"]) == {"helm", "kustomize"}
    assert data["author"]["username"] == "alice"
    assert Item.objects.filter(pk=data["id"]).exists()


def test_people_post_status_updates_on_their_own_board(api, org):
    response = api(org.dana).post(
        "/items", {"place": "board-dana", "kind": "status", "body": "At the client today."}
    )
    assert response.status_code == 201, response.content
    assert response.json()["place"]["kind"] == "board"


def test_posting_outside_ones_places_is_forbidden(api, org):
    response = api(org.dana).post(
        "/items", {"place": "platform-guild", "kind": "topic", "body": "Hello"}
    )
    assert response.status_code == 403
    assert "Platform Guild" in response.json()["detail"]


def test_posting_needs_a_known_place_a_kind_and_a_body(api, org):
    client = api(org.alice)
    base = {"place": "platform-guild", "kind": "topic", "body": "Text"}
    assert client.post("/items", {**base, "place": "atlantis"}).status_code == 404
    response = client.post("/items", {**base, "kind": "poem"})
    assert response.status_code == 400
    assert "poem" in response.json()["errors"]["kind"][0]
    response = client.post("/items", {**base, "body": "   "})
    assert response.status_code == 400
    assert "empty" in response.json()["errors"]["body"][0]
    assert client.post("/items", {**base, "title": "t" * 201}).status_code == 400
    assert client.post("/items", {"place": "platform-guild"}).status_code == 422


def test_markdown_is_rendered_safe(api, org):
    response = api(org.alice).post(
        "/items",
        {
            "place": "platform-guild",
            "kind": "topic",
            "body": "<script>alert(1)</script> [x](javascript:alert(1))",
        },
    )
    html = response.json()["body_html"]
    assert "<script" not in html
    assert 'href="javascript' not in html


def test_authors_edit_their_items(api, org):
    response = api(org.alice).patch(
        f"/items/{org.open_item.pk}", {"title": "Upgrade postponed", "tags": ["kubernetes", "ops"]}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["title"] == "Upgrade postponed"
    assert data["body"] == "We upgrade **next week**."  # not sent, not changed
    assert set(data["tags"]) == {"kubernetes", "ops"}


def test_others_cannot_edit_an_item(api, org):
    response = api(org.dana).patch(f"/items/{org.open_item.pk}", {"title": "Mine now"})
    assert response.status_code == 403
    org.open_item.refresh_from_db()
    assert org.open_item.title == "Kubernetes upgrade plan"


def test_replies_are_listed_oldest_first(api, org):
    reply_to_item(org.bob, org.open_item, "First")
    reply_to_item(org.dana, org.open_item, "Second")
    data = api(org.charlie).get(f"/items/{org.open_item.pk}/replies").json()
    assert data["count"] == 2
    assert [r["body"] for r in data["items"]] == ["First", "Second"]
    assert data["items"][1]["author"] == {"username": "dana", "name": "Dana Dahl"}
    assert data["next_offset"] is None
    page = api(org.charlie).get(f"/items/{org.open_item.pk}/replies", limit=1).json()
    assert page["next_offset"] == 1


def test_anyone_who_reads_an_item_replies_to_it(api, org):
    client = api(org.dana)
    response = client.post(f"/items/{org.open_item.pk}/replies", {"body": "Count me *in*."})
    assert response.status_code == 201, response.content
    assert response.json()["body_html"] == "<p>Count me <em>in</em>.</p>\n"
    assert client.get(f"/items/{org.open_item.pk}").json()["reply_count"] == 1


def test_an_empty_reply_is_refused(api, org):
    response = api(org.dana).post(f"/items/{org.open_item.pk}/replies", {"body": ""})
    assert response.status_code == 400
    assert response.json()["errors"]["body"]


def test_likes_are_added_once_and_taken_back(api, org):
    client = api(org.dana)
    path = f"/items/{org.open_item.pk}/like"
    assert client.put(path).json()["like_count"] == 1
    data = client.put(path).json()
    assert (data["like_count"], data["liked"]) == (1, True)
    data = client.delete(path).json()
    assert (data["like_count"], data["liked"]) == (0, False)
    assert client.delete(path).json()["like_count"] == 0


def test_saves_are_added_once_and_removed(api, org):
    client = api(org.dana)
    path = f"/items/{org.open_item.pk}/save"
    assert client.put(path).json()["saved"] is True
    assert client.put(path).json()["saved"] is True
    assert client.delete(path).json()["saved"] is False


def test_saved_items_are_listed_most_recently_saved_first(api, org):
    other = create_item(org.alice, org.board_room, kind=Item.Kind.TOPIC, body="Other")
    save_item(org.bob, other)
    save_item(org.bob, org.open_item)
    save_item(org.bob, org.secret_item)
    client = api(org.bob)
    data = client.get("/me/saved").json()
    assert [i["id"] for i in data["items"]] == [org.secret_item.pk, org.open_item.pk, other.pk]
    assert all(i["saved"] for i in data["items"])
    first = client.get("/me/saved", limit=2).json()
    second = client.get("/me/saved", limit=2, cursor=first["next_cursor"]).json()
    assert [i["id"] for i in second["items"]] == [other.pk]
