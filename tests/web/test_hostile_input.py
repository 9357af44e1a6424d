"""No input turns into a 500: huge numbers, odd characters, oversized requests."""

import pytest

BIG = "9" * 30


@pytest.mark.parametrize(
    "url",
    [
        f"/items/{BIG}/",
        f"/items/{BIG}/edit/",
        f"/people/?location={BIG}",
        f"/people/?page={BIG}",
        f"/places/?page={BIG}",
        f"/org/platform/?page={BIG}",
        "/people/%00%ff/",
        "/people/?q=%00",
        "/tags/%F0%9F%92%A9/",
        "/places/no-such-place/",
        "/?kind=%00",
        "/?cursor=%00",
    ],
)
def test_odd_addresses_answer_4xx_or_a_page(bob, url):
    assert bob.get(url).status_code in (200, 302, 400, 404)


@pytest.mark.parametrize("url", [f"/items/{BIG}/like/", f"/settings/tokens/{BIG}/revoke/"])
def test_odd_posts_answer_4xx(bob, url):
    assert bob.post(url).status_code in (302, 400, 404)


def test_a_request_over_the_upload_limit_is_a_400_page(bob, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = bob.post("/", {"body": "x" * 2000})
    assert response.status_code == 400
    assert "too large or malformed" in response.content.decode()


def test_null_bytes_in_a_form_are_refused_politely(bob):
    response = bob.post("/settings/", {"name": "bad\x00name"})
    assert response.status_code == 400


def test_unusual_but_stored_usernames_still_have_a_profile(bob, org):
    from kollega.people.actions import create_person

    create_person("anna lisa.öberg+x", "Anna-Lisa Öberg")
    assert bob.get("/people/anna lisa.öberg+x/").status_code == 200
    assert bob.get("/people/").status_code == 200
