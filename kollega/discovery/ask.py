"""Ask: who is most likely to answer this question, and how am I connected to them?

Three signals, each explained to the asker:
- expertise: the question's topics (its tags, and tags found in its words) against
  ``Expertise`` (see experts.py),
- responsiveness: how often and how quickly the person answers (see responsiveness.py),
- closeness: a contact, or a contact of a contact, is more likely to answer; the path
  through shared contacts is shown.

Expertise decides who is a candidate; responsiveness and closeness reorder candidates of
similar expertise but never lift someone who does not know the topic above someone who does.
The number of queries is fixed, whatever the size of the network or the number of suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kollega import access
from kollega.core.tags import parse_list
from kollega.discovery import experts as experts_mod
from kollega.discovery import responsiveness, vocabulary
from kollega.discovery.experts import Expert
from kollega.discovery.models import Responsiveness
from kollega.network.models import Contact
from kollega.people.models import Person

CANDIDATES = 30
SPARE = 3  # loaded beyond the limit, in case some have left (inactive accounts)
MAX_SUGGESTIONS = 10
CLOSENESS = {1: 0.15, 2: 0.08}
MIDDLES_SHOWN = 3
PATH_OPTIONS = 20


@dataclass
class Suggestion:
    expert: Expert
    score: float
    answers: Responsiveness | None = None
    hops: int | None = None
    path: list[Person] = field(default_factory=list)  # viewer … expert, when connected
    shared: list[Person] = field(default_factory=list)  # contacts in common

    @property
    def person(self) -> Person:
        return self.expert.person

    @property
    def reasons(self) -> list[str]:
        out = list(self.expert.reasons)
        row = self.answers
        if row is not None and row.replied:
            out.append(
                _("answers questions in %(time)s (median); %(rate)d%% of answers accepted")
                % {"time": duration(row.median_seconds or 0), "rate": round(row.answer_rate * 100)}
            )
        if self.hops == 1:
            out.append(_("in your network"))
        elif self.shared:
            names = ", ".join(p.name for p in self.shared)
            out.append(_("you both know %(names)s") % {"names": names})
        elif self.hops:
            out.append(_("connected through %(n)d people") % {"n": self.hops - 1})
        return out


def duration(seconds: int) -> str:
    if seconds < 3600:
        return _("%(n)d min") % {"n": max(1, seconds // 60)}
    if seconds < 2 * 86400:
        return _("%(n)d h") % {"n": seconds // 3600}
    return _("%(n)d days") % {"n": seconds // 86400}


def suggest(
    viewer: Person, *, title: str = "", body: str = "", tags=None, limit: int = 5
) -> list[Suggestion]:
    limit = max(1, min(int(limit), MAX_SUGGESTIONS))
    weights = vocabulary.topic_weights(title=title, body=body, tags=parse_list(tags))
    ranked = experts_mod.rank(weights, exclude={viewer.pk}, limit=CANDIDATES)
    if not ranked:
        return []
    # Re-rank the candidates on ids alone; only those shown are loaded with their evidence.
    ids = [pk for pk, _match in ranked]
    answers = {r.person_id: r for r in Responsiveness.objects.filter(person_id__in=ids)}
    mine, hops, middles = _closeness(viewer, ids)
    best = ranked[0][1] or 1.0
    scores = {
        pk: match
        / best
        * (0.75 + 0.5 * responsiveness.score(answers.get(pk)))
        * (1 + CLOSENESS.get(hops.get(pk), 0.0))
        for pk, match in ranked
    }
    order = sorted(ranked, key=lambda r: (-scores[r[0]], r[0]))[: limit + SPARE]
    chosen = [
        Suggestion(e, round(scores[e.person.pk], 4), answers.get(e.person.pk),
                   hops.get(e.person.pk))
        for e in experts_mod.load(order, weights)
    ][:limit]  # fmt: skip
    _explain_paths(viewer, chosen, mine, middles)
    return chosen


def _closeness(viewer: Person, ids: list[int]):
    """Hops (1 or 2) to each candidate and the shared contacts a viewer may learn about
    (three or four queries for all candidates together)."""
    mine = Contact.objects.filter(person=viewer).values("other_id")
    pairs = list(
        Contact.objects.filter(person_id__in=ids, other_id__in=mine, other__user__is_active=True)
        .order_by("person_id", "other_id")
        .values_list("person_id", "other_id")
    )
    # The viewer's own contacts among the candidates: one step away.
    hops = dict.fromkeys(
        Contact.objects.filter(person=viewer, other_id__in=ids).values_list("other_id", flat=True),
        1,
    )
    middles: dict[int, list[int]] = defaultdict(list)
    if not pairs:
        return mine, hops, middles
    # The contact between a middle person and the candidate is only revealed when one of
    # them shows their network to the viewer (access.network_visible_ids, as in "who
    # connects us").
    shown = access.network_visible_ids(viewer, {p for pair in pairs for p in pair})
    for candidate, middle in pairs:
        if candidate in shown or middle in shown:
            middles[candidate].append(middle)
            hops.setdefault(candidate, 2)
    return mine, hops, middles


def _explain_paths(viewer: Person, chosen: list[Suggestion], mine, middles) -> None:
    """Paths for the suggestions shown: one or two steps from the closeness pass, three
    steps found for all the rest together (three or four more queries, never one search per
    suggestion). The rules are those of "who connects us" (network/queries.py)."""
    far = {s.person.pk: s for s in chosen if s.hops is None}
    three = _three_steps(viewer, set(far), mine) if far else {}
    wanted = {m for s in chosen for m in middles.get(s.person.pk, [])[:MIDDLES_SHOWN]}
    wanted |= {pk for path in three.values() for pk in path}
    people = {p.pk: p for p in Person.objects.filter(pk__in=wanted)} if wanted else {}
    for s in chosen:
        pk = s.person.pk
        if s.hops == 1:
            s.path = [viewer, s.person]
        elif s.hops == 2:
            s.shared = [people[m] for m in middles[pk][:MIDDLES_SHOWN] if m in people]
            if s.shared:
                s.path = [viewer, s.shared[0], s.person]
        elif pk in three:
            a, b = three[pk]
            s.hops, s.path = 3, [viewer, people[a], people[b], s.person]


def _three_steps(viewer: Person, targets: set[int], mine) -> dict[int, tuple[int, int]]:
    """{target: (a, b)} for viewer → a → b → target, a being the viewer's contact."""
    theirs: dict[int, set[int]] = defaultdict(set)
    for target, b in Contact.objects.filter(
        person_id__in=list(targets), other__user__is_active=True
    ).values_list("person_id", "other_id"):
        theirs[target].add(b)
    every_b = set().union(*theirs.values()) - {viewer.pk} if theirs else set()
    if not every_b:
        return {}
    edges = sorted(
        Contact.objects.filter(
            person_id__in=mine,
            person__user__is_active=True,
            other_id__in=Contact.objects.filter(person_id__in=list(targets)).values("other_id"),
        )
        .exclude(other_id=viewer.pk)
        .values_list("person_id", "other_id")
    )
    # A few possible paths per target; privacy is checked for the people on those only.
    options = {
        target: [(a, b) for a, b in edges if b in theirs[target] and a != b and b != target][
            :PATH_OPTIONS
        ]
        for target in sorted(targets)
    }
    on_paths = {p for pairs in options.values() for pair in pairs for p in pair}
    shown = access.network_visible_ids(viewer, on_paths | targets) if on_paths else set()
    found: dict[int, tuple[int, int]] = {}
    for target, pairs in options.items():
        for a, b in pairs:
            if (a in shown or b in shown) and (b in shown or target in shown):
                found[target] = (a, b)
                break
    return found
