"""Downloads and previews: safe headers, counting, and the access check on every byte."""

import pytest
from django.test import Client
from django.urls import reverse

from kollega.activity.models import Event
from kollega.content.models import ItemShare
from kollega.files import actions
from kollega.files.models import FileDetail
from tests.files import builders
from tests.files.builders import upload


@pytest.fixture
def client_for(org):
    def sign_in(username: str) -> Client:
        client = Client()
        client.force_login(getattr(org, username).user)
        return client

    return sign_in


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def download_url(item) -> str:
    return reverse("files-download", args=[item.pk])


def test_a_download_is_an_attachment_with_safe_headers(org, client_for):
    data = builders.docx()
    item = actions.upload_file(org.alice, org.guild, upload("Möte & plan.docx", data))
    response = client_for("dana").get(download_url(item))
    assert response.status_code == 200
    assert body(response) == data
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''M%C3%B6te%20%26%20plan.docx" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Length"] == str(len(data))


def test_the_content_type_is_the_detected_one(org, client_for):
    item = actions.upload_file(org.alice, org.guild, upload("notes.txt", b"hello", "text/html"))
    response = client_for("alice").get(download_url(item))
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment;")


def test_images_and_pdfs_open_inline_when_asked(org, guild_file, client_for):
    client = client_for("alice")
    image = actions.upload_file(org.alice, org.guild, upload("pic.png", builders.png()))
    response = client.get(download_url(image), {"view": "1"})
    assert response["Content-Disposition"].startswith("inline;")
    assert "sandbox" in response["Content-Security-Policy"]
    response = client.get(download_url(guild_file), {"view": "1"})
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert client.get(download_url(image))["Content-Disposition"].startswith("attachment;")


def test_other_types_are_never_inline(org, client_for):
    item = actions.upload_file(org.alice, org.guild, upload("a.txt", b"<b>hi</b>"))
    response = client_for("alice").get(download_url(item), {"view": "1"})
    assert response["Content-Disposition"].startswith("attachment;")


def test_downloads_are_counted_with_an_event(org, guild_file, client_for):
    client = client_for("dana")
    body(client.get(download_url(guild_file)))
    body(client.get(download_url(guild_file)))
    assert FileDetail.objects.get(pk=guild_file.pk).download_count == 2
    assert Event.objects.filter(item=guild_file, verb="download", actor=org.dana).count() == 2


def test_head_requests_are_not_counted(org, guild_file, client_for):
    assert client_for("dana").head(download_url(guild_file)).status_code == 200
    assert FileDetail.objects.get(pk=guild_file.pk).download_count == 0


def test_posting_to_a_download_is_not_allowed(org, guild_file, client_for):
    assert client_for("dana").post(download_url(guild_file)).status_code == 405


def test_any_version_can_be_downloaded(org, guild_file, client_for):
    actions.upload_version(org.bob, guild_file, upload("v2.txt", b"second"))
    client = client_for("alice")
    first = client.get(reverse("files-version-download", args=[guild_file.pk, 1]))
    assert body(first).startswith(b"%PDF") and "plan.pdf" in first["Content-Disposition"]
    assert body(client.get(download_url(guild_file))) == b"second"
    missing = client.get(reverse("files-version-download", args=[guild_file.pk, 3]))
    assert missing.status_code == 404


def test_the_preview_is_served_with_the_same_care(org, client_for):
    item = actions.upload_file(org.alice, org.guild, upload("pic.png", builders.png()))
    response = client_for("dana").get(reverse("files-preview", args=[item.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response).startswith(b"\xff\xd8")
    assert FileDetail.objects.get(pk=item.pk).download_count == 0
    version = client_for("dana").get(reverse("files-version-preview", args=[item.pk, 1]))
    assert version.status_code == 200


def test_files_without_a_preview_answer_404(org, guild_file, client_for):
    assert (
        client_for("alice").get(reverse("files-preview", args=[guild_file.pk])).status_code == 404
    )


def test_a_missing_blob_is_a_404_not_a_500(org, guild_file, client_for):
    from kollega.files.storage import file_storage

    file_storage().delete(guild_file.file.current.blob.name)
    assert client_for("alice").get(download_url(guild_file)).status_code == 404


def test_a_shared_reader_downloads_but_cannot_add_versions(org, private_file, client_for):
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.READER)
    bob = client_for("bob")
    assert bob.get(download_url(private_file)).status_code == 200
    response = bob.post(
        reverse("files-version-upload", args=[private_file.pk]),
        {"file": upload("v2.xlsx", builders.xlsx())},
    )
    assert response.status_code == 403
    assert FileDetail.objects.get(pk=private_file.pk).version == 1


def test_a_shared_editor_adds_versions(org, private_file, client_for):
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.EDITOR)
    response = client_for("bob").post(
        reverse("files-version-upload", args=[private_file.pk]),
        {"file": upload("v2.xlsx", builders.xlsx())},
    )
    assert response.status_code == 302
    assert FileDetail.objects.get(pk=private_file.pk).version == 2


def test_media_urls_do_not_serve_files(org, guild_file, client_for, settings):
    from pathlib import Path

    blob = guild_file.file.current.blob.name
    assert not (Path(settings.MEDIA_ROOT) / blob).exists()
    assert client_for("alice").get(f"/media/{blob}").status_code == 404
