"""Finding the people who know a set of topics, with the evidence for each (used by Ask
and by people search through ``experts_for``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, F, FloatField, Q, Sum, When
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kollega.core.models import Tag
from kollega.discovery import vocabulary
from kollega.discovery.models import Expertise
from kollega.people.models import Person

MAX_LIMIT = 50
MIN_CONTRIBUTION = 0.05


@dataclass
class Expert:
    person: Person
    match: float  # how well their expertise matches the topics
    topics: list[Expertise] = field(default_factory=list)  # matching rows, best first

    @property
    def reasons(self) -> list[str]:
        return [explain(row) for row in self.topics[:3]]


def explain(row: Expertise) -> str:
    """Why someone knows a topic, in one line: "kubernetes: tagged by 4 colleagues, …"."""
    parts = []
    if row.answers:
        parts.append(
            ngettext("%(n)d accepted answer", "%(n)d accepted answers", row.answers)
            % {"n": row.answers}
        )
    if row.taggers:
        parts.append(
            ngettext("tagged by %(n)d colleague", "tagged by %(n)d colleagues", row.taggers)
            % {"n": row.taggers}
        )
    if row.items:
        parts.append(
            ngettext("wrote %(n)d item", "wrote %(n)d items", row.items) % {"n": row.items}
        )
    if row.bookmarks:
        parts.append(
            ngettext("%(n)d bookmark", "%(n)d bookmarks", row.bookmarks) % {"n": row.bookmarks}
        )
    if row.self_tagged:
        parts.append(_("lists it as a skill"))
    return _("%(tag)s: %(evidence)s") % {"tag": row.tag.name, "evidence": ", ".join(parts)}


def rank(weights: dict[int, float], *, exclude: set[int] = frozenset(), limit: int = 10):
    """[(person id, match)] best first, for topic weights {tag id: weight} (one query)."""
    if not weights:
        return []
    weighted = Case(
        *[When(tag_id=pk, then=F("score") * w) for pk, w in weights.items()],
        default=0.0,
        output_field=FloatField(),
    )
    # A topic's weight is per point of score, scaled so its best person contributes the
    # topic's full weight (vocabulary.topic_weights); people contributing under
    # MIN_CONTRIBUTION on a topic cannot make the top of the list through it, and leaving
    # them out lets each topic be read from the (tag, -score) index instead of whole.
    floors = Q()
    for pk, w in weights.items():
        floors |= Q(tag_id=pk, score__gte=MIN_CONTRIBUTION / w)
    rows = (
        Expertise.objects.filter(floors)
        .exclude(person_id__in=list(exclude))
        .values("person_id")
        .annotate(match=Sum(weighted))
        .order_by("-match", "person_id")[: limit + len(exclude)]
    )
    return [(row["person_id"], row["match"]) for row in rows][:limit]


def load(ranked, weights: dict[int, float]) -> list[Expert]:
    """People and their matching evidence for ranked (id, match) pairs (two queries);
    people without an active account are left out."""
    ids = [pk for pk, _m in ranked]
    people = {
        p.pk: p
        for p in Person.objects.filter(pk__in=ids, user__is_active=True).select_related(
            "org_unit", "location"
        )
    }
    evidence: dict[int, list[Expertise]] = {}
    for row in (
        Expertise.objects.filter(person_id__in=list(people), tag_id__in=list(weights))
        .select_related("tag")
        .order_by("-score")
    ):
        evidence.setdefault(row.person_id, []).append(row)
    return [Expert(people[pk], match, evidence.get(pk, [])) for pk, match in ranked if pk in people]


def experts_for(terms, viewer: Person | None = None, limit: int = 10) -> list[Expert]:
    """The people who know about ``terms`` (a text or a list of words and tags), best first.

    Expertise is built from public evidence only, so the answer is the same for everyone;
    ``viewer`` is left out of their own results.
    """
    text = terms if isinstance(terms, str) else " ".join(terms)
    limit = max(1, min(int(limit), MAX_LIMIT))
    weights = vocabulary.topic_weights(title=text)
    exclude = {viewer.pk} if viewer is not None else set()
    return load(rank(weights, exclude=exclude, limit=limit), weights)


def top_topics(person: Person, limit: int = 5) -> list[Expertise]:
    """A person's best topics with their evidence (one query)."""
    return list(
        Expertise.objects.filter(person=person)
        .select_related("tag")
        .order_by("-score", "tag")[:limit]
    )


def tag_names(ids) -> dict[int, str]:
    return dict(Tag.objects.filter(pk__in=list(ids)).values_list("pk", "name"))
