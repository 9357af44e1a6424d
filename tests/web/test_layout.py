"""The frame every page shares: navigation, skip link, language, htmx, footer."""

from tests.web.conftest import htmx


def test_every_page_has_the_navigation_and_a_skip_link(bob):
    page = bob.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    for label in ("Home", "Directory", "Org chart", "Communities", "My profile", "Settings"):
        assert f">{label}</a>" in page
    assert 'href="/people/bob/"' in page
    assert ">Sign out</button>" in page


def test_the_footer_links_the_api_docs_and_switches_language(bob):
    page = bob.get("/").content.decode()
    assert 'href="/api/v1/docs"' in page
    assert 'action="/i18n/setlang/"' in page
    assert '<option value="sv"' in page


def test_htmx_is_loaded_and_sends_the_csrf_token(bob):
    page = bob.get("/").content.decode()
    assert "django_htmx/htmx-2.min.js" in page
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    assert "kollega/app.js" in page
    assert 'name="viewport"' in page


def test_fragments_vary_on_the_htmx_header(bob):
    response = bob.get("/people/?q=al", **htmx())
    assert "HX-Request" in response["Vary"]
    assert "<html" not in response.content.decode()


def test_unknown_pages_answer_404_inside_the_layout(bob):
    response = bob.get("/no/such/page/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()
