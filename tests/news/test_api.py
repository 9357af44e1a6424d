"""News in the JSON API: listing, featured, publishing, editing and the editors."""

from datetime import timedelta

from django.utils import timezone

from kollega.content.models import Item
from kollega.news.models import NewsDetail
from kollega.people.models import Location, OrgUnit
from kollega.places.models import Membership
from tests.news.conftest import publish


def later(days=2):
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_an_editor_publishes_and_everyone_reads(org, desk, api):
    sales = OrgUnit.objects.get(slug="sales")
    response = api(org.charlie).post("/news", {
        "title": "Sales kick-off", "body": "In **Malmö**.", "summary": "Monday 9:00.",
        "tags": ["sales", "kickoff"], "featured_until": later(), "org_units": [sales.pk],
    })  # fmt: skip
    assert response.status_code == 201, response.json()
    article = response.json()
    assert article["kind"] == "news"
    assert article["place"]["kind"] == "organisation"
    assert article["summary"] == "Monday 9:00."
    assert article["featured"] is True
    assert article["audience"]["everyone"] is False
    assert article["audience"]["org_units"][0]["slug"] == "sales"
    assert article["news_url"].endswith(f"/news/{article['id']}/")
    got = api(org.bob).get(f"/news/{article['id']}")
    assert got.status_code == 200
    assert got.json()["body_html"] == "<p>In <strong>Malmö</strong>.</p>\n"


def test_the_list_is_all_news_newest_first_with_a_cursor(org, desk, api):
    for n in range(3):
        publish(org, f"News {n}")
    client = api(org.dana)
    first = client.get("/news", limit=2).json()
    assert [a["title"] for a in first["items"]] == ["News 2", "News 1"]
    rest = client.get("/news", limit=2, cursor=first["next_cursor"]).json()
    assert [a["title"] for a in rest["items"]] == ["News 0"]
    assert rest["next_cursor"] is None
    assert client.get("/news", cursor="garbage").status_code == 400
    assert client.get("/news", limit=1000).status_code == 422


def test_featured_is_for_the_viewers_audience(org, desk, api):
    stockholm = Location.objects.get(city="Stockholm")
    publish(org, "Stockholm news", featured_until=timezone.now() + timedelta(1),
            locations=[stockholm])  # fmt: skip
    publish(org, "Not featured")
    assert [a["title"] for a in api(org.dana).get("/news/featured").json()] == ["Stockholm news"]
    assert api(org.bob).get("/news/featured").json() == []


def test_only_editors_publish(org, desk, api):
    response = api(org.dana).post("/news", {"title": "Fake news", "body": "Nope"})
    assert response.status_code == 403
    assert "news editors" in response.json()["detail"]
    assert not Item.objects.filter(kind=Item.Kind.NEWS).exists()


def test_editing_without_the_editor_role_is_403_and_changes_nothing(org, desk, api):
    item = publish(org)
    response = api(org.dana).patch(f"/news/{item.pk}", {"title": "Hacked", "featured_until": None})
    assert response.status_code == 403
    assert "news editors" in response.json()["detail"]
    assert Item.objects.get(pk=item.pk).title == "Town hall on Friday"


def test_an_editor_changes_only_the_fields_sent(org, desk, api):
    item = publish(org, summary="Lead", featured_until=timezone.now() + timedelta(1))
    client = api(org.charlie)
    response = client.patch(f"/news/{item.pk}", {"summary": "New lead"})
    assert response.status_code == 200
    assert response.json()["summary"] == "New lead"
    assert response.json()["featured"] is True
    assert response.json()["title"] == "Town hall on Friday"
    response = client.patch(f"/news/{item.pk}", {"featured_until": None, "locations": [
        Location.objects.get(city="Austin").pk]})  # fmt: skip
    assert response.json()["featured"] is False
    assert response.json()["audience"]["locations"][0]["city"] == "Austin"


def test_bad_input_is_a_4xx_and_changes_nothing(org, desk, api):
    client = api(org.charlie)
    item = publish(org)
    past = (timezone.now() - timedelta(1)).isoformat()
    for body in (
        {"title": "", "body": "x"},
        {"title": "x", "body": ""},
        {"title": "x", "body": "y", "featured_until": past},
        {"title": "x", "body": "y", "featured_until": "tomorrow"},
        {"title": "x", "body": "y", "org_units": [2**70]},
        {"title": "x", "body": "y", "org_units": [999999]},
        {"title": "x", "body": "y", "locations": list(range(1, 200))},
        {"title": "x", "body": "y", "summary": "s" * 501},
        {"title": "x\x00", "body": "y"},
        "not json",
    ):
        assert client.post("/news", body).status_code in (400, 422), body
    assert Item.objects.filter(kind=Item.Kind.NEWS).count() == 1
    assert client.patch(f"/news/{item.pk}", {"title": ""}).status_code == 400
    assert client.patch(f"/news/{item.pk}", {"body": "  "}).status_code == 400
    assert client.get("/news/999999999").status_code == 404
    assert client.get(f"/news/{2**70}").status_code == 422
    assert client.get(f"/news/{org.open_item.pk}").status_code == 404
    assert Item.objects.get(pk=item.pk).title == "Town hall on Friday"


def test_staff_grant_list_and_revoke_editors(org, desk, api):
    client = api(org.staff)
    editors = client.get("/news/editors").json()
    assert [(e["person"]["username"], e["role"]) for e in editors] == [("charlie", "editor")]
    response = client.post("/news/editors", {"username": "dana"})
    assert response.status_code == 201
    assert response.json()["role"] == "editor"
    assert api(org.dana).post("/news", {"title": "Hi", "body": "From Sales"}).status_code == 201
    assert client.delete("/news/editors/dana").status_code == 204
    assert not Membership.objects.filter(place=desk, person=org.dana).exists()
    assert client.post("/news/editors", {"username": "nobody"}).status_code == 400
    assert client.delete("/news/editors/dana").status_code == 400


def test_only_staff_manage_editors_through_the_api(org, desk, api):
    client = api(org.charlie)
    assert client.get("/news/editors").status_code == 403
    assert client.post("/news/editors", {"username": "dana"}).status_code == 403
    assert client.delete("/news/editors/charlie").status_code == 403
    assert Membership.objects.filter(place=desk, person=org.charlie).exists()


def test_news_written_before_details_existed_still_reads_and_edits(org, desk, api):
    item = publish(org)
    NewsDetail.objects.filter(item=item).delete()
    article = api(org.dana).get(f"/news/{item.pk}").json()
    assert article["summary"] == "" and article["audience"]["everyone"] is True
    response = api(org.charlie).patch(f"/news/{item.pk}", {"summary": "Now with a lead"})
    assert response.json()["summary"] == "Now with a lead"


def test_the_news_needs_authentication(db, anonymous_api):
    assert anonymous_api.get("/news").status_code == 401
    assert anonymous_api.get("/news/featured").status_code == 401
