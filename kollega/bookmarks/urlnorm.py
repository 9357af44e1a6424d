"""Web addresses of bookmarks: validation, and the normal form that groups equal pages.

Two bookmarks belong together when they point at the same page, however the address was
written: ``HTTP://Example.com:80/a?utm_source=x#top`` and ``http://example.com/a`` are one
page. The normal form lower-cases the scheme and host, drops default ports, the fragment and
tracking parameters, and sorts what is left of the query so parameter order does not split
a group.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

MAX_URL = 2000
SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that say where a visitor came from, not which page it is.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
     "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "oly_enc_id", "oly_anon_id"}
)  # fmt: skip

_validate = URLValidator(schemes=list(SCHEMES))


def clean_url(value: str) -> str:
    """The address as given (trimmed), or a ValidationError a person understands.

    Only http and https: a bookmark is opened by everyone who sees it, so javascript:, data:
    and file: addresses are never accepted.
    """
    url = (value or "").strip()
    if not url:
        raise ValidationError({"url": _("Enter the address of the page to bookmark.")})
    if len(url) > MAX_URL:
        raise ValidationError(
            {"url": _("The address is too long; the limit is %(n)d characters.") % {"n": MAX_URL}}
        )
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SCHEMES:
        raise ValidationError(
            {"url": _("Only web addresses starting with http:// or https:// can be bookmarked.")}
        )
    try:
        _validate(url)
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except (ValidationError, ValueError):
        raise ValidationError(
            {"url": _("“%(url)s” is not a valid web address.") % {"url": url[:200]}}
        ) from None
    if parts.username or parts.password:
        raise ValidationError(
            {"url": _("Remove the user name and password from the address before sharing it.")}
        )
    return url


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def normalise_url(url: str) -> str:
    """The normal form of a valid address (see the module's docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def url_key(normalised: str) -> str:
    """A fixed-length key for grouping: long addresses cannot be indexed as they are."""
    return hashlib.sha256(normalised.encode()).hexdigest()
