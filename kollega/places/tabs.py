"""The tabs inside a community: its forum (the place page), blog, ideas, wiki, files and
bookmarks. Each feature app serves its tab at the URL name listed here; a tab whose app is
not installed is simply not shown."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kollega.places.models import Place

TABS = (
    ("forum", _("Forum"), "place"),
    ("blog", _("Blog"), "place-blog"),
    ("ideas", _("Ideas"), "ideas-list"),
    ("wiki", _("Wiki"), "wiki-home"),
    ("files", _("Files"), "files-list"),
    ("bookmarks", _("Bookmarks"), "bookmarks-list"),
)


@dataclass
class Tab:
    key: str
    label: str
    url: str
    active: bool


def tabs_for(place: Place, active: str) -> list[Tab]:
    if place.kind != Place.Kind.COMMUNITY:
        return []
    tabs = []
    for key, label, url_name in TABS:
        try:
            url = reverse(url_name, args=[place.slug])
        except NoReverseMatch:
            continue
        tabs.append(Tab(key, str(label), url, key == active))
    return tabs
