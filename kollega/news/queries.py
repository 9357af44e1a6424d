"""Reads of official news, always starting from kollega.access.

News articles are items of kind "news" in the organisation place. Their audience only
decides who sees an article *featured*; the list and the article itself are for everyone
who may read the organisation place (it is open).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.content.models import Item
from kollega.content.queries import mark_viewer_state
from kollega.core.models import Tag
from kollega.core.pagination import Page, keyset_page
from kollega.news.models import NewsDetail
from kollega.people.models import OrgUnit, Person
from kollega.places.models import Membership, Place

FEATURED_LIMIT = 5
PAGE_SIZE = 20
EDITOR_ROLES = (Membership.Role.OWNER, Membership.Role.EDITOR)

UnitAudience = NewsDetail.audience_units.through
LocationAudience = NewsDetail.audience_locations.through


def organisation_place() -> Place | None:
    """The organisation place, if it exists yet (see actions.get_organisation_place)."""
    return Place.objects.filter(kind=Place.Kind.ORGANISATION).order_by("pk").first()


def editor_memberships() -> QuerySet[Membership]:
    """Who may publish news: owners and editors of the organisation place."""
    return Membership.objects.filter(
        place__kind=Place.Kind.ORGANISATION, role__in=EDITOR_ROLES
    ).select_related("person", "person__org_unit")


def is_editor(person: Person) -> bool:
    return editor_memberships().filter(person=person).exists()


def unit_and_ancestors(unit_id: int | None) -> list[int]:
    """Ids of a unit and every unit above it (one query: the tree is small)."""
    if unit_id is None:
        return []
    parents = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    ids: list[int] = []
    current = unit_id
    while current is not None and current not in ids:
        ids.append(current)
        current = parents.get(current)
    return ids


def audience_includes(viewer: Person) -> Q:
    """Items whose news audience includes the viewer: everyone (no audience), the viewer's
    org unit or a unit above it, or the viewer's location."""
    units = UnitAudience.objects.filter(newsdetail_id=OuterRef("pk"))
    locations = LocationAudience.objects.filter(newsdetail_id=OuterRef("pk"))
    condition = ~Exists(units) & ~Exists(locations)
    unit_ids = unit_and_ancestors(viewer.org_unit_id)
    if unit_ids:
        condition |= Exists(units.filter(orgunit_id__in=unit_ids))
    if viewer.location_id:
        condition |= Exists(locations.filter(location_id=viewer.location_id))
    return condition


def news_items(viewer: Person) -> QuerySet[Item]:
    """Every news article the viewer may read, with what a list shows."""
    return (
        access.visible_items(viewer)
        .filter(kind=Item.Kind.NEWS, place__kind=Place.Kind.ORGANISATION)
        .select_related("author", "place", "news")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name")))
    )


def with_audience(qs: QuerySet[Item]) -> QuerySet[Item]:
    return qs.prefetch_related("news__audience_units", "news__audience_locations")


def detail_of(item: Item) -> NewsDetail:
    """The article's details; an article written before news had details gets empty ones."""
    try:
        return item.news
    except NewsDetail.DoesNotExist:
        return NewsDetail(item=item)


def featured_for(viewer: Person, limit: int = FEATURED_LIMIT) -> list[Item]:
    """The articles featured now whose audience includes the viewer, newest first
    (three queries whatever the data: org units, articles, their tags)."""
    qs = news_items(viewer).filter(news__featured_until__gt=timezone.now())
    return list(qs.filter(audience_includes(viewer)).order_by("-created", "-pk")[:limit])


def featured_with_details(viewer: Person) -> list[Item]:
    """featured_for, plus the audiences and the viewer's likes and saves (for the API)."""
    items = featured_for(viewer)
    prefetch_related_objects(items, "news__audience_units", "news__audience_locations")
    return mark_viewer_state(viewer, items)


def news_page(
    viewer: Person, cursor: str | None = None, limit: int = PAGE_SIZE, exclude=()
) -> Page:
    """All news, newest first, without ``exclude`` (the featured ones shown above it)."""
    qs = with_audience(news_items(viewer)).exclude(pk__in=list(exclude))
    page = keyset_page(qs, field="created", cursor=cursor, limit=limit)
    mark_viewer_state(viewer, page.items)
    return page


def news_for(viewer: Person, item_id: int) -> Item:
    """One article, or 404 when it is not a news article the viewer may read."""
    item = with_audience(news_items(viewer)).filter(pk=item_id).first()
    if item is None:
        raise Http404(_("No such news article."))
    mark_viewer_state(viewer, [item])
    return item


def is_featured(item: Item) -> bool:
    until = detail_of(item).featured_until
    return until is not None and timezone.now() < until
