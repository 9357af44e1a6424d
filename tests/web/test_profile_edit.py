"""Editing a profile and its photo."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kollega.people.models import Person


def form_data(**changes):
    data = {
        "name": "Bob Brown",
        "job_title": "Platform Engineer",
        "org_unit": "",
        "location": "",
        "manager": "alice",
        "phone": "",
        "email": "bob@example.com",
        "about": "",
    }
    data.update(changes)
    return data


def test_me_edit_leads_to_my_edit_page(bob):
    response = bob.get("/me/edit/")
    assert response["Location"] == "/people/bob/edit/"


def test_the_edit_form_is_filled_with_the_profile(bob, org):
    page = bob.get("/people/bob/edit/").content.decode()
    assert 'value="Bob Brown"' in page
    assert 'name="manager" id="id_manager" value="alice" list="manager-options"' in page
    assert 'enctype="multipart/form-data"' in page


def test_people_edit_their_own_profile(bob, org):
    response = bob.post(
        "/people/bob/edit/",
        form_data(
            name="Robert Brown",
            job_title="Staff Engineer",
            org_unit=org.charlie.org_unit_id,
            location=org.dana.location_id,
            manager="dana",
            phone="+46 8 123",
            about="Loves *YAML*",
        ),
    )
    assert response.status_code == 302
    bob_now = Person.objects.get(username="bob")
    assert bob_now.name == "Robert Brown"
    assert bob_now.manager == org.dana
    assert bob_now.location == org.dana.location
    assert "<em>YAML</em>" in bob_now.about_html


def test_an_unknown_manager_is_refused(bob, org):
    response = bob.post("/people/bob/edit/", form_data(manager="ghost"))
    assert response.status_code == 400
    assert "Nobody has the username “ghost”." in response.content.decode()


def test_a_reporting_loop_is_refused_with_the_actions_message(alice, org):
    response = alice.post(
        "/people/alice/edit/", form_data(name="Alice Andersson", manager="bob", email="")
    )
    assert response.status_code == 400
    assert "a reporting line cannot loop" in response.content.decode()
    org.alice.refresh_from_db()
    assert org.alice.manager is None


def test_an_empty_name_or_bad_email_is_refused(bob):
    response = bob.post("/people/bob/edit/", form_data(name="", email="not-an-email"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "This field is required." in content
    assert "Enter a valid email address." in content


def test_people_cannot_edit_someone_elses_profile(dana):
    assert dana.get("/people/bob/edit/").status_code == 403
    response = dana.post("/people/bob/edit/", form_data(name="Hacked"))
    assert response.status_code == 403
    assert "You can only edit your own profile." in response.content.decode()
    assert Person.objects.get(username="bob").name == "Bob Brown"


def test_staff_edit_anyones_profile(as_user, org):
    staff = as_user("staff")
    response = staff.post("/people/bob/edit/", form_data(job_title="Principal Engineer"))
    assert response.status_code == 302
    assert Person.objects.get(username="bob").job_title == "Principal Engineer"


def png(width=800, height=600):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 90)).save(out, format="PNG")
    return SimpleUploadedFile("me.png", out.getvalue(), content_type="image/png")


def test_a_real_png_is_accepted_and_resized(bob, org):
    response = bob.post("/people/bob/photo/", {"photo": png()})
    assert response.status_code == 302
    bob_now = Person.objects.get(username="bob")
    with Image.open(bob_now.photo.path) as stored:
        assert stored.size == (512, 512)
    page = bob.get("/people/bob/").content.decode()
    assert f'src="{bob_now.photo.url}"' in page


def test_a_text_file_named_png_is_refused_with_a_message(bob, org):
    fake = SimpleUploadedFile("me.png", b"just some text", content_type="image/png")
    response = bob.post("/people/bob/photo/", {"photo": fake})
    assert response.status_code == 400
    assert "not an image we can read" in response.content.decode()
    assert not Person.objects.get(username="bob").photo


def test_a_missing_photo_is_refused(bob):
    response = bob.post("/people/bob/photo/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_people_cannot_change_someone_elses_photo(dana):
    assert dana.post("/people/bob/photo/", {"photo": png()}).status_code == 403
