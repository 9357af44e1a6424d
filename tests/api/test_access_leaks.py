"""Dana is in no restricted community: nothing of "Secret Project" may reach her, anywhere.

Each endpoint is also called as bob, a member, so a test cannot pass by the endpoint simply
being broken.
"""

import pytest

from kollega.content.actions import like_item, reply_to_item, save_item
from kollega.places.models import Membership

SECRET_WORDS = ("Falcon", "falcon", "Secret Project", "secret-project")


def item_paths(org):
    secret = org.secret_item.pk
    return [
        ("get", f"/items/{secret}", None),
        ("patch", f"/items/{secret}", {"title": "Leaked"}),
        ("get", f"/items/{secret}/replies", None),
        ("post", f"/items/{secret}/replies", {"body": "Hello?"}),
        ("put", f"/items/{secret}/like", None),
        ("delete", f"/items/{secret}/like", None),
        ("put", f"/items/{secret}/save", None),
        ("delete", f"/items/{secret}/save", None),
        ("get", "/places/secret-project", None),
        ("get", "/places/secret-project/items", None),
        ("post", "/places/secret-project/join", None),
        ("post", "/places/secret-project/leave", None),
        ("post", "/items", {"place": "secret-project", "kind": "topic", "body": "Hi"}),
    ]


def assert_no_secret(response):
    text = response.content.decode()
    for word in SECRET_WORDS:
        assert word not in text, (response.request["PATH_INFO"], word)


def test_every_operation_on_the_secret_community_is_404_for_outsiders(api, org):
    client = api(org.dana)
    for method, path, body in item_paths(org):
        response = client.request(method, path, body)
        assert response.status_code == 404, (method, path, response.content)
        assert_no_secret(response)


def test_the_404_for_a_secret_item_is_the_same_as_for_a_missing_one(api, org):
    client = api(org.dana)
    secret = client.get(f"/items/{org.secret_item.pk}")
    missing = client.get("/items/999999")
    assert secret.content == missing.content


def test_members_reach_the_same_operations(api, org):
    client = api(org.bob)
    for method, path, _body in item_paths(org):
        if method == "get":
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "params",
    [{}, {"tag": "falcon"}, {"author": "bob"}, {"kind": "topic"}, {"limit": "100"}],
    ids=["all", "tag", "author", "kind", "limit"],
)
def test_item_lists_leave_out_secret_items(api, org, params):
    response = api(org.dana).get("/items", **params)
    assert response.status_code == 200
    assert org.secret_item.pk not in [i["id"] for i in response.json()["items"]]
    assert_no_secret(response)
    member_view = api(org.bob).get("/items", **params).json()["items"]
    assert org.secret_item.pk in [i["id"] for i in member_view]


def test_place_lists_leave_out_the_secret_community(api, org):
    for params in ({}, {"kind": "community"}):
        response = api(org.dana).get("/places", **params)
        assert_no_secret(response)
        assert "secret-project" in [p["slug"] for p in api(org.bob).get("/places").json()["items"]]


def test_replies_likes_and_saves_on_secret_items_never_show(api, org):
    reply_to_item(org.bob, org.secret_item, "Falcon is late.")
    like_item(org.bob, org.secret_item)
    for path in ("/items", "/me/saved", f"/places/{org.guild.slug}/items", "/people/bob"):
        assert_no_secret(api(org.dana).get(path))


def test_saved_items_disappear_when_one_loses_access(api, org):
    Membership.objects.create(place=org.secret, person=org.dana)
    save_item(org.dana, org.secret_item)
    client = api(org.dana)
    assert [i["id"] for i in client.get("/me/saved").json()["items"]] == [org.secret_item.pk]
    Membership.objects.filter(place=org.secret, person=org.dana).delete()
    response = client.get("/me/saved")
    assert response.json()["items"] == []
    assert_no_secret(response)


def test_a_former_members_old_cursor_reveals_nothing(api, org):
    Membership.objects.create(place=org.secret, person=org.dana)
    page = api(org.dana).get("/items", limit=1).json()
    assert page["items"][0]["id"] == org.secret_item.pk
    Membership.objects.filter(place=org.secret, person=org.dana).delete()
    response = api(org.dana).get("/items", cursor=page["next_cursor"])
    assert_no_secret(response)
    assert org.secret_item.pk not in [i["id"] for i in response.json()["items"]]
