"""Every write to the content spine: items, replies, likes, saves, item tags."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content.models import Item, ItemTag, Like, Question, Reply, Save
from kollega.core import markdown
from kollega.core.tags import get_or_create_tags, parse_list
from kollega.people.models import Person
from kollega.places.models import Place

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_REPLY = 20_000
MAX_MENTIONS = 20
BOARD_KINDS = (Item.Kind.STATUS, Item.Kind.POST)
PERSONAL_KINDS = (Item.Kind.BLOG, Item.Kind.FILE, Item.Kind.BOOKMARK)
OWN_EDITORS = {
    Item.Kind.WIKI: _lazy("Edit wiki pages in the wiki, so that their history keeps every change."),
    Item.Kind.BOOKMARK: _lazy("Edit bookmarks on the bookmark's own page."),
    Item.Kind.NEWS: _lazy("Edit news articles on the article's own page."),
}


def resolve_mentions(body: str) -> list[Person]:
    """The people @mentioned in ``body``; an unknown name is an error, not a silent miss.
    Usernames match whatever the letter case of the mention."""
    names = markdown.mentioned_usernames(body)
    if not names:
        return []
    if len(names) > MAX_MENTIONS:
        raise ValidationError(
            {"body": _("Mention at most %(n)d people in one post.") % {"n": MAX_MENTIONS}}
        )
    wanted = Q()
    for name in names:
        wanted |= Q(username__iexact=name)
    found = {
        p.username.lower(): p
        for p in Person.objects.filter(wanted, user__is_active=True).only("pk", "username", "name")
    }
    missing = [n for n in names if n.lower() not in found]
    if missing:
        raise ValidationError(
            {
                "body": _("Nobody here is called %(names)s; check the spelling of the mention.")
                % {"names": ", ".join("@" + n for n in missing)}
            }
        )
    people: list[Person] = []
    for name in names:
        person = found[name.lower()]
        if person not in people:
            people.append(person)
    return people


def _record_mentions(
    actor: Person, people: list[Person], *, item: Item, reply: Reply | None = None, already=()
):
    for person in people:
        if person.pk != actor.pk and person.pk not in already:
            record(actor, Event.Verb.MENTION, item=item, reply=reply, person=person,
                   at=reply.created if reply else item.updated)  # fmt: skip


def _board_kind(actor: Person, place: Place, kind: str) -> str:
    """A board is its owner's own space: status updates, and their personal blog entries,
    files and bookmarks. Others write posts on it. "status" and "post" both mean "an entry on
    this board" from a client, so they are mapped rather than refused."""
    owner = place.owner_id == actor.pk
    if kind in BOARD_KINDS:
        return Item.Kind.STATUS if owner else Item.Kind.POST
    if owner and kind in PERSONAL_KINDS:
        return kind
    raise ValidationError({"kind": _("A board holds status updates and posts only.")})


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


def _set_tags(item: Item, names: list[str], activity=None) -> None:
    """Give the item exactly these tags; ``activity`` is its last_activity_at when the
    caller knows it (a new item), else it is read (the instance may predate a reply)."""
    ItemTag.objects.filter(item=item).exclude(tag__name__in=names).delete()
    tags = get_or_create_tags(names)
    have = set(ItemTag.objects.filter(item=item).values_list("tag_id", flat=True))
    new = [t for t in tags if t.pk not in have]
    if not new:
        return
    if activity is None:
        activity = Item.objects.values_list("last_activity_at", flat=True).get(pk=item.pk)
    ItemTag.objects.bulk_create([ItemTag(item=item, tag=t, last_activity_at=activity) for t in new])


def bump_activity(item: Item, when, **changes) -> None:
    """Record activity on an item at ``when`` (with other column changes): its
    last_activity_at and the copy its tags keep (see ItemTag)."""
    Item.objects.filter(pk=item.pk).update(last_activity_at=when, **changes)
    ItemTag.objects.filter(item_id=item.pk).update(last_activity_at=when)


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
    private: bool = False,
) -> Item:
    """Post an item. The body may be empty when there is a title (a bookmark, a file, a
    topic that says it all); ``private`` items are read only by the author and the people
    and places they are shared with."""
    if kind not in Item.Kind.values:
        raise ValidationError({"kind": _("“%(k)s” is not a kind of content.") % {"k": kind}})
    if not access.can_post(actor, place):
        raise PermissionDenied(_("You cannot post in %(place)s.") % {"place": place.name})
    if place.kind == Place.Kind.BOARD:
        kind = _board_kind(actor, place, kind)
    elif kind in BOARD_KINDS:
        raise ValidationError({"kind": _("Status updates and posts belong on boards.")})
    title = (title or "").strip()
    if len(title) > MAX_TITLE:
        raise ValidationError(
            {"title": _("A title is at most %(n)d characters.") % {"n": MAX_TITLE}}
        )
    body = _clean_body(body, MAX_BODY, required=not title)
    names = parse_list(tags)
    mentioned = resolve_mentions(body)
    now = timezone.now()
    item = Item.objects.create(
        kind=kind,
        author=actor,
        place=place,
        title=title,
        private=private,
        body=body,
        body_html=markdown.render(body, [p.username for p in mentioned]),
        created=now,
        updated=now,
        last_activity_at=now,
    )
    if names:
        _set_tags(item, names, activity=now)
    if kind == Item.Kind.QUESTION:
        Question.objects.create(item=item, asked_at=now)
    _touch(place, now)
    record(actor, Event.Verb.CREATE, item=item, at=now)
    _record_mentions(actor, mentioned, item=item)
    return item


@transaction.atomic
def update_item(
    actor: Person,
    item: Item,
    *,
    body: str | None = None,
    title: str | None = None,
    tags: str | list[str] | None = None,
    editor: str = "",
) -> Item:
    """Edit an item's title, body or tags. Kinds whose app keeps its own history or
    details (wiki pages, bookmarks, news) are edited through that app, which says so with
    ``editor`` (its kind); the generic edit refuses them so nothing bypasses the history."""
    if item.kind in OWN_EDITORS and editor != item.kind:
        raise ValidationError(OWN_EDITORS[item.kind])
    if not access.can_edit(actor, item):
        raise PermissionDenied(_("Only the author can edit this."))
    if title is not None:
        title = title.strip()
        if len(title) > MAX_TITLE:
            raise ValidationError(
                {"title": _("A title is at most %(n)d characters.") % {"n": MAX_TITLE}}
            )
        item.title = title
    newly_mentioned: list[Person] = []
    if body is not None:
        before = set(markdown.mentioned_usernames(item.body))
        item.body = _clean_body(body, MAX_BODY, required=not item.title)
        mentioned = resolve_mentions(item.body)
        item.body_html = markdown.render(item.body, [p.username for p in mentioned])
        newly_mentioned = [p for p in mentioned if p.username not in before]
    if tags is not None:
        _set_tags(item, parse_list(tags))
    item.updated = timezone.now()
    item.save(update_fields=["title", "body", "body_html", "updated"])
    record(actor, Event.Verb.UPDATE, item=item, at=item.updated)
    _record_mentions(actor, newly_mentioned, item=item)
    return item


@transaction.atomic
def reply_to_item(actor: Person, item: Item, body: str) -> Reply:
    if not access.can_reply(actor, item):
        raise PermissionDenied(_("You cannot reply to this."))
    body = _clean_body(body, MAX_REPLY)
    mentioned = resolve_mentions(body)
    now = timezone.now()
    reply = Reply.objects.create(
        item=item,
        author=actor,
        body=body,
        body_html=markdown.render(body, [p.username for p in mentioned]),
        created=now,
        updated=now,
    )
    bump_activity(item, now, reply_count=F("reply_count") + 1)
    if actor.pk != item.author_id:
        # The clock for "time to first reply" stops at the first reply by someone else.
        Question.objects.filter(item=item, first_reply_at__isnull=True).update(first_reply_at=now)
    _touch(item.place, now)
    record(actor, Event.Verb.REPLY, item=item, reply=reply, at=now)
    _record_mentions(actor, mentioned, item=item, reply=reply)
    return reply


@transaction.atomic
def mark_as_question(actor: Person, item: Item) -> Question:
    """The author turns an entry into a question; from now on answers can be accepted."""
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot see this."))
    if item.author_id != actor.pk:
        raise PermissionDenied(_("Only the author can mark this as a question."))
    if Question.objects.filter(item=item).exists():
        raise ValidationError(_("This is already a question."))
    first = (
        item.replies.filter(removed_at__isnull=True)
        .exclude(author_id=item.author_id)
        .order_by("created")
        .values_list("created", flat=True)
        .first()
    )
    question = Question.objects.create(item=item, asked_at=item.created, first_reply_at=first)
    record(actor, Event.Verb.ASK, item=item)
    return question


@transaction.atomic
def accept_answer(actor: Person, reply: Reply) -> Question:
    """The asker accepts a reply as (one of) the answer(s); the question becomes answered."""
    item = reply.item
    question = Question.objects.select_for_update().filter(item=item).first()
    if question is None:
        raise ValidationError(_("Only replies to a question can be accepted as the answer."))
    if item.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who asked can accept an answer."))
    if reply.removed_at is not None:
        raise ValidationError(_("That reply was removed."))
    if reply.author_id == actor.pk:
        raise ValidationError(_("You cannot accept your own reply as the answer."))
    if reply.accepted_at is not None:
        raise ValidationError(_("That reply is already accepted."))
    now = timezone.now()
    reply.accepted_at = now
    reply.save(update_fields=["accepted_at"])
    if question.state != Question.State.ANSWERED:
        question.state = Question.State.ANSWERED
        question.answered_at = now
        question.save(update_fields=["state", "answered_at"])
    record(actor, Event.Verb.ACCEPT_ANSWER, item=item, reply=reply, person=reply.author, at=now)
    return question


@transaction.atomic
def unaccept_answer(actor: Person, reply: Reply) -> Question:
    item = reply.item
    question = Question.objects.select_for_update().filter(item=item).first()
    if question is None or reply.accepted_at is None:
        raise ValidationError(_("That reply is not an accepted answer."))
    if item.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who asked can change the accepted answer."))
    reply.accepted_at = None
    reply.save(update_fields=["accepted_at"])
    record(actor, Event.Verb.UPDATE, item=item, reply=reply, data={"unaccepted": reply.pk})
    if not item.replies.filter(accepted_at__isnull=False, removed_at__isnull=True).exists():
        question.state = Question.State.OPEN
        question.answered_at = None
        question.save(update_fields=["state", "answered_at"])
    return question


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
