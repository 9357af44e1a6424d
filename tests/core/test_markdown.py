from hypothesis import given
from hypothesis import strategies as st

from kollega.core.markdown import render


def test_markdown_becomes_html():
    assert render("**bold** and `code`") == "<p><strong>bold</strong> and <code>code</code></p>\n"


def test_raw_html_is_escaped_not_rendered():
    html = render("<script>alert(1)</script><img src=x onerror=alert(1)>")
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_are_dropped():
    for text in ("[click](javascript:alert(1))", "<javascript:alert(1)>", "![x](javascript:x)"):
        html = render(text)
        assert "href" not in html
        assert "src" not in html


def test_links_get_safe_rel():
    assert 'rel="noopener noreferrer nofollow"' in render("[site](https://example.com)")


@given(st.text(max_size=300))
def test_no_text_renders_a_script_tag_or_event_handler(text):
    html = render(text).lower()
    assert "<script" not in html
    assert "<iframe" not in html
    assert " onerror=" not in html
    assert " onclick=" not in html
