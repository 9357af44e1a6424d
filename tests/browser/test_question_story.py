"""The user's story in a real browser: a question asked on a board, passed on through a
mention, answered on another board by someone the asker never met, accepted, and the asker
sees how they are connected to the person who answered."""

import re

import pytest
from playwright.sync_api import expect

from kollega.network.actions import accept_invitation, invite
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def story_org(live_org):
    """alice – bob – charlie – dana: a chain of contacts, three steps from alice to dana."""
    for a, b in (
        (live_org.alice, live_org.bob),
        (live_org.bob, live_org.charlie),
        (live_org.charlie, live_org.dana),
    ):
        accept_invitation(b, invite(a, b))
    return live_org


def post_on_board(page, text):
    box = page.locator("#board textarea[name=body]")
    box.fill(text)
    page.locator("#board").get_by_role("button", name="Post").click()
    page.locator("#board .item", has_text=text).wait_for()


def test_a_question_travels_two_boards_and_is_answered(story_org, sign_in, live_server):
    url = live_server.url

    # A asks on her own board and marks the entry as a question.
    alice = sign_in("alice")
    alice.goto(f"{url}/people/alice/")
    post_on_board(alice, "How do we rotate the mTLS certificates?")
    entry = alice.locator("#board .item", has_text="rotate the mTLS")
    entry.get_by_role("button", name="Mark as question").click()
    entry = alice.locator("#board .item", has_text="rotate the mTLS")
    entry.locator(".badge", has_text="Open question").wait_for()

    # B does not know, but names C, completing the mention from the list.
    bob = sign_in("bob")
    bob.goto(f"{url}/people/alice/")
    bob.locator("#board .item", has_text="rotate the mTLS").get_by_role(
        "link", name="0 replies"
    ).click()
    reply = bob.get_by_label("Your reply")
    reply.press_sequentially("Ask @cha")
    listbox = bob.get_by_role("listbox")
    listbox.wait_for()
    option = listbox.get_by_role("option").first
    assert "Charlie Chen" in option.inner_text()
    assert reply.get_attribute("aria-activedescendant") == option.get_attribute("id")
    reply.press("Enter")
    assert reply.input_value() == "Ask @charlie "
    reply.press_sequentially("about it")
    bob.get_by_role("button", name="Reply", exact=True).click()
    bob.locator(".reply", has_text="about it").wait_for()
    assert bob.locator(".reply a.mention", has_text="@charlie").count() == 1

    # A asks again on C's board.
    alice.goto(f"{url}/people/charlie/")
    post_on_board(alice, "Charlie, how do we rotate the mTLS certificates?")

    # D, whom A has never met, answers there.
    dana = sign_in("dana")
    dana.goto(f"{url}/people/charlie/")
    dana.locator("#board .item", has_text="Charlie, how do we").get_by_role(
        "link", name="0 replies"
    ).click()
    dana.get_by_label("Your reply").fill("Run `certctl rotate --all`; it takes a minute.")
    dana.get_by_role("button", name="Reply", exact=True).click()
    dana.locator(".reply", has_text="certctl rotate").wait_for()

    # A marks her entry on C's board as a question and accepts D's reply.
    alice.goto(f"{url}/people/charlie/")
    alice.locator("#board .item", has_text="Charlie, how do we").get_by_role(
        "link", name="1 reply"
    ).click()
    alice.get_by_role("button", name="Mark as question").click()
    alice.locator("#item-detail h1 .badge", has_text="Open question").wait_for()
    answer = alice.locator(".reply", has_text="certctl rotate")
    answer.get_by_role("button", name="Accept as answer").click()
    alice.locator("#item-detail h1 .badge", has_text="Answered").wait_for()
    # expect() waits for the swapped-in fragment instead of reading the class once.
    expect(alice.locator(".reply", has_text="certctl rotate")).to_have_class(re.compile("accepted"))
    assert alice.get_by_text("Answered after").is_visible()
    assert alice.get_by_role("button", name="Unaccept").is_visible()

    # A opens D's profile and sees how they are connected: through bob and charlie.
    alice.get_by_role("link", name="Dana Dahl").first.click()
    alice.wait_for_url(f"{url}/people/dana/")
    connection = alice.locator("section.connection")
    assert "Dana Dahl is 3 steps away." in connection.inner_text()
    path = connection.locator("ol.path").first
    steps = path.locator("li").all_inner_texts()
    expected = ["You", "Bob Brown", "Charlie Chen", "Dana Dahl"]
    assert len(steps) == len(expected)
    assert all(name in step for name, step in zip(expected, steps, strict=True))
    assert path.get_by_role("link", name="Bob Brown").is_visible()


def test_escape_closes_the_mention_list(story_org, sign_in, live_server):
    page = sign_in("bob", viewport=PHONE)
    page.goto(f"{live_server.url}/people/alice/")
    box = page.locator("#board textarea[name=body]")
    box.press_sequentially("Hi @d")
    page.get_by_role("listbox").wait_for()
    box.press("ArrowDown")
    box.press("Escape")
    assert page.get_by_role("listbox").count() == 0
    assert box.input_value() == "Hi @d"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_dismissing_a_suggestion_removes_it_in_place(story_org, sign_in, live_server):
    page = sign_in("alice")
    page.goto(f"{live_server.url}/network/")
    suggestion = page.locator(".suggestion", has_text="Charlie Chen")
    suggestion.wait_for()
    page.get_by_role("button", name="Dismiss Charlie Chen").click()
    suggestion.wait_for(state="detached")


def test_accepting_an_invitation_on_the_network_page(story_org, sign_in, live_server):
    invite(story_org.dana, story_org.alice, "We met at the workshop")
    page = sign_in("alice")
    network_link = page.locator("#site-nav a", has_text="Network")
    assert network_link.locator(".badge").inner_text().startswith("1")
    page.goto(f"{live_server.url}/network/")
    invitation = page.locator(".network-invitation", has_text="Dana Dahl")
    assert "We met at the workshop" in invitation.inner_text()
    invitation.get_by_role("button", name="Accept").click()
    page.get_by_text("Dana Dahl is now in your network.").wait_for()
