"""The news pages: the list, an article, writing, editing and the editors."""

from datetime import timedelta

from django.utils import timezone

from kollega.activity.models import Event
from kollega.content.models import Item
from kollega.news.models import NewsDetail
from kollega.people.models import Location, OrgUnit
from kollega.places.models import Membership
from tests.news.conftest import publish


def form(**fields):
    data = {"title": "Summer party", "summary": "On the roof.", "body": "Bring **sunscreen**.",
            "tags": "party, summer", "featured_until": "", "org_units": [],
            "locations": []}  # fmt: skip
    data.update(fields)
    return data


def test_the_list_shows_featured_news_on_top_and_the_rest_newest_first(org, desk, as_user):
    publish(org, "Old news")
    publish(org, "Town hall", featured_until=timezone.now() + timedelta(days=1))
    publish(org, "New canteen")
    page = as_user("dana").get("/news/").content.decode()
    assert page.index("Town hall") < page.index("New canteen") < page.index("Old news")
    assert page.count("Town hall") == 1


def test_the_list_pages_with_more(org, desk, as_user):
    for n in range(22):
        publish(org, f"Item number {n:02d}")
    client = as_user("dana")
    page = client.get("/news/").content.decode()
    assert "Item number 21" in page and "Item number 01" not in page
    cursor = page.split("?cursor=")[1].split('"')[0]
    more = client.get(f"/news/?cursor={cursor}", HTTP_HX_REQUEST="true").content.decode()
    assert "Item number 01" in more and "<html" not in more


def test_a_bad_page_link_is_a_400(org, desk, as_user):
    assert as_user("dana").get("/news/?cursor=nonsense").status_code == 400


def test_the_list_offers_writing_only_to_editors(org, desk, as_user):
    assert "/news/new/" in as_user("charlie").get("/news/").content.decode()
    assert "/news/new/" not in as_user("dana").get("/news/").content.decode()


def test_an_editor_publishes_an_article_with_an_audience(org, desk, as_user):
    engineering = OrgUnit.objects.get(slug="engineering")
    austin = Location.objects.get(city="Austin")
    until = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = as_user("charlie").post("/news/new/", form(
        featured_until=until, org_units=[engineering.pk], locations=[austin.pk]))  # fmt: skip
    item = Item.objects.get(kind=Item.Kind.NEWS)
    assert response.status_code == 302
    assert response["Location"] == f"/news/{item.pk}/"
    assert item.place == desk
    assert "<strong>sunscreen</strong>" in item.body_html
    assert sorted(t.name for t in item.tags.all()) == ["party", "summer"]
    detail = NewsDetail.objects.get(item=item)
    assert detail.summary == "On the roof."
    assert detail.featured_until > timezone.now()
    assert list(detail.audience_units.all()) == [engineering]
    assert list(detail.audience_locations.all()) == [austin]
    assert Event.objects.filter(verb=Event.Verb.CREATE, item=item, actor=org.charlie).exists()


def test_the_article_page_shows_the_lead_audience_and_a_way_to_comment(org, desk, as_user):
    sales = OrgUnit.objects.get(slug="sales")
    item = publish(org, summary="The lead.", org_units=[sales])
    page = as_user("dana").get(f"/news/{item.pk}/").content.decode()
    assert "Town hall on Friday" in page
    assert "The lead." in page
    assert "<strong>atrium</strong>" in page
    assert "Sales" in page
    assert f'href="/items/{item.pk}/#replies"' in page
    assert f"/news/{item.pk}/edit/" not in page
    assert f"/news/{item.pk}/edit/" in as_user("charlie").get(f"/news/{item.pk}/").content.decode()


def test_comments_and_likes_work_on_the_item_page(org, desk, as_user):
    item = publish(org)
    client = as_user("dana")
    assert client.post(f"/items/{item.pk}/reply/", {"body": "See you there"}).status_code == 302
    assert client.post(f"/items/{item.pk}/like/").status_code == 302
    page = client.get(f"/news/{item.pk}/").content.decode()
    assert "1 comment" in page and "1 like" in page


def test_other_items_are_not_news_pages(org, desk, as_user):
    assert as_user("alice").get(f"/news/{org.open_item.pk}/").status_code == 404
    assert as_user("alice").get("/news/999999999999999999/").status_code == 404
    assert as_user("alice").get("/news/9999999999999999999999/").status_code == 404


def test_people_without_the_editor_role_cannot_write_news(org, desk, as_user):
    client = as_user("dana")
    page = client.get("/news/new/")
    assert page.status_code == 403
    assert "news editors" in page.content.decode()
    assert client.post("/news/new/", form()).status_code == 403
    assert not Item.objects.filter(kind=Item.Kind.NEWS).exists()


def test_people_without_the_editor_role_cannot_edit_news(org, desk, as_user):
    item = publish(org)
    client = as_user("dana")
    assert client.get(f"/news/{item.pk}/edit/").status_code == 403
    response = client.post(f"/news/{item.pk}/edit/", form(title="Hacked"))
    assert response.status_code == 403
    assert "news editors" in response.content.decode()
    assert Item.objects.get(pk=item.pk).title == "Town hall on Friday"


def test_an_author_who_lost_the_editor_role_can_no_longer_edit(org, desk, as_user):
    item = publish(org)
    Membership.objects.filter(place=desk, person=org.charlie).delete()
    response = as_user("charlie").post(f"/news/{item.pk}/edit/", form(title="Changed"))
    assert response.status_code == 403
    assert Item.objects.get(pk=item.pk).title == "Town hall on Friday"


def test_an_editor_edits_their_article(org, desk, as_user):
    item = publish(org, featured_until=timezone.now() + timedelta(days=1))
    client = as_user("charlie")
    page = client.get(f"/news/{item.pk}/edit/").content.decode()
    assert 'value="Town hall on Friday"' in page
    edited = form(title="Town hall moved", featured_until="")
    response = client.post(f"/news/{item.pk}/edit/", edited)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Town hall moved"
    assert NewsDetail.objects.get(item=item).featured_until is None
    assert Event.objects.filter(verb=Event.Verb.UPDATE, item=item).count() == 1


def test_saving_an_edit_keeps_a_featured_window_that_has_passed(org, desk, as_user):
    item = publish(org, featured_until=timezone.now() + timedelta(days=1))
    passed = timezone.now() - timedelta(days=1)
    NewsDetail.objects.filter(item=item).update(featured_until=passed)
    client = as_user("charlie")
    page = client.get(f"/news/{item.pk}/edit/").content.decode()
    shown = page.split('name="featured_until" value="')[1].split('"')[0]
    response = client.post(f"/news/{item.pk}/edit/", form(title="Typo fixed", featured_until=shown))
    assert response.status_code == 302
    assert NewsDetail.objects.get(item=item).featured_until == passed


def test_bad_input_is_refused_with_messages_and_changes_nothing(org, desk, as_user):
    client = as_user("charlie")
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    cases = [
        form(title=""),
        form(body=""),
        form(summary="x" * 501),
        form(featured_until=past),
        form(featured_until="not a date"),
        form(org_units=["999999"]),
        form(locations=["abc"]),
        form(title="x" * 201),
    ]
    for data in cases:
        assert client.post("/news/new/", data).status_code == 400, data
    page = client.post("/news/new/", form(featured_until=past)).content.decode()
    assert "Pick a time in the future" in page
    assert not Item.objects.filter(kind=Item.Kind.NEWS).exists()


def test_an_editor_who_did_not_write_an_article_is_told_who_may_edit_it(org, desk, as_user):
    item = publish(org)
    Membership.objects.create(place=desk, person=org.bob, role=Membership.Role.EDITOR)
    response = as_user("bob").post(f"/news/{item.pk}/edit/", form(title="Changed"))
    assert response.status_code == 403
    assert "author" in response.content.decode()
    assert Item.objects.get(pk=item.pk).title == "Town hall on Friday"


def test_staff_grant_and_revoke_the_editor_role(org, desk, as_user):
    client = as_user("staff")
    page = client.get("/news/editors/").content.decode()
    assert "Charlie Chen" in page
    assert client.post("/news/editors/", {"username": "dana"}).status_code == 302
    assert Membership.objects.get(place=desk, person=org.dana).role == Membership.Role.EDITOR
    assert as_user("dana").get("/news/new/").status_code == 200
    assert client.post("/news/editors/dana/revoke/").status_code == 302
    assert not Membership.objects.filter(place=desk, person=org.dana).exists()
    assert as_user("dana").get("/news/new/").status_code == 403


def test_granting_refuses_unknown_people_and_existing_editors(org, desk, as_user):
    client = as_user("staff")
    assert client.post("/news/editors/", {"username": "nobody"}).status_code == 400
    response = client.post("/news/editors/", {"username": "charlie"})
    assert response.status_code == 400
    assert "already a news editor" in response.content.decode()
    assert client.post("/news/editors/", {"username": ""}).status_code == 400
    assert client.post("/news/editors/dana/revoke/").status_code == 400
    assert client.post("/news/editors/nobody/revoke/").status_code == 400


def test_only_staff_manage_editors(org, desk, as_user):
    for username in ("alice", "charlie"):
        client = as_user(username)
        assert client.get("/news/editors/").status_code == 403
        assert client.post("/news/editors/", {"username": "dana"}).status_code == 403
        assert client.post("/news/editors/charlie/revoke/").status_code == 403
    assert not Membership.objects.filter(place=desk, person=org.dana).exists()
    assert Membership.objects.filter(place=desk, person=org.charlie).exists()


def test_an_owner_of_the_news_cannot_be_revoked_as_editor(org, desk, as_user):
    Membership.objects.create(place=desk, person=org.alice, role=Membership.Role.OWNER)
    response = as_user("staff").post("/news/editors/alice/revoke/")
    assert response.status_code == 400
    assert Membership.objects.get(place=desk, person=org.alice).role == Membership.Role.OWNER
