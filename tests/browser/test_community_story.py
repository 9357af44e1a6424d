"""The communities story in a real browser: alice creates a moderated community, dana asks to
join and is approved, uploads a PDF whose text is then found in the file list, writes a wiki
page, edits it, and the revision diff shows the change."""

import re

import pytest
from playwright.sync_api import expect

from tests.files import builders

pytestmark = pytest.mark.browser


def test_a_moderated_community_from_request_to_wiki_diff(live_org, sign_in, live_server, tmp_path):
    url = live_server.url
    alice = sign_in("alice")
    alice.goto(f"{url}/places/new/")
    alice.get_by_label("Name").fill("Release Train")
    alice.get_by_label("Description").fill("Where releases are planned.")
    alice.get_by_label("Moderated: everyone reads").check()
    alice.get_by_role("button", name="Create").click()
    alice.wait_for_url(re.compile(r"/places/release-train/$"))

    # dana asks to join; alice approves on the members page.
    dana = sign_in("dana")
    dana.goto(f"{url}/places/release-train/")
    dana.get_by_text("Ask to join").click()
    dana.get_by_role("button", name="Send request").click()
    expect(dana.get_by_text("Request pending")).to_be_visible()

    alice.goto(f"{url}/places/release-train/members/")
    alice.get_by_role("button", name="Approve").click()
    # The pending request names Dana too: wait until it is gone, i.e. the approval is in.
    expect(alice.get_by_role("button", name="Approve")).to_have_count(0)
    expect(alice.locator("#members-panel").get_by_text("Dana Dahl")).to_be_visible()

    # dana uploads a PDF, then finds it by a word of its text.
    pdf = tmp_path / "train-schedule.pdf"
    pdf.write_bytes(builders.pdf("Cutover window every second Thursday"))
    dana.goto(f"{url}/places/release-train/files/")
    dana.get_by_label("File", exact=True).set_input_files(str(pdf))
    dana.get_by_role("button", name="Upload", exact=True).click()
    dana.wait_for_url("**/files/*/")
    dana.goto(f"{url}/places/release-train/files/")
    dana.get_by_label("Find files").fill("cutover")
    dana.wait_for_url("**q=cutover**")
    expect(
        dana.locator("#file-results").get_by_role("link", name="train-schedule.pdf")
    ).to_be_visible()

    # dana writes a wiki page and edits it; the diff shows what changed.
    dana.goto(f"{url}/places/release-train/wiki/")
    dana.get_by_label("Title").fill("Checklist")
    dana.get_by_label("Text").fill("Freeze the branch.\nTag the release.")
    dana.get_by_role("button", name="Create page").click()
    dana.wait_for_url(re.compile(r"/wiki/checklist/$"))
    dana.get_by_role("link", name="Edit", exact=True).click()
    dana.get_by_label("Text").fill("Freeze the branch.\nRun the smoke tests.\nTag the release.")
    dana.get_by_role("button", name="Save changes").click()
    dana.wait_for_url(re.compile(r"/wiki/checklist/$"))
    dana.get_by_role("link", name="History").click()
    dana.get_by_role("button", name="Compare the chosen revisions").click()
    expect(dana.locator("ins", has_text="Run the smoke tests.")).to_be_visible()
