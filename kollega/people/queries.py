"""Reads about people, each with a fixed number of queries (asserted in tests)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from kollega.people.models import Location, OrgUnit, Person, PersonTag

DIRECTORY_LIMIT = 50


def people() -> QuerySet[Person]:
    return Person.objects.filter(user__is_active=True).select_related("org_unit", "location")


def unit_and_descendants(unit: OrgUnit) -> list[int]:
    """Ids of a unit and every unit below it (one query: the tree is small)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in OrgUnit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    ids, stack = [], [unit.pk]
    while stack:
        current = stack.pop()
        if current in ids:
            continue
        ids.append(current)
        stack.extend(children.get(current, []))
    return ids


def directory(
    *,
    q: str = "",
    org_unit: OrgUnit | None = None,
    location_id: int | None = None,
    country: str = "",
    tag: str = "",
) -> QuerySet[Person]:
    """People matching a name prefix (any word of the name), department (with sub-units),
    location or country, and profile tag."""
    qs = people()
    q = " ".join((q or "").lower().split())
    if q:
        qs = qs.filter(
            Q(search_name__startswith=q)
            | Q(search_name__contains=" " + q)
            | Q(username__istartswith=q)
            | Q(job_title__icontains=q)
        )
    if org_unit is not None:
        qs = qs.filter(org_unit_id__in=unit_and_descendants(org_unit))
    if location_id:
        qs = qs.filter(location_id=location_id)
    if country:
        qs = qs.filter(location__country=country.upper())
    if tag:
        qs = qs.filter(pk__in=PersonTag.objects.filter(tag__name=tag.lower()).values("person_id"))
    return qs.order_by("search_name", "pk")


@dataclass
class TagSummary:
    name: str
    count: int = 0
    taggers: list[Person] = field(default_factory=list)
    viewer_gave: bool = False


@dataclass
class ProfileTags:
    from_colleagues: list[TagSummary]
    own: list[str]


def profile_tags(person: Person, viewer: Person | None = None) -> ProfileTags:
    """The tags on a profile: colleagues' tags with count and who, and the person's own."""
    summaries: dict[str, TagSummary] = {}
    own: list[str] = []
    rows = (
        PersonTag.objects.filter(person=person)
        .select_related("tag", "tagger")
        .order_by("tag__name", "created")
    )
    for row in rows:
        if row.tagger_id == person.pk:
            own.append(row.tag.name)
            continue
        summary = summaries.setdefault(row.tag.name, TagSummary(row.tag.name))
        summary.count += 1
        summary.taggers.append(row.tagger)
        if viewer is not None and row.tagger_id == viewer.pk:
            summary.viewer_gave = True
    ordered = sorted(summaries.values(), key=lambda s: (-s.count, s.name))
    return ProfileTags(from_colleagues=ordered, own=own)


def same_manager_peers(person: Person) -> QuerySet[Person]:
    if not person.manager_id:
        return Person.objects.none()
    return people().filter(manager_id=person.manager_id).exclude(pk=person.pk)


def direct_reports(person: Person) -> QuerySet[Person]:
    return people().filter(manager=person)


def org_units_with_counts() -> QuerySet[OrgUnit]:
    """Every org unit with its parent and ``people_count`` (active people in the unit itself)."""
    return (
        OrgUnit.objects.select_related("parent")
        .annotate(people_count=Count("people", filter=Q(people__user__is_active=True)))
        .order_by("name", "pk")
    )


def locations_with_counts() -> QuerySet[Location]:
    """Every location with ``people_count`` (active people who work there)."""
    return Location.objects.annotate(
        people_count=Count("people", filter=Q(people__user__is_active=True))
    ).order_by("country", "city", "pk")


def mention_candidates(q: str, limit: int = 10) -> QuerySet[Person]:
    """People to complete an @mention: any word of the name, or the username, starts with q.

    Only prefix matches (no job titles, unlike the directory), so it answers as you type.
    """
    q = " ".join((q or "").lower().split()).lstrip("@")
    if not q:
        return Person.objects.none()
    return (
        people()
        .filter(
            Q(search_name__startswith=q)
            | Q(search_name__contains=" " + q)
            | Q(username__istartswith=q)
        )
        .order_by("search_name", "pk")[:limit]
    )
