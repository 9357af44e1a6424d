"""Every write to the content spine: items, replies, likes, saves, item tags."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content.models import Item, ItemTag, Like, Reply, Save
from kollega.core import markdown
from kollega.core.tags import get_or_create_tags, parse_list
from kollega.people.models import Person
from kollega.places.models import Place

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_REPLY = 20_000


def _clean_body(body: str, limit: int, *, required: bool = True) -> str:
    body = (body or "").strip()
    if required and not body:
        raise ValidationError({"body": _("Write something first: the text is empty.")})
    if len(body) > limit:
        raise ValidationError(
            {
                "body": _("The text is too long (%(n)d characters); the limit is %(limit)d.")
                % {"n": len(body), "limit": limit}
            }
        )
    return body


def _set_tags(item: Item, names: list[str]) -> None:
    ItemTag.objects.filter(item=item).exclude(tag__name__in=names).delete()
    tags = get_or_create_tags(names)
    have = set(ItemTag.objects.filter(item=item).values_list("tag_id", flat=True))
    ItemTag.objects.bulk_create([ItemTag(item=item, tag=t) for t in tags if t.pk not in have])


def _touch(place: Place, when) -> None:
    Place.objects.filter(pk=place.pk, last_activity_at__lt=when).update(last_activity_at=when)


@transaction.atomic
def create_item(
    actor: Person,
    place: Place,
    *,
    kind: str,
    body: str,
    title: str = "",
    tags: str | list[str] | None = None,
) -> Item:
    if kind not in Item.Kind.values:
        raise ValidationError({"kind": _("“%(k)s” is not a kind of content.") % {"k": kind}})
    if not access.can_post(actor, place):
        raise PermissionDenied(_("You cannot post in %(place)s.") % {"place": place.name})
    title = (title or "").strip()
    if len(title) > MAX_TITLE:
        raise ValidationError(
            {"title": _("A title is at most %(n)d characters.") % {"n": MAX_TITLE}}
        )
    body = _clean_body(body, MAX_BODY)
    names = parse_list(tags)
    now = timezone.now()
    item = Item.objects.create(
        kind=kind,
        author=actor,
        place=place,
        title=title,
        body=body,
        body_html=markdown.render(body),
        created=now,
        updated=now,
        last_activity_at=now,
    )
    if names:
        _set_tags(item, names)
    _touch(place, now)
    record(actor, Event.Verb.CREATE, item=item, at=now)
    return item


@transaction.atomic
def update_item(
    actor: Person,
    item: Item,
    *,
    body: str | None = None,
    title: str | None = None,
    tags: str | list[str] | None = None,
) -> Item:
    if not access.can_edit(actor, item):
        raise PermissionDenied(_("Only the author can edit this."))
    if title is not None:
        title = title.strip()
        if len(title) > MAX_TITLE:
            raise ValidationError(
                {"title": _("A title is at most %(n)d characters.") % {"n": MAX_TITLE}}
            )
        item.title = title
    if body is not None:
        item.body = _clean_body(body, MAX_BODY)
        item.body_html = markdown.render(item.body)
    if tags is not None:
        _set_tags(item, parse_list(tags))
    item.updated = timezone.now()
    item.save(update_fields=["title", "body", "body_html", "updated"])
    record(actor, Event.Verb.UPDATE, item=item, at=item.updated)
    return item


@transaction.atomic
def reply_to_item(actor: Person, item: Item, body: str) -> Reply:
    if not access.can_reply(actor, item):
        raise PermissionDenied(_("You cannot reply to this."))
    body = _clean_body(body, MAX_REPLY)
    now = timezone.now()
    reply = Reply.objects.create(
        item=item,
        author=actor,
        body=body,
        body_html=markdown.render(body),
        created=now,
        updated=now,
    )
    Item.objects.filter(pk=item.pk).update(reply_count=F("reply_count") + 1, last_activity_at=now)
    _touch(item.place, now)
    record(actor, Event.Verb.REPLY, item=item, reply=reply, at=now)
    return reply


@transaction.atomic
def like_item(actor: Person, item: Item) -> bool:
    """Like an item; returns False when it was already liked (nothing changes)."""
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot like this."))
    now = timezone.now()
    _like, created = Like.objects.get_or_create(item=item, person=actor, defaults={"created": now})
    if created:
        Item.objects.filter(pk=item.pk).update(like_count=F("like_count") + 1)
        record(actor, Event.Verb.LIKE, item=item, at=now)
    return created


@transaction.atomic
def unlike_item(actor: Person, item: Item) -> bool:
    deleted, _details = Like.objects.filter(item=item, person=actor).delete()
    if deleted:
        Item.objects.filter(pk=item.pk, like_count__gt=0).update(like_count=F("like_count") - 1)
        record(actor, Event.Verb.UNLIKE, item=item)
    return bool(deleted)


@transaction.atomic
def save_item(actor: Person, item: Item) -> bool:
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot save this."))
    _save, created = Save.objects.get_or_create(
        item=item, person=actor, defaults={"created": timezone.now()}
    )
    if created:
        record(actor, Event.Verb.SAVE, item=item)
    return created


@transaction.atomic
def unsave_item(actor: Person, item: Item) -> bool:
    deleted, _details = Save.objects.filter(item=item, person=actor).delete()
    return bool(deleted)
