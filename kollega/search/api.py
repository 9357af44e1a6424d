"""Search over everything the caller may see, and suggestions as you type.

Access is enforced inside the search query (kollega.access), so results, totals and facet
counts never include what the caller may not read.
"""

from __future__ import annotations

from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega.api.auth import viewer
from kollega.api.schemas.common import ErrorOut
from kollega.search import queries
from kollega.search.schemas import SearchOut, SuggestionOut
from kollega.search.suggest import MAX_SUGGESTIONS, suggest

router = Router(tags=["search"])


def _clean(value: str) -> str:
    return (value or "").replace("\x00", "")


class SearchParams(Schema):
    q: str = Field("", max_length=10_000, description='Words; "a phrase", -exclude, OR.')
    kind: list[str] = Field(default_factory=list, description="Only these kinds (repeatable).")
    tag: str = Field("", max_length=200, description="Only results with this tag.")
    author: str = Field("", max_length=200, description="Only content by this username.")
    place: str = Field("", max_length=200, description="Only content in this community (slug).")
    date_from: str = Field("", alias="from", max_length=20, description="Created on or after "
                           "(YYYY-MM-DD).")  # fmt: skip
    date_to: str = Field("", alias="to", max_length=20, description="Created on or before.")
    social: bool = Field(True, description="false: rank by text relevance only.")
    page: int = Field(1, ge=1, le=queries.MAX_PAGE, description="10 results per page.")


class SuggestParams(Schema):
    q: str = Field("", max_length=10_000, description="What has been typed so far.")
    limit: int = Field(MAX_SUGGESTIONS, ge=1, le=MAX_SUGGESTIONS)


def _result(r) -> dict:
    author = r.item.author if r.item is not None else None
    return {
        "kind": r.kind, "kind_label": r.kind_label, "title": r.title,
        "title_html": str(r.title_html), "snippet_html": str(r.snippet_html), "url": r.url,
        "item_id": r.item.pk if r.item is not None else None, "created": r.created,
        "score": r.score, "reasons": [vars(x) for x in r.reasons],
        "author": {"username": author.username, "name": author.name} if author else None,
        "place": {"slug": r.place.slug, "name": r.place.name, "kind": r.place.kind}
        if r.place is not None else None,
    }  # fmt: skip


def _facets(found) -> list[dict]:
    return [vars(f) for f in found]


@router.get(
    "",
    response={200: SearchOut, codes_4xx: ErrorOut},
    operation_id="search_query",
    summary="Search",
    description="People, communities and every kind of content, ranked by text relevance "
    "and, unless social=false, by the caller's network, communities, likes, bookmarks and "
    "recency; each result says why it ranks where it does.",
)
def search_query(request, params: Query[SearchParams]):
    person = viewer(request)
    filters = queries.clean_filters(
        kinds=[_clean(k) for k in params.kind], tag=_clean(params.tag),
        author=_clean(params.author), place=_clean(params.place),
        date_from=_clean(params.date_from), date_to=_clean(params.date_to),
    )  # fmt: skip
    found = queries.search(person, _clean(params.q), filters, social=params.social,
                           page=params.page)  # fmt: skip
    return {
        "total": found.total, "page": found.page, "pages": found.pages, "social": found.social,
        "results": [_result(r) for r in found.results],
        "facets": {"kind": _facets(found.kinds), "tag": _facets(found.tags),
                   "author": _facets(found.authors), "place": _facets(found.places)},
    }  # fmt: skip


@router.get(
    "/suggest",
    response={200: list[SuggestionOut], codes_4xx: ErrorOut},
    operation_id="search_suggest",
    summary="Suggestions as you type",
    description="People, communities and titles whose words start with what was typed "
    "(at least two characters), at most 10.",
)
def search_suggest(request, params: Query[SuggestParams]):
    return [vars(s) for s in suggest(viewer(request), _clean(params.q), params.limit)]
