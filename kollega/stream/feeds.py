"""Atom 1.0 feeds of streams, for feed readers.

Feed readers cannot sign in, so every feed URL carries the person's feed token
(``?token=…``); the feed shows what that person may read, through the same stream queries
as the home page. Revoking the token (settings page) stops every feed URL at once.
"""

from __future__ import annotations

import secrets

from django.contrib.syndication.views import Feed
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kollega import access
from kollega.core.tags import normalise
from kollega.people.models import Person
from kollega.stream.models import FeedToken
from kollega.stream.queries import VIEWS, stream

FEED_SIZE = 30


@transaction.atomic
def issue_token(person: Person) -> str:
    """A new feed token for the person (replacing any old one); shown once."""
    plain = "kfd_" + secrets.token_urlsafe(24)
    FeedToken.objects.filter(person=person).delete()
    FeedToken.objects.create(person=person, digest=FeedToken.hash(plain))
    return plain


def revoke_token(person: Person) -> bool:
    deleted, _details = FeedToken.objects.filter(person=person).delete()
    return bool(deleted)


def person_for_feed_token(plain: str | None) -> Person | None:
    if not plain:
        return None
    token = (
        FeedToken.objects.select_related("person__user")
        .filter(digest=FeedToken.hash(plain))
        .first()
    )
    if token is None or not token.person.user.is_active:
        return None
    return token.person


class StreamFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, **kwargs):
        viewer = person_for_feed_token(request.GET.get("token"))
        if viewer is None:
            # 404, not 401: a feed URL without a valid token reveals nothing.
            raise Http404(_("This feed address is not valid (its token may have been revoked)."))
        return {"viewer": viewer, **self.scope(viewer, **kwargs)}

    def scope(self, viewer: Person, **kwargs) -> dict:
        return {}

    def items(self, obj):
        page = stream(
            obj["viewer"],
            obj.get("view", "discover"),
            person=obj.get("person"),
            place=obj.get("place"),
            tag=obj.get("tag", ""),
            limit=FEED_SIZE,
        )
        return page.items

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"kollega-item-{item.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, item):
        return item.author.name

    def item_author_link(self, item):
        return item.author.get_absolute_url()

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.last_activity_at

    def item_categories(self, item):
        return [t.name for t in item.tags.all()]


class HomeFeed(StreamFeed):
    def scope(self, viewer, view="following"):
        if view not in VIEWS:
            raise Http404(_("No such view."))
        return {"view": view}

    def title(self, obj):
        return _("Kollega: %(view)s for %(name)s") % {
            "view": obj["view"],
            "name": obj["viewer"].name,
        }

    def link(self, obj):
        return reverse("home")


class BoardFeed(StreamFeed):
    def scope(self, viewer, username=""):
        person = Person.objects.filter(username=username).first()
        if person is None:
            raise Http404(_("No such person."))
        return {"person": person, "place": person.board}

    def title(self, obj):
        return _("%(name)s's board") % {"name": obj["person"].name}

    def link(self, obj):
        return obj["person"].get_absolute_url()


class PlaceFeed(StreamFeed):
    def scope(self, viewer, slug=""):
        return {"place": access.place_for(viewer, slug)}

    def title(self, obj):
        return obj["place"].name

    def link(self, obj):
        return reverse("place", args=[obj["place"].slug])


class TagFeed(StreamFeed):
    def scope(self, viewer, name=""):
        try:
            return {"tag": normalise(name)}
        except Exception:
            raise Http404(_("No such tag.")) from None

    def title(self, obj):
        return _("Tagged %(tag)s") % {"tag": obj["tag"]}

    def link(self, obj):
        return reverse("tag", args=[obj["tag"]])
