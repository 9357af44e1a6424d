"""Discovery's writes: asking a question and addressing it to people, declining a routed
question, dismissing a recommendation and noting that an item was seen."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content.actions import create_item, mark_as_question
from kollega.content.models import Item, Question
from kollega.discovery.models import DismissedRecommendation, RoutedQuestion, SeenItem
from kollega.people.models import Person
from kollega.places.models import Place

MAX_ROUTED = 10


@transaction.atomic
def ask_question(
    actor: Person,
    *,
    title: str,
    body: str = "",
    tags=None,
    place: Place | None = None,
    experts: list[Person] = (),
    reasons: dict[int, str] | None = None,
) -> Item:
    """Post a question (in a community, or on the asker's own board) and address it to
    ``experts``. The question is an ordinary item: findable, answerable, acceptable."""
    if not (title or "").strip():
        raise ValidationError({"title": _("Write the question itself first.")})
    if place is None:
        place = actor.board
    if place.kind == Place.Kind.BOARD:
        if place.owner_id != actor.pk:
            raise ValidationError({"place": _("Ask on your own board or in a community.")})
        item = create_item(actor, place, kind=Item.Kind.STATUS, title=title, body=body, tags=tags)
        mark_as_question(actor, item)
    else:
        item = create_item(actor, place, kind=Item.Kind.QUESTION, title=title, body=body, tags=tags)
    if experts:
        route_question(actor, item, experts, reasons=reasons)
    return item


@transaction.atomic
def route_question(
    actor: Person, item: Item, people: list[Person], *, reasons: dict[int, str] | None = None
) -> list[RoutedQuestion]:
    """Address the asker's question to people; each is told (a mention notification)."""
    if item.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who asked can address the question."))
    if not Question.objects.filter(item=item).exists():
        raise ValidationError(_("Only questions can be addressed to people."))
    people = list({p.pk: p for p in people if p.pk != actor.pk}.values())
    already = set(RoutedQuestion.objects.filter(item=item).values_list("person_id", flat=True))
    new = [p for p in people if p.pk not in already]
    if len(already) + len(new) > MAX_ROUTED:
        raise ValidationError(
            {"experts": _("Address a question to at most %(n)d people.") % {"n": MAX_ROUTED}}
        )
    cannot = [p.name for p in new if not p.user.is_active or not access.can_read(p, item)]
    if cannot:
        raise ValidationError(
            {
                "experts": _("%(names)s cannot read this question where it is posted.")
                % {"names": ", ".join(cannot)}
            }
        )
    now = timezone.now()
    reasons = reasons or {}
    routed = RoutedQuestion.objects.bulk_create(
        [
            RoutedQuestion(
                item=item, person=p, routed_by=actor, created=now,
                reason=(reasons.get(p.pk) or "")[:300],
            )
            for p in new
        ]
    )  # fmt: skip
    for person in new:
        # A mention is what tells someone "this is for you" (notifications/rules.py).
        record(actor, Event.Verb.MENTION, item=item, person=person, data={"routed": True}, at=now)
    return routed


@transaction.atomic
def decline_routed(actor: Person, routed: RoutedQuestion) -> RoutedQuestion:
    """The person a question was addressed to says they cannot answer it."""
    if routed.person_id != actor.pk:
        raise PermissionDenied(_("Only the person it was addressed to can decline it."))
    if routed.state != RoutedQuestion.State.OPEN:
        raise ValidationError(_("This question is no longer waiting for you."))
    routed.state = RoutedQuestion.State.DECLINED
    routed.save(update_fields=["state"])
    record(actor, Event.Verb.DECLINE, item=routed.item, person=routed.routed_by,
           data={"routed": True})  # fmt: skip
    return routed


@transaction.atomic
def dismiss_recommendation(actor: Person, item: Item) -> bool:
    """Never recommend this item to the actor again; False when already dismissed."""
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot see this."))
    _row, created = DismissedRecommendation.objects.get_or_create(
        person=actor, item=item, defaults={"created": timezone.now()}
    )
    return created


def mark_seen(person: Person, item: Item) -> None:
    """Note that the person opened the item (the item page may call this); recommendations
    then leave it out. Idempotent, and silent for items they cannot read."""
    if access.can_read(person, item):
        SeenItem.objects.get_or_create(person=person, item=item,
                                       defaults={"created": timezone.now()})  # fmt: skip
