"""Browser tests drive Debian's Chromium through Playwright's sync API.

They skip, with the reason, when Chromium or Playwright is missing; with
KOLLEGA_REQUIRE_BROWSER=1 (CI) a missing browser fails the run instead.
"""

import os
import shutil
import threading
import time

import pytest

from tests.factories import PASSWORD, build_org

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# next to one unless told it is safe (it is: the test and the server use their own threads).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    if not shutil.which(CHROMIUM):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    # When the browser is required, the tests run and the browser fixture fails them.
    if reason is None or os.environ.get("KOLLEGA_REQUIRE_BROWSER") == "1":
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("KOLLEGA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KOLLEGA_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def live_org(transactional_db, live_server):
    """The fixture organisation in a database the live server's thread can see."""
    return build_org()


@pytest.fixture(scope="session", autouse=True)
def _live_streams_notice_closed_pages():
    """Pages with live updates (the home page, where every sign-in lands) hold a /live/
    stream open. Under WSGI a stream only notices that its page is gone when it next writes
    (a keep-alive), so tests make that frequent: a stream then ends, and gives back its
    database connection, soon after its browser context is closed (see sign_in)."""
    from kollega.notifications import live

    before = live.KEEPALIVE
    live.KEEPALIVE = 0.5
    yield
    live.KEEPALIVE = before


def _wait_for_requests_to_end(timeout: float = 10.0) -> None:
    """Wait for the live server's request threads (open /live/ streams among them), so none
    outlives its test and touches the next test's database."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def sign_in(browser, live_server):
    """A new browser page signed in as the given user: sign_in("bob", viewport=PHONE)."""
    contexts = []

    def open_page(username: str, viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield open_page
    for context in contexts:
        context.close()
    _wait_for_requests_to_end()
