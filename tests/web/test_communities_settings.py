"""Creating a community with a picture, and its settings page for owners."""

import io

from PIL import Image

from kollega.places.models import Place


def png(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "picture.png"
    return buffer


def not_an_image():
    buffer = io.BytesIO(b"this is text")
    buffer.name = "picture.png"
    return buffer


def test_a_community_is_created_with_a_picture(bob, org):
    response = bob.post(
        "/places/new/",
        {"name": "Photo Club", "access": "moderated", "tags": "photo", "picture": png()},
    )
    place = Place.objects.get(name="Photo Club")
    assert response["Location"] == f"/places/{place.slug}/"
    assert place.picture
    assert place.access == Place.Access.MODERATED
    assert place.picture.url in bob.get("/places/?q=photo").content.decode()


def test_an_unreadable_picture_creates_nothing(bob):
    response = bob.post(
        "/places/new/", {"name": "Broken", "access": "open", "picture": not_an_image()}
    )
    assert response.status_code == 400
    assert "not an image we can read" in response.content.decode()
    assert not Place.objects.filter(name="Broken").exists()


def test_owners_change_the_settings(alice, org):
    url = f"/places/{org.guild.slug}/settings/"
    form = alice.get(url)
    assert form.status_code == 200
    assert 'value="Platform Guild"' in form.content.decode()
    response = alice.post(
        url,
        {
            "name": "Platform Guild 2",
            "description": "New *words*",
            "access": "moderated",
            "tags": "platform, infra",
            "idea_vote_cap": "5",
            "picture": png(),
        },
    )
    assert response["Location"] == url
    org.guild.refresh_from_db()
    assert org.guild.name == "Platform Guild 2"
    assert org.guild.description_html == "<p>New <em>words</em></p>\n"
    assert org.guild.access == Place.Access.MODERATED
    assert org.guild.idea_vote_cap == 5
    assert sorted(t.name for t in org.guild.tags.all()) == ["infra", "platform"]
    assert org.guild.picture
    assert "The settings are saved." in alice.get(url).content.decode()


def test_bad_settings_are_refused_and_nothing_changes(alice, org):
    url = f"/places/{org.guild.slug}/settings/"
    bad = [
        {"name": "", "access": "open"},
        {"name": "X", "access": "secretive"},
        {"name": "X", "access": "open", "idea_vote_cap": "0"},
        {"name": "X", "access": "open", "picture": not_an_image()},
    ]
    for data in bad:
        assert alice.post(url, data).status_code == 400, data
    org.guild.refresh_from_db()
    assert org.guild.name == "Platform Guild"
    assert org.guild.access == Place.Access.OPEN
    assert not org.guild.picture


def test_staff_may_change_any_community(as_user, org):
    staff = as_user("staff")
    url = f"/places/{org.guild.slug}/settings/"
    assert staff.get(url).status_code == 200
    assert staff.post(url, {"name": "Renamed", "access": "open"}).status_code == 302
