"""Restricted community files and private files are invisible to everyone else: every page,
download, preview and API operation answers 404, as for a file that does not exist."""

import pytest
from django.test import Client
from django.urls import reverse

from kollega.files import actions, queries
from kollega.files.models import FileDetail
from tests.files import builders
from tests.files.builders import upload


@pytest.fixture
def secret_image(org):
    item = actions.upload_file(org.bob, org.secret, upload("falcon.png", builders.png()))
    actions.upload_version(org.bob, item, upload("falcon-2.png", builders.png(500, 500)))
    return item


@pytest.fixture
def private_image(org):
    return actions.upload_file(org.alice, org.alice.board, upload("me.png", builders.png()))


def pages(item) -> list[str]:
    return [
        reverse("files-detail", args=[item.pk]),
        reverse("files-download", args=[item.pk]),
        reverse("files-download", args=[item.pk]) + "?view=1",
        reverse("files-preview", args=[item.pk]),
        reverse("files-version-download", args=[item.pk, 1]),
        reverse("files-version-preview", args=[item.pk, 1]),
        reverse("item", args=[item.pk]),
    ]


def posts(item) -> list[tuple[str, dict]]:
    return [
        (reverse("files-version-upload", args=[item.pk]), {"file": upload("x.txt", b"x")}),
        (reverse("files-share", args=[item.pk]), {"person": "dana", "role": "reader"}),
        (reverse("files-unshare", args=[item.pk, 1]), {}),
        (reverse("files-visibility", args=[item.pk]), {"visible_to_everyone": "on"}),
    ]


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


@pytest.mark.parametrize("fixture", ["secret_image", "private_image"])
def test_outsiders_get_404_on_every_page(org, request, fixture):
    item = request.getfixturevalue(fixture)
    dana = signed_in(org.dana)
    for url in pages(item):
        assert dana.get(url).status_code == 404, url
    for url, data in posts(item):
        assert dana.post(url, data).status_code == 404, url
    assert FileDetail.objects.get(pk=item.pk).download_count == 0


@pytest.mark.parametrize("fixture", ["secret_image", "private_image"])
def test_outsiders_get_404_on_every_api_operation(org, request, fixture, api):
    item = request.getfixturevalue(fixture)
    dana = api(org.dana)
    for path in ("", "/versions", "/download", "/download?version=1"):
        response = dana.get(f"/{item.pk}{path}")
        assert response.status_code == 404, path
        assert response.json() == {"detail": "No such item."}
    assert dana.post(f"/{item.pk}/versions", {"file": upload("x.txt", b"x")}).status_code == 404
    assert dana.post_json(f"/{item.pk}/shares", {"username": "dana"}).status_code == 404
    assert dana.delete(f"/{item.pk}/shares/1").status_code == 404


def test_the_restricted_community_file_list_is_404_for_outsiders(org, secret_image, api):
    assert signed_in(org.dana).get(reverse("files-list", args=[org.secret.slug])).status_code == 404
    assert api(org.dana).get(f"/places/{org.secret.slug}").status_code == 404
    assert signed_in(org.bob).get(reverse("files-list", args=[org.secret.slug])).status_code == 200


@pytest.mark.parametrize("fixture", ["secret_image", "private_image"])
def test_hidden_files_appear_in_no_list(org, request, fixture, api):
    item = request.getfixturevalue(fixture)
    name = item.file.name
    dana = signed_in(org.dana)
    assert name not in dana.get(reverse("files-mine")).content.decode()
    assert name not in dana.get(reverse("files-list", args=[org.alice.board.slug])).content.decode()
    assert name not in str(api(org.dana).get("/mine").json())
    assert not queries.my_files(org.dana).exists()
    assert not queries.place_files(org.dana, item.place).exists()


def test_extracted_text_of_hidden_files_is_not_searchable(org, api):
    actions.upload_file(org.bob, org.secret, upload("plan.pdf", builders.pdf("Falcon codename")))
    dana = signed_in(org.dana)
    html = dana.get(reverse("files-list", args=[org.guild.slug]), {"q": "falcon"}).content.decode()
    assert "plan.pdf" not in html
    assert api(org.dana).get("/mine", q="falcon").json()["items"] == []


def test_members_and_shares_see_what_outsiders_do_not(org, secret_image, private_image):
    assert (
        signed_in(org.alice).get(reverse("files-detail", args=[secret_image.pk])).status_code == 200
    )
    actions.share_file(org.alice, private_image, person=org.dana)
    assert (
        signed_in(org.dana).get(reverse("files-preview", args=[private_image.pk])).status_code
        == 200
    )


def test_a_removed_file_is_gone_everywhere(org, secret_image):
    from django.utils import timezone

    from kollega.content.models import Item

    Item.objects.filter(pk=secret_image.pk).update(removed_at=timezone.now())
    bob = signed_in(org.bob)
    for url in pages(secret_image):
        assert bob.get(url).status_code == 404, url
    assert "falcon" not in bob.get(reverse("files-list", args=[org.secret.slug])).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(org, secret_image):
    response = Client().get(reverse("files-download", args=[secret_image.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
