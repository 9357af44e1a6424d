"""The wiki API under /api/v1/wiki: pages in a tree, revisions, diffs and restoring.

Every operation starts from the community through ``queries.wiki_place`` (kollega.access), so
a restricted community's wiki is 404 to non-members on every operation, the same as a wiki
that does not exist.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Limit, Text
from kollega.wiki import actions, queries
from kollega.wiki.schemas import (
    DiffOut,
    MoveIn,
    Number,
    OutlineOut,
    PageIn,
    PageOut,
    PageUpdateIn,
    RevisionOut,
    RevisionsPage,
)

router = Router(tags=["wiki"])


class DiffParams(Schema):
    from_: Number = Field(alias="from", description="The older revision's number.")
    to: Number = Field(description="The newer revision's number.")


ERRORS = {codes_4xx: ErrorOut}


def _url(request, place, page) -> str | None:
    # The API also runs without the web UI's URLs (see api.schemas.common.web_url).
    try:
        return request.build_absolute_uri(reverse("wiki-page", args=[place.slug, page.slug]))
    except NoReverseMatch:
        return None


def _ref(node) -> dict:
    return {"slug": node.slug, "title": node.title}


def _page_out(request, view: queries.PageView) -> dict:
    page, item = view.page, view.page.item
    parent = view.breadcrumbs[-1] if view.breadcrumbs else None
    return {
        "slug": page.slug,
        "title": item.title,
        "body": item.body,
        "body_html": item.body_html,
        "tags": [tag.name for tag in item.tags.all()],
        "place": page.place,
        "parent": _ref(parent) if parent else None,
        "breadcrumbs": [_ref(node) for node in view.breadcrumbs],
        "children": [_ref(node) for node in view.children],
        "revision": page.revision_number,
        "author": item.author,
        "last_editor": page.last_editor,
        "created": item.created,
        "updated": item.updated,
        "item_id": item.pk,
        "reply_count": item.reply_count,
        "like_count": item.like_count,
        "can_edit": view.can_edit,
        "url": _url(request, page.place, page),
    }


def _view(request, place_slug: str, page_slug: str) -> dict:
    person = viewer(request)
    place = queries.wiki_place(person, place_slug)
    return _page_out(request, queries.page_view(person, place, page_slug))


def _page(request, place_slug: str, page_slug: str):
    person = viewer(request)
    place = queries.wiki_place(person, place_slug)
    return person, queries.page_for(person, place, page_slug)


@router.get(
    "/{place}/pages",
    response={200: OutlineOut, **ERRORS},
    operation_id="wiki_pages_list",
    summary="A community's wiki pages",
    description="Every page of the wiki as a tree, flattened depth first.",
)
def wiki_pages_list(request, place: Text):
    person = viewer(request)
    nav = queries.outline(person, queries.wiki_place(person, place))
    entries: list[dict] = []

    def walk(nodes, parent, depth):
        for node in nodes:
            entries.append({"slug": node.slug, "title": node.title, "depth": depth,
                            "parent": parent, "position": node.position})  # fmt: skip
            walk(node.children, node.slug, depth + 1)

    walk(nav.roots, None, 1)
    front = nav.front()
    return {"front_page": front.slug if front else None, "pages": entries}


@router.post(
    "/{place}/pages",
    response={201: PageOut, **ERRORS},
    operation_id="wiki_pages_create",
    summary="Create a wiki page",
    description="Members of the community may; the first page at the top is the front page.",
)
def wiki_pages_create(request, place: Text, payload: PageIn):
    person = viewer(request)
    community = queries.wiki_place(person, place)
    parent = queries.page_for(person, community, payload.parent) if payload.parent else None
    page = actions.create_page(
        person, community, title=payload.title, body=payload.body, tags=payload.tags,
        parent=parent, slug=payload.slug,
    )  # fmt: skip
    return 201, _view(request, place, page.slug)


@router.get(
    "/{place}/pages/{page}",
    response={200: PageOut, **ERRORS},
    operation_id="wiki_pages_get",
    summary="A wiki page",
)
def wiki_pages_get(request, place: Text, page: Text):
    return _view(request, place, page)


@router.patch(
    "/{place}/pages/{page}",
    response={200: PageOut, **ERRORS},
    operation_id="wiki_pages_update",
    summary="Edit a wiki page",
    description="Members of the community may. A change to the title or text saves a new "
    "revision; tags replace the page's tags.",
)
def wiki_pages_update(request, place: Text, page: Text, payload: PageUpdateIn):
    person, wiki_page = _page(request, place, page)
    changes = payload.dict(exclude_unset=True)
    actions.edit_page(
        person, wiki_page, title=changes.get("title"), body=changes.get("body"),
        tags=changes.get("tags"), note=payload.note, base_revision=payload.base_revision,
    )  # fmt: skip
    return _view(request, place, page)


@router.post(
    "/{place}/pages/{page}/move",
    response={200: PageOut, **ERRORS},
    operation_id="wiki_pages_move",
    summary="Move a wiki page",
    description="Put the page, with its subpages, under another page or at the top. A page "
    "cannot go under itself or its own subpages.",
)
def wiki_pages_move(request, place: Text, page: Text, payload: MoveIn):
    person, wiki_page = _page(request, place, page)
    parent = queries.page_for(person, wiki_page.place, payload.parent) if payload.parent else None
    actions.move_page(person, wiki_page, parent, payload.position)
    return _view(request, place, page)


@router.get(
    "/{place}/pages/{page}/revisions",
    response={200: RevisionsPage, **ERRORS},
    operation_id="wiki_revisions_list",
    summary="A wiki page's history",
    description="Revisions newest first, without their text.",
)
def wiki_revisions_list(
    request, place: Text, page: Text, before: Number | None = None, limit: Limit = DEFAULT_LIMIT
):
    person = viewer(request)
    community = queries.wiki_place(person, place)
    history = queries.history(person, community, page, before=before, limit=limit)
    return {"items": history.revisions, "next_before": history.older}


@router.get(
    "/{place}/pages/{page}/revisions/{number}",
    response={200: RevisionOut, **ERRORS},
    operation_id="wiki_revisions_get",
    summary="One revision of a wiki page",
)
def wiki_revisions_get(request, place: Text, page: Text, number: Number):
    person = viewer(request)
    community = queries.wiki_place(person, place)
    _page_row, revision = queries.revision(person, community, page, number)
    return revision


@router.get(
    "/{place}/pages/{page}/diff",
    response={200: DiffOut, **ERRORS},
    operation_id="wiki_diff",
    summary="What changed between two revisions",
    description="A line diff of the text from revision `from` to revision `to`.",
)
def wiki_diff(
    request,
    place: Text,
    page: Text,
    params: Query[DiffParams],
):
    person = viewer(request)
    community = queries.wiki_place(person, place)
    result = queries.diff(person, community, page, params.from_, params.to)
    return {
        "from_revision": result.old,
        "to_revision": result.new,
        "title_changed": result.title_changed,
        "added": result.lines.added,
        "removed": result.lines.removed,
        "hunks": result.lines.hunks,
    }


@router.post(
    "/{place}/pages/{page}/revisions/{number}/restore",
    response={200: PageOut, **ERRORS},
    operation_id="wiki_revisions_restore",
    summary="Restore an old revision",
    description="Saves a new revision with the old one's title and text.",
)
def wiki_revisions_restore(request, place: Text, page: Text, number: Number):
    person, wiki_page = _page(request, place, page)
    actions.restore_revision(person, wiki_page, number)
    return _view(request, place, page)
