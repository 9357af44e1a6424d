"""Reviewing: community owners decide about their communities, staff about everything."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.activity.models import Event
from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.moderation import actions
from kollega.moderation.models import Report
from kollega.moderation.queries import review_queue
from kollega.people.models import Person
from kollega.places.actions import create_community
from tests.moderation.conftest import htmx


def decide_url(item, decision):
    return f"/moderation/items/{item.pk}/{decision}/"


def dana_status(org):
    return create_item(org.dana, org.dana.board, kind=Item.Kind.STATUS, body="Buy my bike!")


def test_the_queue_groups_reports_by_item_with_counts_and_reasons(org, reported, as_user):
    page = as_user("alice").get("/moderation/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "2 reports" in page
    assert "Spam or advertising" in page and "Offensive or abusive" in page
    assert "Rude about ops." in page
    assert "Platform Guild" in page
    assert f'hx-post="{decide_url(reported, "remove")}"' in page


def test_an_owner_sees_only_reports_about_their_communities(org, reported, as_user):
    status = dana_status(org)
    actions.report_item(org.bob, status, reason="spam")
    page = as_user("alice").get("/moderation/").content.decode()
    assert "Buy my bike!" not in page
    staff_page = as_user("staff").get("/moderation/").content.decode()
    assert "Buy my bike!" in staff_page and "Kubernetes upgrade plan" in staff_page


def test_people_who_own_nothing_cannot_review(org, reported, as_user):
    client = as_user("bob")
    response = client.get("/moderation/")
    assert response.status_code == 403
    assert "community owners" in response.content.decode()
    assert client.post(decide_url(reported, "remove")).status_code == 403
    assert client.post(decide_url(reported, "dismiss")).status_code == 403
    assert Item.objects.get(pk=reported.pk).removed_at is None
    assert Report.objects.filter(state="open").count() == 2


def test_an_owner_cannot_decide_outside_their_communities(org, as_user):
    club = create_community(org.dana, "Sales Club")
    pitch = create_item(org.dana, club, kind=Item.Kind.TOPIC, title="Pitch", body="Our pitch")
    actions.report_item(org.bob, pitch, reason="spam")
    status = dana_status(org)
    actions.report_item(org.bob, status, reason="spam")
    client = as_user("alice")
    for item in (pitch, status):
        response = client.post(decide_url(item, "remove"))
        assert response.status_code == 403
        assert Item.objects.get(pk=item.pk).removed_at is None
    assert as_user("dana").post(decide_url(pitch, "remove")).status_code == 302


def test_an_owner_removes_a_reported_item(org, reported, as_user):
    response = as_user("alice").post(decide_url(reported, "remove"), {"note": "Off topic."},
                                     **htmx())  # fmt: skip
    assert response.status_code == 200
    assert "Removed" in response.content.decode()
    item = Item.objects.get(pk=reported.pk)
    assert item.removed_at is not None
    assert set(Report.objects.values_list("state", flat=True)) == {"removed"}
    report = Report.objects.first()
    assert (report.decided_by, report.decision_note) == (org.alice, "Off topic.")
    event = Event.objects.get(verb=Event.Verb.REMOVE)
    assert (event.actor, event.item, event.person) == (org.alice, item, org.alice)
    assert event.data == {"note": "Off topic.", "reasons": ["offensive", "spam"]}
    assert "Kubernetes" not in as_user("alice").get("/moderation/").content.decode()


def test_removing_twice_is_refused(org, reported, as_user):
    client = as_user("staff")
    assert client.post(decide_url(reported, "remove")).status_code == 302
    assert client.post(decide_url(reported, "remove")).status_code == 400


def test_dismissing_keeps_the_item(org, reported, as_user):
    client = as_user("alice")
    assert client.post(decide_url(reported, "dismiss")).status_code == 302
    assert Item.objects.get(pk=reported.pk).removed_at is None
    assert set(Report.objects.values_list("state", flat=True)) == {"dismissed"}
    assert client.post(decide_url(reported, "dismiss")).status_code == 400


def test_bad_decisions_are_refused(org, reported, as_user):
    client = as_user("alice")
    assert client.post(decide_url(reported, "explode")).status_code == 400
    assert client.post(decide_url(reported, "remove"), {"note": "x" * 1001}).status_code == 400
    assert client.get(decide_url(reported, "remove")).status_code == 405
    assert client.post("/moderation/items/999999999999/remove/").status_code == 404
    assert Item.objects.get(pk=reported.pk).removed_at is None


def test_outsiders_get_404_for_restricted_items_and_staff_decide_everywhere(org, as_user):
    actions.report_item(org.alice, org.secret_item, reason="confidential")
    assert as_user("dana").post(decide_url(org.secret_item, "remove")).status_code == 404
    assert "Codename Falcon" in as_user("staff").get("/moderation/").content.decode()
    assert as_user("staff").post(decide_url(org.secret_item, "remove")).status_code == 302
    assert Item.objects.get(pk=org.secret_item.pk).removed_at is not None


def test_only_staff_see_and_restore_removed_items(org, reported, as_user):
    actions.remove_item(org.alice, reported)
    alice = as_user("alice")
    assert alice.get("/moderation/removed/").status_code == 403
    assert alice.post(f"/moderation/items/{reported.pk}/restore/").status_code == 403
    staff = as_user("staff")
    assert "Kubernetes upgrade plan" in staff.get("/moderation/removed/").content.decode()
    response = staff.post(f"/moderation/items/{reported.pk}/restore/", **htmx())
    assert response.status_code == 200 and "Restored" in response.content.decode()
    assert Item.objects.get(pk=reported.pk).removed_at is None
    assert alice.get(f"/items/{reported.pk}/").status_code == 200
    # The decided reports stay as they were, for audit.
    assert set(Report.objects.values_list("state", flat=True)) == {"removed"}
    assert staff.post(f"/moderation/items/{reported.pk}/restore/").status_code == 400


def test_authors_see_that_their_item_was_removed(org, reported, as_user):
    actions.remove_item(org.alice, reported, note="Please post this in the Ops community.")
    page = as_user("alice").get("/moderation/mine/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "A moderator removed this from Platform Guild" in page
    assert "Please post this in the Ops community." in page
    assert "Offensive or abusive" in page
    assert "Kubernetes" not in as_user("bob").get("/moderation/mine/").content.decode()


def test_reporters_see_what_became_of_their_reports(org, reported, as_user):
    actions.dismiss_reports(org.alice, reported)
    page = as_user("dana").get("/moderation/mine/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "Kept" in page


def test_a_reporter_who_left_a_restricted_community_no_longer_sees_its_item(org, as_user):
    budget = create_item(org.alice, org.secret, kind=Item.Kind.TOPIC, title="Falcon budget",
                         body="Numbers")  # fmt: skip
    actions.report_item(org.bob, budget, reason="confidential")
    assert "Falcon budget" in as_user("bob").get("/moderation/mine/").content.decode()
    org.secret.memberships.filter(person=org.bob).delete()
    assert "Falcon budget" not in as_user("bob").get("/moderation/mine/").content.decode()


def queue_queries(client) -> int:
    client.get("/moderation/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/moderation/").status_code == 200
    return len(captured.captured_queries)


def test_the_queue_takes_the_same_queries_for_more_reports(org, reported, as_user):
    client = as_user("staff")
    few = queue_queries(client)
    for n in range(5):
        item = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title=f"T{n}", body="b")
        for person in (org.bob, org.charlie, org.dana):
            actions.report_item(person, item, reason="spam")
    actions.report_item(org.bob, dana_status(org), reason="other", note="Selling things")
    assert queue_queries(client) == few


def test_the_queue_query_counts_are_fixed(org, reported, django_assert_max_num_queries):
    for n in range(5):
        item = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title=f"T{n}", body="b")
        actions.report_item(org.bob, item, reason="spam")
    staff = Person.objects.select_related("user").get(pk=org.staff.pk)
    alice = Person.objects.select_related("user").get(pk=org.alice.pk)
    with django_assert_max_num_queries(3):
        assert len(review_queue(staff)) == 6
    with django_assert_max_num_queries(3):
        assert len(review_queue(alice)) == 6
