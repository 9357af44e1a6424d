"""Every write to bookmarks. The Item part goes through content.actions (access, Markdown,
tags, the create/update Event); this module adds the address and the privacy."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.bookmarks.models import Bookmark
from kollega.bookmarks.urlnorm import clean_url, normalise_url, url_key
from kollega.content import actions as content_actions
from kollega.content.actions import MAX_TITLE
from kollega.content.models import Item
from kollega.people.models import Person
from kollega.places.models import Place


def own_space(person: Person) -> Place:
    """A person's board: where their personal bookmarks live."""
    return Place.objects.get(kind=Place.Kind.BOARD, owner=person)


def _body(description: str, url: str) -> str:
    # content.actions refuses an empty body, but a description is optional for a bookmark:
    # without one the body is the address itself, which also reads well in the streams.
    description = (description or "").strip()
    return description or f"<{url}>"


def description_of(item: Item) -> str:
    """The description as the person wrote it (empty when the body is only the address)."""
    bookmark = getattr(item, "bookmark", None)
    if bookmark is not None and item.body == f"<{bookmark.url}>":
        return ""
    return item.body


def _title(title: str, url: str) -> str:
    title = (title or "").strip()
    return title if title else url[:MAX_TITLE]


def _address(url: str) -> dict:
    url = clean_url(url)
    normalised = normalise_url(url)
    return {"url": url, "normalised_url": normalised, "url_key": url_key(normalised)}


@transaction.atomic
def create_bookmark(
    actor: Person,
    *,
    url: str,
    title: str = "",
    description: str = "",
    tags: str | list[str] | None = None,
    place: Place | None = None,
    private: bool = False,
) -> Item:
    """Bookmark a page in the actor's own space (``place`` None) or in a community.

    A private bookmark is readable only by its author, wherever it lives.
    """
    address = _address(url)
    if place is None:
        place = own_space(actor)
    elif place.kind == Place.Kind.BOARD and place.owner_id != actor.pk:
        raise PermissionDenied(_("Bookmarks go in your own space or in a community."))
    elif place.kind == Place.Kind.ORGANISATION:
        raise ValidationError({"place": _("Bookmarks go in your own space or in a community.")})
    item = content_actions.create_item(
        actor,
        place,
        kind=Item.Kind.BOOKMARK,
        title=_title(title, address["url"]),
        body=_body(description, address["url"]),
        tags=tags,
    )
    if private:
        Item.objects.filter(pk=item.pk).update(private=True)
        item.private = True
    Bookmark.objects.create(item=item, **address)
    return item


@transaction.atomic
def update_bookmark(
    actor: Person,
    item: Item,
    *,
    url: str | None = None,
    title: str | None = None,
    description: str | None = None,
    tags: str | list[str] | None = None,
    private: bool | None = None,
) -> Item:
    """Change what is given (None leaves a field as it is)."""
    bookmark = Bookmark.objects.select_for_update().filter(item=item).first()
    if bookmark is None:
        raise ValidationError(_("This is not a bookmark."))
    if not access.can_edit(actor, item):
        raise PermissionDenied(_("Only the author can edit this bookmark."))
    if private is not None and private != item.private and item.author_id != actor.pk:
        raise PermissionDenied(_("Only the author can make a bookmark private or public."))
    had_description = description_of(item)
    if url is not None:
        for field, value in _address(url).items():
            setattr(bookmark, field, value)
        bookmark.save()
    current_url = bookmark.url
    body = None
    if description is not None:
        body = _body(description, current_url)
    elif url is not None and not had_description:
        body = _body("", current_url)  # the body was the old address: follow the new one
    if title is not None:
        title = _title(title, current_url)
    content_actions.update_item(actor, item, title=title, body=body, tags=tags, editor="bookmark")
    if private is not None and private != item.private:
        Item.objects.filter(pk=item.pk).update(private=private)
        item.private = private
    return item


@transaction.atomic
def delete_bookmark(actor: Person, item: Item) -> None:
    """Delete a bookmark for good: it is the author's (or a community owner's) to remove."""
    bookmark = Bookmark.objects.filter(item=item).first()
    if bookmark is None:
        raise ValidationError(_("This is not a bookmark."))
    if not access.can_edit(actor, item):
        raise PermissionDenied(_("Only the author can delete this bookmark."))
    # The Event outlives the item, so it names the place and what was deleted in its data.
    record(
        actor,
        Event.Verb.DELETE,
        place=item.place,
        data={"kind": Item.Kind.BOOKMARK, "item": item.pk, "url": bookmark.url},
    )
    item.delete()
