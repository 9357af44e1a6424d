"""Uploading and finding a file in a real browser (Debian's Chromium through Playwright)."""

import os

import pytest

from tests.browser.conftest import PHONE
from tests.files import builders

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("KOLLEGA_SCREENSHOTS")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"files-{name}.png"), full_page=True)


def test_a_member_uploads_a_pdf_and_finds_it_by_its_text(live_org, sign_in, live_server, tmp_path):
    pdf = tmp_path / "rollout.pdf"
    pdf.write_bytes(builders.pdf("Blue green rollout checklist"))
    page = sign_in("alice")
    page.goto(f"{live_server.url}/places/{live_org.guild.slug}/files/")
    page.get_by_label("File", exact=True).set_input_files(str(pdf))
    page.get_by_label("Description").fill("For the **next** upgrade")
    page.get_by_role("button", name="Upload", exact=True).click()
    page.wait_for_url("**/files/*/")
    assert page.get_by_role("heading", name="rollout.pdf").is_visible()
    assert page.get_by_role("link", name="Download", exact=True).is_visible()
    shot(page, "detail")

    page.goto(f"{live_server.url}/places/{live_org.guild.slug}/files/")
    page.get_by_label("Find files").fill("checklist")
    page.wait_for_url("**q=checklist**")
    assert page.locator("#file-results").get_by_role("link", name="rollout.pdf").is_visible()
    page.get_by_label("Find files").fill("nothing like it")
    page.wait_for_url("**q=nothing**")
    assert page.get_by_text("No files match").is_visible()
    shot(page, "list")


def test_the_file_list_fits_a_phone(live_org, sign_in, live_server):
    from kollega.files import actions

    name = "a-rather-long-file-name-for-a-phone.png"
    actions.upload_file(live_org.alice, live_org.guild, builders.upload(name, builders.png()))
    page = sign_in("alice", viewport=PHONE)
    page.goto(f"{live_server.url}/places/{live_org.guild.slug}/files/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    shot(page, "phone")
