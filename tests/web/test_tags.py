"""A tag's page: items and people with the tag, within what the viewer may see."""

from kollega.people.actions import tag_person


def test_a_tag_page_shows_items_and_people(bob, org):
    tag_person(org.bob, org.charlie, "kubernetes")
    page = bob.get("/tags/kubernetes/").content.decode()
    assert "Kubernetes upgrade plan" in page
    assert "Charlie Chen" in page


def test_it_hides_restricted_items_from_non_members(dana, bob, org):
    assert "Codename Falcon" not in dana.get("/tags/falcon/").content.decode()
    assert "Codename Falcon" in bob.get("/tags/falcon/").content.decode()


def test_tag_addresses_are_normalised(bob):
    response = bob.get("/tags/Kubernetes/")
    assert response.status_code == 302
    assert response["Location"] == "/tags/kubernetes/"


def test_an_invalid_tag_is_a_400(bob):
    response = bob.get("/tags/!!!/")
    assert response.status_code == 400
    assert "is not a valid tag" in response.content.decode()
    assert bob.get("/tags/" + "a" * 65 + "/").status_code == 400
