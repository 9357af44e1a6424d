"""Where each kind of item is best shown.

Every item has the generic item page (/items/<id>/: text, replies, likes). Kinds with an app
of their own also have a page there (a file's versions and download, a wiki page in its
tree, an idea's votes, a news article), which lists and streams link to.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

DETAIL_URL_NAMES = {
    "file": "files-detail",
    "idea": "idea",
    "news": "news-detail",
    "wiki": "wiki-by-item",
}


def detail_url(item) -> str:
    name = DETAIL_URL_NAMES.get(item.kind)
    if name:
        try:
            return reverse(name, args=[item.pk])
        except NoReverseMatch:
            pass
    return reverse("item", args=[item.pk])
