from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class ReasonOut(Schema):
    code: str = Field(
        description="text, likes, liked-by-network, author-in-network, community, "
        "bookmarks, bookmark-tags, bookmarked-by-network, author-tagged, recent, contact, "
        "tagged, member"
    )
    text: str = Field(description="The reason in words, in the request's language.")
    contribution: float = Field(description="What it adds to the score.")


class AuthorOut(Schema):
    username: str
    name: str


class PlaceOut(Schema):
    slug: str
    name: str
    kind: str


class ResultOut(Schema):
    kind: str = Field(description="An item kind, person or community.")
    kind_label: str
    title: str
    title_html: str = Field(description="The title, escaped, with matches in <mark>.")
    snippet_html: str = Field(description="Text around the matches, escaped, in <mark>.")
    url: str = Field(description="The web page of the result (a path).")
    item_id: int | None = None
    created: dt.datetime
    score: float
    reasons: list[ReasonOut] = Field(description="Why it ranks here, biggest part first.")
    author: AuthorOut | None = None
    place: PlaceOut | None = None


class FacetOut(Schema):
    value: str = Field(description="Pass back as the filter's value.")
    label: str
    count: int | None = Field(
        description="Matches the caller may see; null for the other kinds while kinds are chosen "
        "(the results hold only the chosen ones)."
    )


class FacetsOut(Schema):
    kind: list[FacetOut]
    tag: list[FacetOut]
    author: list[FacetOut]
    place: list[FacetOut]


class SearchOut(Schema):
    total: int = Field(description="Matches you may see (pages cover the best 200).")
    page: int
    pages: int
    social: bool
    results: list[ResultOut]
    facets: FacetsOut


class SuggestionOut(Schema):
    kind: str
    kind_label: str
    label: str
    detail: str
    url: str
