"""The files API: lists, multipart uploads, versions, downloads and sharing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kollega.activity.models import Event
from kollega.content.models import ItemShare
from kollega.files import actions
from kollega.files.models import FileDetail
from tests.files import builders
from tests.files.builders import upload


def test_uploading_into_a_community(org, api):
    response = api(org.alice).post(
        "",
        {"file": upload("minutes.docx", builders.docx("Guild minutes")), "place": org.guild.slug,
         "description": "Notes", "tags": "meetings, guild"},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["name"] == "minutes.docx" and data["version"] == 1
    assert data["content_type"].endswith("wordprocessingml.document")
    assert data["place"]["slug"] == org.guild.slug and not data["private"]
    assert sorted(data["tags"]) == ["guild", "meetings"]
    assert data["download_url"].endswith(f"/api/v1/files/{data['id']}/download")
    assert data["url"].endswith(f"/files/{data['id']}/")
    assert data["shares"] == []


def test_uploading_into_my_own_space_is_private_unless_visible(org, api):
    alice = api(org.alice)
    private = alice.post("", {"file": upload("a.txt", b"a")}).json()
    public = alice.post("", {"file": upload("b.txt", b"b"), "visible_to_everyone": "true"}).json()
    assert private["private"] and private["place"]["kind"] == "board"
    assert not public["private"]
    assert api(org.dana).get(f"/{private['id']}").status_code == 404
    assert api(org.dana).get(f"/{public['id']}").status_code == 200


@pytest.mark.parametrize(
    ("data", "status", "says"),
    [
        ({"file": upload("invoice.pdf", builders.EXE)}, 400, "disguised"),
        ({"file": upload("empty.txt", b"")}, 400, "empty"),
        ({"file": upload("a.txt", b"a"), "place": "secret-project"}, 404, "No such place"),
        ({"file": upload("a.txt", b"a"), "place": "board-bob"}, 400, "board"),
        ({"file": upload("a.txt", b"a"), "description": "nul\x00"}, 422, "NUL"),
        ({"description": "no file"}, 422, "file"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(org, api, data, status, says):
    response = api(org.dana).post("", data)
    assert response.status_code == status, response.content
    assert says in response.json()["detail"]
    assert not FileDetail.objects.exists()


def test_the_size_limit_applies_to_the_api(org, api, settings):
    settings.KOLLEGA_MAX_UPLOAD_MB = 1
    response = api(org.alice).post("", {"file": upload("big.txt", b"a" * (1024 * 1024 + 1))})
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The file is too large (1 MB); the limit is 1 MB."]


def test_listing_a_communitys_files_with_a_filter_and_sort(org, api):
    actions.upload_file(org.alice, org.guild, upload("b.pdf", builders.pdf("Capybara census")))
    actions.upload_file(org.alice, org.guild, upload("a.txt", b"nothing"))
    alice = api(org.alice)
    names = [f["name"] for f in alice.get(f"/places/{org.guild.slug}", sort="name").json()["items"]]
    assert names == ["a.txt", "b.pdf"]
    found = alice.get(f"/places/{org.guild.slug}", q="capybara").json()["items"]
    assert [f["name"] for f in found] == ["b.pdf"]
    page = alice.get(f"/places/{org.guild.slug}", limit=1).json()
    assert len(page["items"]) == 1 and page["next_offset"] == 1
    assert alice.get(f"/places/{org.guild.slug}", sort="evil").status_code == 422
    assert alice.get(f"/places/{org.guild.slug}", offset=10**9).status_code == 422


def test_my_files_holds_my_space_and_shares(org, api, private_file):
    other = actions.upload_file(org.dana, org.dana.board, upload("d.txt", b"d"))
    actions.share_file(org.dana, other, person=org.alice)
    names = {f["name"] for f in api(org.alice).get("/mine").json()["items"]}
    assert names == {"salaries.xlsx", "d.txt"}


def test_versions_upload_list_and_download(org, api, guild_file):
    bob = api(org.bob)
    response = bob.post(f"/{guild_file.pk}/versions", {"file": upload("v2.txt", b"two"),
                                                       "note": "Shorter"})  # fmt: skip
    assert response.status_code == 201
    assert response.json()["number"] == 2 and response.json()["note"] == "Shorter"
    versions = bob.get(f"/{guild_file.pk}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[1]["name"] == "plan.pdf" and versions[1]["uploader"]["username"] == "bob"
    latest = bob.get(f"/{guild_file.pk}/download")
    assert b"".join(latest.streaming_content) == b"two"
    first = bob.get(f"/{guild_file.pk}/download", version=1)
    assert b"".join(first.streaming_content).startswith(b"%PDF")
    assert first["Content-Disposition"].startswith("attachment;")
    assert first["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in first["Content-Security-Policy"]
    assert bob.get(f"/{guild_file.pk}/download", version=9).status_code == 404
    assert bob.get(f"/{guild_file.pk}/download", version=10**12).status_code == 422
    assert FileDetail.objects.get(pk=guild_file.pk).download_count == 2
    assert Event.objects.filter(verb="download", item=guild_file).count() == 2


def test_sharing_through_the_api(org, api, private_file):
    alice = api(org.alice)
    response = alice.post_json(f"/{private_file.pk}/shares", {"username": "bob"})
    assert response.status_code == 201, response.content
    share = response.json()
    assert share["role"] == "reader" and share["person"]["username"] == "bob"
    bob = api(org.bob)
    assert bob.get(f"/{private_file.pk}").json()["shares"] is None
    refused = bob.post(f"/{private_file.pk}/versions", {"file": upload("v.xlsx", builders.xlsx())})
    assert refused.status_code == 403
    alice.post_json(f"/{private_file.pk}/shares", {"username": "bob", "role": "editor"})
    accepted = bob.post(f"/{private_file.pk}/versions", {"file": upload("v.xlsx", builders.xlsx())})
    assert accepted.status_code == 201
    community = alice.post_json(f"/{private_file.pk}/shares", {"place": org.secret.slug})
    assert community.json()["place"]["slug"] == org.secret.slug
    assert len(alice.get(f"/{private_file.pk}").json()["shares"]) == 2
    assert alice.delete(f"/{private_file.pk}/shares/{share['id']}").status_code == 204
    assert not ItemShare.objects.filter(pk=share["id"]).exists()
    assert alice.delete(f"/{private_file.pk}/shares/{share['id']}").status_code == 400


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"username": "nobody"}, 404),
        ({"place": "secret-project", "username": "bob"}, 400),
        ({}, 400),
        ({"username": "bob", "role": "owner"}, 422),
        ({"username": "alice"}, 400),
    ],
)
def test_bad_shares_are_refused(org, api, private_file, payload, status):
    response = api(org.alice).post_json(f"/{private_file.pk}/shares", payload)
    assert response.status_code == status, response.content
    assert not ItemShare.objects.exists()


def test_only_the_author_shares(org, api, guild_file):
    response = api(org.alice).post_json(f"/{guild_file.pk}/shares", {"username": "dana"})
    assert response.status_code == 403


def test_other_kinds_of_items_are_not_files(org, api):
    assert api(org.alice).get(f"/{org.open_item.pk}").status_code == 404


def test_the_list_makes_a_fixed_number_of_queries(org, api):
    alice = api(org.alice)

    def count() -> int:
        alice.get(f"/places/{org.guild.slug}")  # warm-up: the token's last use is recorded
        with CaptureQueriesContext(connection) as captured:
            assert alice.get(f"/places/{org.guild.slug}").status_code == 200
        return len(captured)

    actions.upload_file(org.alice, org.guild, upload("one.txt", b"1"), tags="a")
    few = count()
    for i in range(6):
        item = actions.upload_file(org.alice, org.guild, upload(f"{i}.png", builders.png(20, 20)),
                                   tags=f"t{i}")  # fmt: skip
        actions.upload_version(org.alice, item, upload(f"{i}.txt", b"v2"))
    assert count() == few <= 5


def test_every_operation_has_its_stable_id(client):
    schema = client.get("/api/v1/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "files_list", "files_mine", "files_get", "files_upload", "files_upload_version",
        "files_versions_list", "files_download", "files_share", "files_unshare",
    } <= ids  # fmt: skip
