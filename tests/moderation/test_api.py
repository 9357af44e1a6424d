"""Moderation in the JSON API: the queue, decisions and restoring."""

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.moderation import actions
from kollega.moderation.models import Report


def decide(client, item, decision, note=""):
    return client.post(f"/moderation/items/{item.pk}/decision",
                       {"decision": decision, "note": note})  # fmt: skip


def test_the_queue_groups_open_reports_by_item(org, reported, api):
    queue = api(org.alice).get("/moderation/reports").json()
    assert len(queue) == 1
    entry = queue[0]
    assert entry["item"]["id"] == reported.pk
    assert entry["item"]["title"] == "Kubernetes upgrade plan"
    assert entry["item"]["excerpt"] == "We upgrade **next week**."
    assert entry["item"]["place"]["slug"] == org.guild.slug
    assert entry["count"] == 2
    assert entry["reasons"] == {"spam": 1, "offensive": 1}
    assert [r["reporter"]["username"] for r in entry["reports"]] == ["dana", "charlie"]


def test_the_queue_is_for_reviewers_only(org, reported, api):
    response = api(org.bob).get("/moderation/reports")
    assert response.status_code == 403
    assert "community owners" in response.json()["detail"]


def test_an_owner_sees_no_reports_about_boards_but_staff_do(org, reported, api):
    status = create_item(org.dana, org.dana.board, kind=Item.Kind.STATUS, body="Buy my bike!")
    actions.report_item(org.bob, status, reason="spam")
    assert [e["item"]["id"] for e in api(org.alice).get("/moderation/reports").json()] == [
        reported.pk
    ]
    staff_ids = {e["item"]["id"] for e in api(org.staff).get("/moderation/reports").json()}
    assert staff_ids == {reported.pk, status.pk}
    assert decide(api(org.alice), status, "remove").status_code == 403
    assert decide(api(org.staff), status, "remove").json()["removed"] is True


def test_an_owner_removes_and_the_item_is_gone(org, reported, api):
    response = decide(api(org.alice), reported, "remove", "Off topic")
    assert response.status_code == 200
    assert response.json() == {"item_id": reported.pk, "decision": "remove", "removed": True}
    assert api(org.dana).get(f"/items/{reported.pk}").status_code == 404
    assert set(Report.objects.values_list("state", flat=True)) == {"removed"}


def test_an_owner_dismisses(org, reported, api):
    response = decide(api(org.alice), reported, "dismiss")
    assert response.json()["removed"] is False
    assert set(Report.objects.values_list("state", flat=True)) == {"dismissed"}
    assert decide(api(org.alice), reported, "dismiss").status_code == 400


def test_others_cannot_decide(org, reported, api):
    assert decide(api(org.bob), reported, "remove").status_code == 403
    assert decide(api(org.dana), reported, "dismiss").status_code == 403
    actions.report_item(org.alice, org.secret_item, reason="confidential")
    assert decide(api(org.dana), org.secret_item, "remove").status_code == 404
    assert Report.objects.filter(state="open").count() == 3
    assert not Item.objects.filter(removed_at__isnull=False).exists()


def test_bad_decisions_are_refused(org, reported, api):
    client = api(org.alice)
    assert decide(client, reported, "explode").status_code == 422
    assert decide(client, reported, "remove", "x" * 1001).status_code == 422
    assert (
        client.post(f"/moderation/items/{2**70}/decision", {"decision": "remove"}).status_code
        == 422
    )
    assert (
        client.post("/moderation/items/99999999/decision", {"decision": "remove"}).status_code
        == 404
    )
    assert client.post(f"/moderation/items/{reported.pk}/decision", "nonsense").status_code == 400
    assert Item.objects.get(pk=reported.pk).removed_at is None


def test_only_staff_restore(org, reported, api):
    actions.remove_item(org.alice, reported)
    url = f"/moderation/items/{reported.pk}/restore"
    assert api(org.alice).post(url).status_code == 403
    response = api(org.staff).post(url)
    assert response.status_code == 200
    assert response.json() == {"item_id": reported.pk, "decision": "restore", "removed": False}
    assert api(org.dana).get(f"/items/{reported.pk}").status_code == 200
    assert api(org.staff).post(url).status_code == 400
    assert api(org.staff).post("/moderation/items/99999999/restore").status_code == 404


def test_the_queue_has_a_fixed_number_of_queries(org, reported, api, django_assert_max_num_queries):
    client = api(org.staff)
    client.get("/moderation/reports")
    with django_assert_max_num_queries(8) as before:
        client.get("/moderation/reports")
    for n in range(4):
        item = create_item(org.alice, org.guild, kind=Item.Kind.TOPIC, title=f"T{n}", body="b")
        actions.report_item(org.bob, item, reason="spam")
        actions.report_item(org.dana, item, reason="offensive")
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert len(client.get("/moderation/reports").json()) == 5
