"""Reads of a wiki, always starting from kollega.access, each in a fixed number of queries.

A page view reads no revision at all (the page row keeps the newest revision's number and
its editor); the history reads revisions without their text; only a diff or an old revision
reads text, and only of the one or two revisions asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from kollega import access
from kollega.content.models import Item
from kollega.content.queries import mark_viewer_state
from kollega.core import markdown
from kollega.core.models import Tag
from kollega.people.models import Person
from kollega.places.models import Place
from kollega.wiki import tree
from kollega.wiki.actions import can_edit_page
from kollega.wiki.diff import LineDiff, line_diff
from kollega.wiki.models import WikiPage, WikiRevision

HISTORY_SIZE = 50


def wiki_place(viewer: Person, slug: str) -> Place:
    """The community whose wiki this is, or 404 (also for boards and the organisation)."""
    place = access.place_for(viewer, slug)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404(_("Only communities have a wiki."))
    return place


def visible_pages(viewer: Person, place: Place) -> QuerySet[WikiPage]:
    items = access.visible_items(viewer).filter(place=place, kind=Item.Kind.WIKI)
    return WikiPage.objects.filter(place=place, item__in=items)


def outline(viewer: Person, place: Place) -> tree.Outline:
    rows = (
        visible_pages(viewer, place)
        .order_by("position", "item__title", "pk")
        .values_list("pk", "parent_id", "slug", "item__title", "position")
    )
    return tree.build(rows)


def page_for(viewer: Person, place: Place, slug: str) -> WikiPage:
    """One page with what its view shows, or 404 when the viewer may not read it."""
    page = (
        visible_pages(viewer, place)
        .select_related("item__author", "last_editor")
        .prefetch_related(Prefetch("item__tags", queryset=Tag.objects.only("name")))
        .filter(slug=slug)
        .first()
    )
    if page is None:
        raise Http404(_("This wiki has no such page."))
    # Both are already in hand; setting them saves a query each time they are read.
    page.place = place
    page.item.place = place
    return page


@dataclass
class PageView:
    page: WikiPage
    outline: tree.Outline
    breadcrumbs: list[tree.Node]
    children: list[tree.Node]
    can_edit: bool


def page_view(viewer: Person, place: Place, slug: str) -> PageView:
    page = page_for(viewer, place, slug)
    mark_viewer_state(viewer, [page.item])
    nav = outline(viewer, place)
    return PageView(
        page, nav, nav.ancestors(page.pk), nav.children(page.pk), can_edit_page(viewer, page)
    )


def front_page_view(viewer: Person, place: Place) -> tuple[tree.Outline, PageView | None]:
    """The wiki's outline and its front page (None for an empty wiki)."""
    nav = outline(viewer, place)
    front = nav.front()
    if front is None:
        return nav, None
    page = page_for(viewer, place, front.slug)
    mark_viewer_state(viewer, [page.item])
    return nav, PageView(page, nav, [], nav.children(page.pk), can_edit_page(viewer, page))


@dataclass
class History:
    page: WikiPage
    revisions: list[WikiRevision]
    older: int | None  # pass as ``before`` for the next, older part


def history(
    viewer: Person, place: Place, slug: str, before: int | None = None, limit: int = HISTORY_SIZE
) -> History:
    """Revisions newest first, without their text, ``limit`` at a time below ``before``."""
    page = page_for(viewer, place, slug)
    revisions = (
        page.revisions.select_related("author")
        .only("page_id", "number", "title", "created", "note", "restored_from",
              "author__username", "author__name")
    )  # fmt: skip
    if before is not None:
        revisions = revisions.filter(number__lt=before)
    rows = list(revisions.order_by("-number")[: limit + 1])
    older = rows[limit - 1].number if len(rows) > limit else None
    return History(page, rows[:limit], older)


def _revisions(page: WikiPage, numbers: set[int]) -> dict[int, WikiRevision]:
    # A number the page never reached cannot match; asking the database would only risk
    # out-of-range errors on absurd numbers.
    wanted = [n for n in numbers if 1 <= n <= page.revision_number]
    found = {r.number: r for r in page.revisions.select_related("author").filter(number__in=wanted)}
    if len(found) != len(numbers):
        raise Http404(_("This page has no such revision."))
    return found


def revision(viewer: Person, place: Place, slug: str, number: int):
    """A page and one of its revisions, with the revision's text rendered."""
    page = page_for(viewer, place, slug)
    old = _revisions(page, {number})[number]
    old.body_html = render_revision(old.body)
    return page, old


def render_revision(body: str) -> str:
    """Old text is rendered when read (it is read rarely), with the same sanitiser as new
    text; @mentions of people who still exist become links."""
    names = markdown.mentioned_usernames(body)
    known = Person.objects.filter(username__in=names).values_list("username", flat=True)
    return markdown.render(body, list(known) if names else [])


@dataclass
class RevisionDiff:
    page: WikiPage
    old: WikiRevision
    new: WikiRevision
    lines: LineDiff

    @property
    def title_changed(self) -> bool:
        return self.old.title != self.new.title


def diff(viewer: Person, place: Place, slug: str, old: int, new: int) -> RevisionDiff:
    page = page_for(viewer, place, slug)
    found = _revisions(page, {old, new})
    a, b = found[old], found[new]
    return RevisionDiff(page, a, b, line_diff(a.body, b.body))
