"""“Do you know …?” People the viewer probably knows but has not connected with yet.

Candidates come from four signals, each one bounded query: friends of friends (counted by
shared contacts, only through contacts whose network the viewer may see), people in the
viewer's communities, people sharing profile tags, and org proximity (same manager, same
org unit). Each suggestion carries the reasons that put it there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kollega import access
from kollega.network.models import Contact, DismissedSuggestion, Invitation
from kollega.people.models import Person, PersonTag
from kollega.people.queries import people
from kollega.places.models import Membership, Place

WEIGHTS = {"contacts": 3.0, "manager": 4.0, "unit": 2.0, "communities": 1.0, "tags": 1.5}
POOL = 200


@dataclass
class Suggestion:
    person: Person
    score: float = 0.0
    shared_contacts: int = 0
    shared_communities: int = 0
    shared_tags: int = 0
    same_manager: bool = False
    same_unit: bool = False
    reasons: list[str] = field(default_factory=list)


def _excluded(viewer: Person, contacts: list[int]) -> set[int]:
    mine = set(contacts)
    pending = Invitation.objects.filter(state=Invitation.State.PENDING)
    mine |= set(pending.filter(sender=viewer).values_list("recipient_id", flat=True))
    mine |= set(pending.filter(recipient=viewer).values_list("sender_id", flat=True))
    mine |= set(
        DismissedSuggestion.objects.filter(person=viewer).values_list("suggested_id", flat=True)
    )
    mine.add(viewer.pk)
    return mine


def do_you_know(viewer: Person, limit: int = 10) -> list[Suggestion]:
    my_contacts = list(Contact.objects.filter(person=viewer).values_list("other_id", flat=True))
    excluded = _excluded(viewer, my_contacts)
    scores: dict[int, Suggestion] = {}
    signals: dict[str, dict[int, int]] = defaultdict(dict)

    through = access.network_visible_ids(viewer, my_contacts) if my_contacts else set()
    if through:
        # any_of (kollega/core/lookups.py): a person with 900 contacts sends one array.
        rows = (
            Contact.objects.filter(person_id__any_of=sorted(through))
            .values("other_id")
            .annotate(n=Count("person_id"))
            .order_by("-n")[: POOL + len(excluded)]
        )
        signals["contacts"] = {r["other_id"]: r["n"] for r in rows if r["other_id"] not in excluded}

    communities = Membership.objects.filter(person=viewer, place__kind=Place.Kind.COMMUNITY).values(
        "place_id"
    )
    rows = (
        Membership.objects.filter(place_id__in=communities)
        .values("person_id")
        .annotate(n=Count("place_id"))
        .order_by("-n")[: POOL + len(excluded)]
    )
    signals["communities"] = {
        r["person_id"]: r["n"] for r in rows if r["person_id"] not in excluded
    }

    my_tags = PersonTag.objects.filter(person=viewer).values("tag_id")
    rows = (
        PersonTag.objects.filter(tag_id__in=my_tags)
        .values("person_id")
        .annotate(n=Count("tag_id", distinct=True))
        .order_by("-n")[: POOL + len(excluded)]
    )
    signals["tags"] = {r["person_id"]: r["n"] for r in rows if r["person_id"] not in excluded}

    near = Person.objects.none()
    if viewer.manager_id:
        near = Person.objects.filter(manager_id=viewer.manager_id)
    if viewer.org_unit_id:
        near = near | Person.objects.filter(org_unit_id=viewer.org_unit_id)
    for pk, manager_id, unit_id in near.values_list("pk", "manager_id", "org_unit_id")[:POOL]:
        if pk in excluded:
            continue
        if viewer.manager_id and manager_id == viewer.manager_id:
            signals["manager"][pk] = 1
        if viewer.org_unit_id and unit_id == viewer.org_unit_id:
            signals["unit"][pk] = 1

    for signal, values in signals.items():
        for pk, n in values.items():
            suggestion = scores.setdefault(pk, Suggestion(person=None))  # type: ignore[arg-type]
            suggestion.score += WEIGHTS[signal] * (n if signal != "communities" else min(n, 5))
            if signal == "contacts":
                suggestion.shared_contacts = n
            elif signal == "communities":
                suggestion.shared_communities = n
            elif signal == "tags":
                suggestion.shared_tags = n
            elif signal == "manager":
                suggestion.same_manager = True
            elif signal == "unit":
                suggestion.same_unit = True

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1].score, kv[0]))[: limit * 2]
    found = {p.pk: p for p in people().filter(pk__in=[pk for pk, _s in ranked])}
    result = []
    for pk, suggestion in ranked:
        if pk not in found:
            continue  # inactive accounts are never suggested
        suggestion.person = found[pk]
        suggestion.reasons = _reasons(suggestion)
        result.append(suggestion)
        if len(result) == limit:
            break
    return result


def _reasons(s: Suggestion) -> list[str]:
    reasons = []
    if s.shared_contacts:
        reasons.append(
            ngettext("%(n)d shared contact", "%(n)d shared contacts", s.shared_contacts)
            % {"n": s.shared_contacts}
        )
    if s.same_manager:
        reasons.append(_("same manager as you"))
    elif s.same_unit:
        reasons.append(_("in your department"))
    if s.shared_communities:
        reasons.append(
            ngettext(
                "%(n)d community in common", "%(n)d communities in common", s.shared_communities
            )
            % {"n": s.shared_communities}
        )
    if s.shared_tags:
        reasons.append(
            ngettext("%(n)d profile tag in common", "%(n)d profile tags in common", s.shared_tags)
            % {"n": s.shared_tags}
        )
    return reasons
