"""Which addresses are accepted, and which spellings of an address are one page."""

import pytest
from django.core.exceptions import ValidationError

from kollega.bookmarks.urlnorm import clean_url, normalise_url, url_key


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("http://Example.com/a?utm_source=x#top", "http://example.com/a"),
        ("HTTP://EXAMPLE.COM:80/a", "http://example.com/a"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com/p?b=2&a=1&fbclid=abc&UTM_Medium=m", "https://example.com/p?a=1&b=2"),
        ("https://example.com/Case/Path", "https://example.com/Case/Path"),
    ],
)
def test_it_normalises_addresses(given, normal):
    assert normalise_url(clean_url(given)) == normal


def test_tracking_and_fragments_do_not_split_a_group():
    a = url_key(normalise_url("http://Example.com/a?utm_source=x#top"))
    assert a == url_key(normalise_url("http://example.com/a"))
    assert a != url_key(normalise_url("http://example.com/b"))
    assert len(a) == 64


@pytest.mark.parametrize(
    "bad",
    [
        "javascript:alert(1)",
        "JavaScript://example.com/%0Aalert(1)",
        "ftp://example.com/file",
        "data:text/html,<script>alert(1)</script>",
        "garbage",
        "",
        "   ",
        "http://",
        "http://exa mple.com/",
        "https://example.com:99999/",
        "https://user:secret@example.com/",
        "https://example.com/" + "a" * 2100,
    ],
)
def test_it_refuses_what_is_not_a_web_address(bad):
    with pytest.raises(ValidationError) as refused:
        clean_url(bad)
    assert "url" in refused.value.message_dict
