"""Live updates in a real browser: dana's home page announces bob's new post without
reloading, shows it on request, and her header badge counts bob's mention as it happens."""

import pytest

from kollega.network.actions import follow_person

pytestmark = pytest.mark.browser


@pytest.fixture
def dana_follows_bob(live_org):
    follow_person(live_org.dana, live_org.bob)
    return live_org


def post_on_board(page, text):
    box = page.locator("#board textarea[name=body]")
    box.fill(text)
    page.locator("#board").get_by_role("button", name="Post").click()
    page.locator("#board .item", has_text=text).wait_for()


def test_a_new_post_is_announced_and_shown_without_reloading(
    dana_follows_bob, sign_in, live_server
):
    url = live_server.url
    dana = sign_in("dana")
    dana.goto(f"{url}/?view=discover")
    dana.locator("body[data-live-open]").wait_for()
    # Anything set on the window survives only as long as the page is not reloaded.
    dana.evaluate("window.stillTheSamePage = true")

    bob = sign_in("bob")
    bob.goto(f"{url}/people/bob/")
    post_on_board(bob, "Deploying the new ingress today")

    announcement = dana.locator("#stream-news").get_by_role("link", name="1 new post — show")
    announcement.wait_for()
    assert dana.locator("#items .item", has_text="Deploying the new ingress").count() == 0
    announcement.click()
    dana.locator("#items .item", has_text="Deploying the new ingress").wait_for()
    assert dana.evaluate("window.stillTheSamePage") is True
    # Keyboard and screen reader users land on the refreshed stream.
    dana.wait_for_function("document.activeElement.id === 'stream-heading'")
    assert dana.locator("#stream-news").inner_text().strip() == ""


def test_the_header_badge_counts_a_mention_as_it_happens(dana_follows_bob, sign_in, live_server):
    url = live_server.url
    dana = sign_in("dana")
    dana.locator("body[data-live-open]").wait_for()
    assert dana.locator("#notification-badge .badge").count() == 0

    bob = sign_in("bob")
    bob.goto(f"{url}/people/bob/")
    post_on_board(bob, "Thanks @dana for the customer intro")

    badge = dana.locator("#notification-badge .badge")
    badge.wait_for()
    assert badge.inner_text().strip() == "1"
    assert badge.get_attribute("aria-label") == "1 unread notification"
