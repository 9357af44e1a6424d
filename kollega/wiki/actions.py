"""Every write to a wiki: creating, editing, moving pages and restoring old revisions.

The Item part (title, text, tags, the create/update Event) goes through
``kollega.content.actions``; this module adds the tree and the revision history in the same
transaction.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Subquery
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content import actions as content
from kollega.content.models import Item, ItemShare
from kollega.people.models import Person
from kollega.places.models import Place
from kollega.wiki import tree
from kollega.wiki.models import WikiPage, WikiRevision

MAX_SLUG = 100
MAX_NOTE = 200
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Words the wiki's own addresses use after /wiki/: a page cannot take them.
RESERVED_SLUGS = {"new"}


def can_edit_page(viewer: Person, page: WikiPage) -> bool:
    """Members of the community edit its wiki; the access layer's editors (the author, the
    community's owners) may too."""
    return access.can_post(viewer, page.place) or access.can_edit(viewer, page.item)


def _require_wiki(place: Place) -> None:
    if place.kind != Place.Kind.COMMUNITY:
        raise ValidationError(_("Only communities have a wiki."))


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the page a title.")})
    return title


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError(
            {"note": _("A change note is at most %(n)d characters.") % {"n": MAX_NOTE}}
        )
    return note


def _slug_for(place: Place, title: str, wanted: str = "") -> str:
    if wanted:
        wanted = wanted.strip().lower()
        if len(wanted) > MAX_SLUG or not SLUG.match(wanted) or wanted in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Use lowercase letters, digits and single dashes for the address.")}
            )
        if WikiPage.objects.filter(place=place, slug=wanted).exists():
            raise ValidationError({"slug": _("Another page in this wiki has that address.")})
        return wanted
    base = slugify(title)[:MAX_SLUG].strip("-") or "page"
    taken = (
        set(
            WikiPage.objects.filter(place=place, slug__startswith=base).values_list(
                "slug", flat=True
            )
        )
        | RESERVED_SLUGS
    )
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


def _parents(place: Place) -> dict[int, int | None]:
    return dict(WikiPage.objects.filter(place=place).values_list("pk", "parent_id"))


def _next_position(place: Place, parent: WikiPage | None) -> int:
    top = WikiPage.objects.filter(place=place, parent=parent).aggregate(m=Max("position"))["m"]
    return 0 if top is None else top + 1


def _check_parent(place: Place, parent: WikiPage | None) -> None:
    if parent is not None and parent.place_id != place.pk:
        raise ValidationError({"parent": _("The parent page must be in the same wiki.")})


def _too_deep():
    return ValidationError(
        {"parent": _("Pages nest at most %(n)d levels deep.") % {"n": tree.MAX_DEPTH}}
    )


def _add_revision(page: WikiPage, actor: Person, item: Item, note: str, **extra):
    page.revision_number += 1
    page.last_editor = actor
    page.save(update_fields=["revision_number", "last_editor"])
    return WikiRevision.objects.create(
        page=page, number=page.revision_number, title=item.title, body=item.body,
        author=actor, created=item.updated, note=note, **extra,
    )  # fmt: skip


def _annotate_last_event(actor: Person, item: Item, verb: str, data: dict) -> None:
    """Add the revision details to the Event the content action just recorded.

    ``update_item`` records its Event without data and does not return it; its row is the
    newest of that verb by this actor on this item, in this very transaction.
    """
    newest = (
        Event.objects.filter(item=item, actor=actor, verb=verb).order_by("-pk").values("pk")[:1]
    )
    Event.objects.filter(pk=Subquery(newest)).update(data=data)


@transaction.atomic
def create_page(
    actor: Person,
    place: Place,
    *,
    title: str,
    body: str,
    tags: str | list[str] | None = None,
    parent: WikiPage | None = None,
    slug: str = "",
    note: str = "",
) -> WikiPage:
    _require_wiki(place)
    if not access.can_post(actor, place):
        raise PermissionDenied(_("Join %(place)s to write in its wiki.") % {"place": place.name})
    title = _clean_title(title)
    note = _clean_note(note)
    _check_parent(place, parent)
    if parent is not None and tree.depth_of(_parents(place), parent.pk) >= tree.MAX_DEPTH:
        raise _too_deep()
    item = content.create_item(actor, place, kind=Item.Kind.WIKI, title=title, body=body, tags=tags)
    # The access layer lets an item's editors edit it; sharing the page with its community as
    # editors is how every member may edit it through content.actions.update_item.
    ItemShare.objects.create(item=item, place=place, role=ItemShare.Role.EDITOR)
    page = WikiPage.objects.create(
        item=item, place=place, parent=parent, slug=_slug_for(place, title, slug),
        position=_next_position(place, parent),
    )  # fmt: skip
    _add_revision(page, actor, item, note)
    _annotate_last_event(actor, item, Event.Verb.CREATE, {"revision": 1})
    return page


def _locked(page: WikiPage) -> WikiPage:
    """The page row locked for this transaction, so two edits never take the same number."""
    locked = WikiPage.objects.select_for_update().select_related("item", "place").get(pk=page.pk)
    locked.item.place = locked.place
    return locked


@transaction.atomic
def edit_page(
    actor: Person,
    page: WikiPage,
    *,
    title: str | None = None,
    body: str | None = None,
    tags: str | list[str] | None = None,
    note: str = "",
    base_revision: int | None = None,
    restored_from: int | None = None,
) -> WikiRevision | None:
    """Save a new version; returns its revision, or None when the text did not change.

    ``base_revision`` is the revision the editor started from: when someone saved a newer one
    meanwhile, the edit is refused rather than silently overwriting their work.
    """
    if not can_edit_page(actor, page):
        raise PermissionDenied(_("Only members of the community can edit its wiki."))
    page = _locked(page)
    note = _clean_note(note)
    if title is not None:
        title = _clean_title(title)
    if base_revision is not None and base_revision != page.revision_number:
        raise ValidationError(
            _("Someone saved a newer version (revision %(n)d) while you were editing. "
              "Open the page again and redo your change.") % {"n": page.revision_number}
        )  # fmt: skip
    item = page.item
    text_changes = (title is not None and title != item.title) or (
        body is not None and body.strip() != item.body
    )
    if not text_changes and tags is None:
        return None
    content.update_item(actor, item, title=title, body=body, tags=tags, editor="wiki")
    if not text_changes:
        return None
    revision = _add_revision(page, actor, item, note, restored_from=restored_from)
    data = {"revision": revision.number}
    if restored_from is not None:
        data["restored"] = restored_from
    _annotate_last_event(actor, item, Event.Verb.UPDATE, data)
    return revision


@transaction.atomic
def restore_revision(actor: Person, page: WikiPage, number: int) -> WikiRevision:
    """Bring back revision ``number``'s title and text as a new revision."""
    if not can_edit_page(actor, page):
        raise PermissionDenied(_("Only members of the community can edit its wiki."))
    # A number the page never reached is refused without asking the database.
    old = None
    if 1 <= number <= page.revision_number:
        old = WikiRevision.objects.filter(page=page, number=number).first()
    if old is None:
        raise ValidationError(_("This page has no revision %(n)d.") % {"n": number})
    revision = edit_page(
        actor, page, title=old.title, body=old.body, restored_from=number,
        note=_("Restored revision %(n)d") % {"n": number},
    )  # fmt: skip
    if revision is None:
        raise ValidationError(_("The page already reads as revision %(n)d.") % {"n": number})
    return revision


@transaction.atomic
def move_page(
    actor: Person, page: WikiPage, parent: WikiPage | None, position: int | None = None
) -> WikiPage:
    """Put ``page`` (with everything under it) under ``parent`` (None: the top level), at
    ``position`` among its new siblings (None: last)."""
    if not can_edit_page(actor, page):
        raise PermissionDenied(_("Only members of the community can edit its wiki."))
    page = _locked(page)
    place = page.place
    _check_parent(place, parent)
    parents = _parents(place)
    if parent is not None and tree.is_within(parents, parent.pk, page.pk):
        raise ValidationError({"parent": _("A page cannot go under itself or its own subpages.")})
    if (
        tree.depth_of(parents, parent.pk if parent else None) + tree.height_of(parents, page.pk)
        > tree.MAX_DEPTH
    ):
        raise _too_deep()
    siblings = list(
        WikiPage.objects.filter(place=place, parent=parent)
        .exclude(pk=page.pk)
        .order_by("position", "pk")
    )
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, page)
    for number, sibling in enumerate(siblings):
        sibling.position = number
    page.parent = parent
    WikiPage.objects.bulk_update(siblings, ["position", "parent"])
    moved = {"parent": parent.slug if parent else None, "position": index}
    record(actor, Event.Verb.UPDATE, item=page.item, place=place, data={"moved": moved})
    return page
