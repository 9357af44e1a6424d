"""The file pages: community lists, my files, the file page, uploads and sharing forms."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


def files_url(place) -> str:
    return reverse("files-list", args=[place.slug])


def test_the_community_file_list_shows_each_files_facts(org, guild_file, client_for):
    page = client_for("dana").get(files_url(org.guild))
    assert page.status_code == 200
    html = page.content.decode()
    assert "plan.pdf" in html and "PDF" in html and "Bob Brown" in html
    assert 'aria-current="page"' in html and reverse("files-list", args=[org.guild.slug]) in html
    # dana is not a member: no upload form.
    assert "Upload a file" not in html


def test_members_see_the_upload_form(org, client_for):
    assert "Upload a file" in client_for("alice").get(files_url(org.guild)).content.decode()


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("report.pdf", lambda: builders.pdf("Zanzibar quarterly figures"), "zanzibar quarterly"),
        ("minutes.docx", lambda: builders.docx("Platypus working group"), "platypus working"),
        ("budget.xlsx", lambda: builders.xlsx("Narwhal budget line"), "narwhal budget"),
        ("deck.pptx", lambda: builders.pptx("Okapi roadmap"), "okapi roadmap"),
        ("notes.odt", lambda: builders.odt("Quokka notes"), "quokka"),
        ("data.csv", lambda: b"animal\nwombat census\n", "wombat census"),
    ],
)
def test_the_filter_finds_text_inside_files(org, client_for, name, make, words):
    actions.upload_file(org.alice, org.guild, upload(name, make()))
    actions.upload_file(org.alice, org.guild, upload("other.txt", b"nothing to see"))
    html = client_for("alice").get(files_url(org.guild), {"q": words}).content.decode()
    assert name in html
    assert "other.txt" not in html


def test_the_filter_finds_names_and_says_when_nothing_matches(org, guild_file, client_for):
    client = client_for("alice")
    assert "plan.pdf" in client.get(files_url(org.guild), {"q": "PLAN"}).content.decode()
    html = client.get(files_url(org.guild), {"q": "nothing-like-this"}).content.decode()
    assert "No files match" in html


def test_the_filter_answers_htmx_with_the_table_only(org, guild_file, client_for):
    page = client_for("alice").get(files_url(org.guild), {"q": "plan"}, HTTP_HX_REQUEST="true")
    html = page.content.decode()
    assert html.lstrip().startswith('<div id="file-results"') and "plan.pdf" in html
    assert "<html" not in html


def test_the_list_sorts_by_name_and_downloads(org, client_for):
    a = actions.upload_file(org.alice, org.guild, upload("b-second.txt", b"x"))
    actions.upload_file(org.alice, org.guild, upload("A-first.txt", b"y"))
    FileDetail.objects.filter(pk=a.pk).update(download_count=5)
    client = client_for("alice")
    by_name = client.get(files_url(org.guild), {"sort": "name"}).content.decode()
    assert by_name.index("A-first.txt") < by_name.index("b-second.txt")
    by_downloads = client.get(files_url(org.guild), {"sort": "downloads"}).content.decode()
    assert by_downloads.index("b-second.txt") < by_downloads.index("A-first.txt")


@pytest.mark.parametrize(
    "params", [{"sort": "evil"}, {"q": "x" * 5000}, {"q": "nul\x00byte"}, {"page": "99999"}]
)
def test_bad_list_parameters_never_fail(org, guild_file, client_for, params):
    assert client_for("alice").get(files_url(org.guild), params).status_code == 200


def test_the_file_list_makes_a_fixed_number_of_queries(org, client_for):
    client = client_for("alice")

    def count() -> int:
        client.get(files_url(org.guild))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(files_url(org.guild)).status_code == 200
        return len(captured)

    actions.upload_file(org.alice, org.guild, upload("one.txt", b"1"))
    few = count()
    for i in range(8):
        item = actions.upload_file(org.alice, org.guild, upload(f"f{i}.jpg", builders.jpeg()))
        actions.upload_version(org.alice, item, upload(f"f{i}-v2.txt", b"2"))
    assert count() == few <= 12


def test_my_files_list_my_space_and_what_is_shared_with_me(org, private_file, client_for):
    other = actions.upload_file(org.dana, org.dana.board, upload("dana-notes.txt", b"notes"))
    actions.share_file(org.dana, other, person=org.alice)
    html = client_for("alice").get(reverse("files-mine")).content.decode()
    assert "salaries.xlsx" in html and "dana-notes.txt" in html and "My space" in html
    html = client_for("bob").get(reverse("files-mine")).content.decode()
    assert "salaries.xlsx" not in html and "dana-notes.txt" not in html


def test_uploading_into_a_community_through_the_page(org, client_for):
    response = client_for("alice").post(
        reverse("files-upload", args=[org.guild.slug]),
        {"file": upload("minutes.docx", builders.docx()), "description": "From **today**",
         "tags": "meetings"},
    )  # fmt: skip
    detail = FileDetail.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("files-detail", args=[detail.pk])
    assert detail.item.place == org.guild and "<strong>today</strong>" in detail.item.body_html
    assert list(detail.item.tags.values_list("name", flat=True)) == ["meetings"]


def test_uploading_into_my_space_is_private_unless_i_say_so(org, client_for):
    client = client_for("bob")
    client.post(reverse("files-upload-mine"), {"file": upload("a.txt", b"a")})
    client.post(
        reverse("files-upload-mine"), {"file": upload("b.txt", b"b"), "visible_to_everyone": "on"}
    )
    assert dict(FileDetail.objects.values_list("name", "item__private")) == {
        "a.txt": True,
        "b.txt": False,
    }


def test_a_disguised_upload_is_refused_with_a_clear_message(org, client_for):
    response = client_for("alice").post(
        reverse("files-upload", args=[org.guild.slug]),
        {"file": upload("photo.png", builders.HTML)},
    )
    assert response.status_code == 400
    assert "named like a PNG image but its content is a web page" in response.content.decode()
    assert not FileDetail.objects.exists()


def test_an_oversized_upload_is_dropped_while_it_arrives(org, client_for, settings, tmp_path):
    settings.KOLLEGA_MAX_UPLOAD_MB = 1
    response = client_for("alice").post(
        reverse("files-upload", args=[org.guild.slug]),
        {"file": upload("big.txt", b"a" * (1024 * 1024 + 10))},
    )
    assert response.status_code == 400
    # The handler's message: the file never reached the view.
    assert "The file is too large; the limit is 1 MB." in response.content.decode()
    assert not FileDetail.objects.exists()


def test_uploading_needs_a_file_and_membership(org, client_for):
    client = client_for("dana")
    response = client.post(reverse("files-upload", args=[org.guild.slug]), {"description": "x"})
    assert response.status_code in (400, 403)
    response = client.post(
        reverse("files-upload", args=[org.guild.slug]), {"file": upload("a.txt", b"a")}
    )
    assert response.status_code == 403
    assert not FileDetail.objects.exists()


def test_upload_forms_check_csrf(org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.alice.user)
    response = client.post(
        reverse("files-upload", args=[org.guild.slug]), {"file": upload("a.txt", b"a")}
    )
    assert response.status_code == 403
    assert not FileDetail.objects.exists()


def test_get_on_upload_addresses_goes_back_to_the_list(org, client_for):
    client = client_for("alice")
    assert client.get(reverse("files-upload", args=[org.guild.slug])).status_code == 302
    assert client.get(reverse("files-upload-mine")).status_code == 302


def test_the_file_page_shows_versions_and_the_forms_each_person_may_use(
    org, guild_file, client_for
):
    actions.upload_version(org.bob, guild_file, upload("plan-v2.pdf", builders.pdf()), note="Fix")
    url = reverse("files-detail", args=[guild_file.pk])
    html = client_for("bob").get(url).content.decode()
    assert "plan-v2.pdf" in html and "Fix" in html and "Download version 1" in html
    assert "Upload a new version" in html and "Sharing" in html
    html = client_for("dana").get(url).content.decode()
    assert "Download version 2" in html
    assert "Upload a new version" not in html and "Sharing" not in html


def test_the_file_page_shows_a_preview_of_images(org, client_for):
    item = actions.upload_file(org.alice, org.guild, upload("pic.png", builders.png()))
    html = client_for("alice").get(reverse("files-detail", args=[item.pk])).content.decode()
    assert reverse("files-preview", args=[item.pk]) in html


def test_uploading_a_version_through_the_page(org, guild_file, client_for):
    url = reverse("files-version-upload", args=[guild_file.pk])
    response = client_for("bob").post(url, {"file": upload("v2.txt", b"new"), "note": "Shorter"})
    assert response.status_code == 302
    assert FileDetail.objects.get(pk=guild_file.pk).version == 2
    response = client_for("bob").post(url, {"file": upload("v3.pdf", builders.EXE)})
    assert response.status_code == 400 and "disguised" in response.content.decode()


def test_sharing_and_unsharing_through_the_page(org, private_file, client_for):
    client = client_for("alice")
    url = reverse("files-share", args=[private_file.pk])
    assert client.post(url, {"person": "bob", "role": "editor"}).status_code == 302
    share = ItemShare.objects.get(item=private_file)
    assert (share.person, share.role) == (org.bob, "editor")
    assert client.post(url, {"community": org.secret.slug, "role": "reader"}).status_code == 302
    html = client.get(reverse("files-detail", args=[private_file.pk])).content.decode()
    assert "Bob Brown" in html and "Secret Project" in html
    remove = reverse("files-unshare", args=[private_file.pk, share.pk])
    assert client.post(remove).status_code == 302
    assert not ItemShare.objects.filter(pk=share.pk).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"person": "nobody-here", "role": "reader"},
        {"role": "reader"},
        {"person": "bob", "community": "secret-project", "role": "reader"},
        {"person": "bob", "role": "owner"},
        {"community": "not-mine", "role": "reader"},
        {"person": "alice", "role": "reader"},
    ],
)
def test_bad_shares_get_a_400_and_change_nothing(org, private_file, client_for, data):
    response = client_for("alice").post(reverse("files-share", args=[private_file.pk]), data)
    assert response.status_code == 400
    assert not ItemShare.objects.exists()


def test_the_visibility_switch(org, private_file, client_for):
    url = reverse("files-visibility", args=[private_file.pk])
    client_for("alice").post(url, {"visible_to_everyone": "on"})
    assert (
        client_for("dana").get(reverse("files-detail", args=[private_file.pk])).status_code == 200
    )
    client_for("alice").post(url, {})
    assert (
        client_for("dana").get(reverse("files-detail", args=[private_file.pk])).status_code == 404
    )


def test_other_items_are_not_file_pages(org, client_for):
    assert (
        client_for("alice").get(reverse("files-detail", args=[org.open_item.pk])).status_code == 404
    )


@pytest.mark.parametrize(
    "path",
    [
        "/files/999999999999999999/",
        "/files/99999999999999999999999/",
        "/files/abc/",
        "/files/1/versions/99999999999999/download/",
        "/places/no-such-place/files/",
    ],
)
def test_unknown_addresses_are_404(org, client_for, path):
    assert client_for("alice").get(path).status_code == 404


def test_the_size_limit_works_with_csrf_checks_on(org, settings):
    """The CSRF check reads the body; the size limit must be in place before it does."""
    settings.KOLLEGA_MAX_UPLOAD_MB = 1
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.alice.user)
    client.get(files_url(org.guild))
    token = client.cookies["csrftoken"].value
    url = reverse("files-upload", args=[org.guild.slug])
    big = upload("big.txt", b"a" * (1024 * 1024 + 10))
    response = client.post(url, {"file": big, "csrfmiddlewaretoken": token})
    assert response.status_code == 400
    assert "The file is too large; the limit is 1 MB." in response.content.decode()
    ok = client.post(url, {"file": upload("ok.txt", b"fine"), "csrfmiddlewaretoken": token})
    assert ok.status_code == 302
