"""In a real browser: tagging a colleague updates their profile without a reload."""

import pytest

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def test_bob_tags_alice_and_sees_the_count_without_a_reload(live_org, sign_in, live_server):
    page = sign_in("bob")
    page.goto(f"{live_server.url}/people/alice/")
    # A marker on the window survives only if the page is not reloaded.
    page.evaluate("window.kollegaMarker = 'still here'")
    page.get_by_label("Add tags").fill("kubernetes")
    page.get_by_role("button", name="Tag", exact=True).click()

    tag = page.locator("#profile-tags .profile-tag", has_text="kubernetes")
    tag.wait_for()
    assert tag.locator(".count").inner_text() == "1"
    assert "Bob Brown" in tag.inner_text()
    assert page.evaluate("window.kollegaMarker") == "still here"
    assert page.get_by_label("Add tags").input_value() == ""


def test_a_bad_tag_shows_the_message_in_place(live_org, sign_in, live_server):
    page = sign_in("bob")
    page.goto(f"{live_server.url}/people/alice/")
    page.get_by_label("Add tags").fill("!!!")
    page.get_by_role("button", name="Tag", exact=True).click()
    page.locator("#profile-tags .errorlist").wait_for()
    assert "is not a valid tag" in page.locator("#profile-tags").inner_text()


def test_on_a_phone_the_menu_opens_and_reaches_every_page(live_org, sign_in, live_server):
    page = sign_in("bob", viewport=PHONE)
    nav_link = page.get_by_role("link", name="Directory")
    assert not nav_link.is_visible()
    menu = page.get_by_role("button", name="Menu")
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    nav_link.click()
    page.wait_for_url(f"{live_server.url}/people/")
    # Nothing is wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_keyboard_users_can_skip_to_the_content(live_org, sign_in, live_server):
    page = sign_in("bob")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()


def test_the_directory_searches_as_you_type(live_org, sign_in, live_server):
    page = sign_in("bob")
    page.goto(f"{live_server.url}/people/")
    page.get_by_label("Name").press_sequentially("cha")
    page.wait_for_url("**/people/?q=cha**")
    results = page.locator("#results .person-card")
    results.first.wait_for()
    page.wait_for_function("document.querySelectorAll('#results .person-card').length === 1")
    assert "Charlie Chen" in results.first.inner_text()
