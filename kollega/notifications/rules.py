"""Who is told about an event, and why. Called by activity.record for every event, inside
the writing transaction, so a notification exists exactly when its event does.

Only bounded sets of people are notified here (an item's author, a board's owner, a
thread's recent participants, a community's owners), so a write stays fast whatever the
number of followers; followers see activity in their stream instead. Audiences that can be
the whole organisation (targeted news) are notified by a background task.
"""

from __future__ import annotations

from kollega.activity.models import Event
from kollega.notifications.models import Notification, Reason

THREAD_LIMIT = 50


def recipients_for(event: Event) -> dict[int, str]:
    """{person id: reason} for an event; the actor is never told about their own action."""
    verb = event.verb
    item = event.item
    out: dict[int, str] = {}

    def tell(person_id: int | None, reason: str) -> None:
        if person_id and person_id != event.actor_id and person_id not in out:
            out[person_id] = reason

    if verb == Event.Verb.MENTION:
        tell(event.person_id, Reason.MENTION)
    elif verb == Event.Verb.CREATE and item is not None:
        place = item.place
        if place.kind == "board" and place.owner_id != item.author_id:
            tell(place.owner_id, Reason.BOARD_POST)
    elif verb == Event.Verb.REPLY and item is not None:
        tell(item.author_id, Reason.ANSWER if _is_question(item) else Reason.REPLY)
        if item.place.kind == "board":
            tell(item.place.owner_id, Reason.THREAD)
        for person_id in _thread_participants(item, event):
            tell(person_id, Reason.THREAD)
        for person_id in _item_followers(item):
            tell(person_id, Reason.FOLLOWING)
    elif verb == Event.Verb.LIKE and item is not None:
        tell(item.author_id, Reason.LIKE)
    elif verb == Event.Verb.ACCEPT_ANSWER:
        tell(event.person_id, Reason.ACCEPTED)
    elif verb == Event.Verb.INVITE:
        reason = Reason.COMMUNITY_INVITATION if event.place_id else Reason.INVITATION
        tell(event.person_id, reason)
    elif verb == Event.Verb.CONNECT:
        tell(event.person_id, Reason.CONNECTED)
    elif verb == Event.Verb.REQUEST_JOIN and event.place_id:
        for person_id in _owners(event.place_id):
            tell(person_id, Reason.JOIN_REQUEST)
    elif verb in (Event.Verb.APPROVE, Event.Verb.DECLINE) and event.data.get("request"):
        tell(event.person_id, Reason.JOIN_DECISION)
    elif verb == Event.Verb.TAG:
        tell(event.person_id, Reason.TAGGED)
    return out


def _is_question(item) -> bool:
    from kollega.content.models import Question

    return Question.objects.filter(item=item).exists()


def _thread_participants(item, event: Event) -> list[int]:
    from kollega.content.models import Reply

    ids = (
        Reply.objects.filter(item=item, removed_at__isnull=True)
        .exclude(pk=event.reply_id)
        .order_by("-created")
        .values_list("author_id", flat=True)[: THREAD_LIMIT * 4]
    )
    seen: list[int] = []
    for pid in ids:
        if pid not in seen:
            seen.append(pid)
        if len(seen) == THREAD_LIMIT:
            break
    return seen


def _item_followers(item) -> list[int]:
    from kollega.network.models import Follow

    return list(Follow.objects.filter(item=item).values_list("follower_id", flat=True)[:500])


def _owners(place_id: int) -> list[int]:
    from kollega.places.models import Membership

    return list(
        Membership.objects.filter(place_id=place_id, role=Membership.Role.OWNER).values_list(
            "person_id", flat=True
        )
    )


def notify(event: Event) -> list[Notification]:
    targets = recipients_for(event)
    if not targets:
        return []
    rows = [
        Notification(
            recipient_id=pid,
            event=event,
            reason=reason,
            item_id=event.item_id,
            created=event.published,
        )  # fmt: skip
        for pid, reason in targets.items()
    ]
    Notification.objects.bulk_create(rows)
    return rows


def notify_people(event: Event, person_ids, reason: str, batch: int = 1000) -> int:
    """Tell many people about one event (used by background tasks, e.g. targeted news)."""
    count = 0
    chunk: list[Notification] = []
    for pid in person_ids:
        if pid == event.actor_id:
            continue
        chunk.append(
            Notification(
                recipient_id=pid,
                event=event,
                reason=reason,
                item_id=event.item_id,
                created=event.published,
            )  # fmt: skip
        )
        if len(chunk) == batch:
            Notification.objects.bulk_create(chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        Notification.objects.bulk_create(chunk)
        count += len(chunk)
    return count
