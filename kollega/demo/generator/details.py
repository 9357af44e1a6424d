"""The rows that kinds with details of their own need beside their Item, so that every seeded
item opens on its kind's page: a wiki page (its tree position and first revision), an idea
(its state and votes: the people who liked it voted for it), a news article (the seed
features the newest afterwards), a bookmark (its
address, normalised and keyed for grouping).

Nothing here draws from the generator's random numbers: the seeded world stays the same
whether or not these rows are written.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.utils.text import slugify

from kollega.bookmarks.urlnorm import normalise_url, url_key

KINDS = frozenset({"wiki", "idea", "news", "bookmark"})
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


class Details:
    def __init__(self) -> None:
        # Slugs taken per wiki (place), so each page's address is unique in its community.
        self._slugs: dict[int, set[str]] = defaultdict(set)

    def _slug(self, place_id: int, title: str) -> str:
        base = slugify(title)[:100] or "page"
        taken = self._slugs[place_id]
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    def add(self, batch, ids, kind, item_id, place_id, author_id, title, body, created, votes):
        """Append the rows of one item; ``votes`` are (person id, when) of its likes."""
        if kind == "wiki":
            batch.wiki_pages.append((item_id, place_id, self._slug(place_id, title), 1, author_id))
            batch.wiki_revisions.append(
                (ids.wikirevision, item_id, 1, title, body, author_id, created)
            )
            ids.wikirevision += 1
        elif kind == "idea":
            batch.ideas.append((item_id, "open", len(votes)))
            for person_id, when in votes:
                batch.idea_votes.append((ids.ideavote, item_id, person_id, when))
                ids.ideavote += 1
        elif kind == "news":
            batch.news.append((item_id,))
        elif kind == "bookmark":
            link = LINK.search(body)
            if link is not None:
                normalised = normalise_url(link.group(1))
                batch.bookmarks.append((item_id, link.group(1), normalised, url_key(normalised)))
