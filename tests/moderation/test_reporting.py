"""Reporting: anyone who can read an item reports it, once while the report is open."""

from django.template import Context, Template
from django.test import RequestFactory

from kollega.activity.models import Event
from kollega.moderation import actions
from kollega.moderation.models import Report


def report_url(item):
    return f"/items/{item.pk}/report/"


def test_the_report_form_has_the_reasons(org, as_user):
    page = as_user("dana").get(report_url(org.open_item)).content.decode()
    for label in ("Spam or advertising", "Offensive or abusive", "Confidential information",
                  "Something else"):  # fmt: skip
        assert label in page
    assert 'name="note"' in page


def test_anyone_who_can_read_an_item_reports_it(org, as_user):
    response = as_user("dana").post(report_url(org.open_item), {"reason": "spam", "note": "Ads"})
    assert response.status_code == 302
    assert response["Location"] == f"/items/{org.open_item.pk}/"
    report = Report.objects.get()
    assert (report.item, report.reporter, report.reason, report.note, report.state) == (
        org.open_item, org.dana, "spam", "Ads", "open")  # fmt: skip
    event = Event.objects.get(verb=Event.Verb.REPORT)
    assert (event.actor, event.item, event.data["reason"]) == (org.dana, org.open_item, "spam")


def test_one_open_report_per_person_per_item(org, as_user):
    client = as_user("dana")
    client.post(report_url(org.open_item), {"reason": "spam"})
    response = client.post(report_url(org.open_item), {"reason": "offensive"})
    assert response.status_code == 400
    assert "already reported" in response.content.decode()
    assert Report.objects.count() == 1


def test_after_a_decision_the_same_person_may_report_again(org):
    actions.report_item(org.dana, org.open_item, reason="spam")
    actions.dismiss_reports(org.alice, org.open_item)
    actions.report_item(org.dana, org.open_item, reason="offensive")
    assert Report.objects.filter(reporter=org.dana).count() == 2


def test_restricted_items_cannot_be_reported_by_outsiders(org, as_user, api):
    client = as_user("dana")
    assert client.get(report_url(org.secret_item)).status_code == 404
    assert client.post(report_url(org.secret_item), {"reason": "spam"}).status_code == 404
    response = api(org.dana).post(f"/moderation/items/{org.secret_item.pk}/reports",
                                  {"reason": "spam"})  # fmt: skip
    assert response.status_code == 404
    assert not Report.objects.exists()
    assert as_user("alice").post(report_url(org.secret_item), {"reason": "spam"}).status_code == 302


def test_bad_reports_are_refused_and_change_nothing(org, as_user):
    client = as_user("dana")
    for data in (
        {"reason": "boring"},
        {"reason": ""},
        {"reason": "other", "note": "   "},
        {"reason": "spam", "note": "x" * 1001},
    ):
        assert client.post(report_url(org.open_item), data).status_code == 400, data
    assert (
        "Say what is wrong"
        in client.post(report_url(org.open_item), {"reason": "other"}).content.decode()
    )
    assert client.get("/items/999999999999999999/report/").status_code == 404
    assert client.get("/items/99999999999999999999999/report/").status_code == 404
    assert not Report.objects.exists()


def test_authors_do_not_report_their_own_items(org, as_user):
    response = as_user("alice").post(report_url(org.open_item), {"reason": "spam"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_reporting_through_the_api(org, api):
    client = api(org.bob)
    url = f"/moderation/items/{org.open_item.pk}/reports"
    response = client.post(url, {"reason": "confidential", "note": "Internal numbers"})
    assert response.status_code == 201
    assert response.json()["state"] == "open"
    assert response.json()["item_id"] == org.open_item.pk
    assert client.post(url, {"reason": "spam"}).status_code == 400
    assert client.post(url, {"reason": "boring"}).status_code == 422
    assert client.post(url, {"reason": "spam", "note": "x" * 1001}).status_code == 422
    assert client.post(url, {"reason": "other"}).status_code == 400
    assert client.post(f"/moderation/items/{2**70}/reports", {"reason": "spam"}).status_code == 422
    assert Report.objects.count() == 1


def render_link(person, item):
    request = RequestFactory().get("/")
    request.person = person
    template = Template("{% load moderation_tags %}{% report_link item %}")
    return template.render(Context({"request": request, "item": item}))


def test_the_report_link_is_offered_to_readers_but_not_the_author(org):
    assert f'href="/items/{org.open_item.pk}/report/"' in render_link(org.dana, org.open_item)
    assert "Report" in render_link(org.dana, org.open_item)
    assert render_link(org.alice, org.open_item).strip() == ""
