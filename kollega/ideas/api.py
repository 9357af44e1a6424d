"""Ideas in communities: listing, submitting, voting and owners' decisions.

Ideas are read through kollega.access: a restricted community's ideas are 404 to outsiders,
the same as ideas that do not exist.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.ideas import actions, queries
from kollega.ideas.models import Idea
from kollega.ideas.schemas import DecisionIn, IdeaIn, IdeaOut, IdeasPage
from kollega.places.models import Place

router = Router(tags=["ideas"])

MAX_OFFSET = 100_000


class ListParams(Schema):
    place: Text = Field(description="The community's slug.")
    state: Text = Field("", description="open, accepted, duplicate or declined; empty for all.")
    sort: Text = Field("votes", description="votes (most first) or newest.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    limit: Limit = DEFAULT_LIMIT


def _community(person, slug: str) -> Place:
    place = access.place_for(person, slug)
    if place.kind != Place.Kind.COMMUNITY:
        raise Http404("No such community.")
    return place


@router.get(
    "",
    response={200: IdeasPage, codes_4xx: ErrorOut},
    operation_id="ideas_list",
    summary="A community's ideas",
    description="Sorted by votes or newest, optionally in one state; with your votes left "
    "when the community caps votes.",
)
def ideas_list(request, params: Query[ListParams]):
    person = viewer(request)
    place = _community(person, params.place)
    if params.state and params.state not in Idea.State.values:
        raise ValidationError({"state": "Use open, accepted, duplicate or declined."})
    if params.sort not in queries.SORTS:
        raise ValidationError({"sort": "Use votes or newest."})
    ideas = queries.place_ideas(person, place, sort=params.sort, state=params.state)
    count = ideas.count()
    rows = queries.mark_voted(person, list(ideas[params.offset : params.offset + params.limit]))
    end = params.offset + len(rows)
    allowance = queries.allowance(person, place)
    is_member = access.role_in(person, place) is not None
    return {
        "count": count,
        "items": rows,
        "next_offset": end if end < count else None,
        "vote_cap": place.idea_vote_cap,
        "votes_left": allowance.left if is_member else None,
    }


@router.post(
    "",
    response={201: IdeaOut, codes_4xx: ErrorOut},
    operation_id="ideas_create",
    summary="Submit an idea",
    description="Members of the community may.",
)
def ideas_create(request, payload: IdeaIn):
    person = viewer(request)
    place = _community(person, payload.place)
    item = actions.create_idea(
        person, place, title=payload.title, body=payload.body, tags=payload.tags
    )
    return 201, queries.idea_detail(person, item.pk)


@router.get(
    "/{item_id}",
    response={200: IdeaOut, codes_4xx: ErrorOut},
    operation_id="ideas_get",
    summary="An idea",
)
def ideas_get(request, item_id: Id):
    return queries.idea_detail(viewer(request), item_id)


@router.put(
    "/{item_id}/vote",
    response={200: IdeaOut, codes_4xx: ErrorOut},
    operation_id="ideas_vote",
    summary="Vote for an idea",
    description="Members only, while it is open; voting twice changes nothing. Refused (400) "
    "beyond the community's cap of votes on open ideas.",
)
def ideas_vote(request, item_id: Id):
    person = viewer(request)
    actions.vote(person, queries.idea_detail(person, item_id))
    return queries.idea_detail(person, item_id)


@router.delete(
    "/{item_id}/vote",
    response={200: IdeaOut, codes_4xx: ErrorOut},
    operation_id="ideas_unvote",
    summary="Take back your vote",
    description="While the idea is open.",
)
def ideas_unvote(request, item_id: Id):
    person = viewer(request)
    actions.unvote(person, queries.idea_detail(person, item_id))
    return queries.idea_detail(person, item_id)


@router.post(
    "/{item_id}/decision",
    response={200: IdeaOut, codes_4xx: ErrorOut},
    operation_id="ideas_decide",
    summary="Decide on an idea",
    description="Community owners accept or decline it, mark it a duplicate of another idea "
    "in the community (duplicate_of), or reopen it.",
)
def ideas_decide(request, item_id: Id, payload: DecisionIn):
    person = viewer(request)
    item = queries.idea_detail(person, item_id)
    actions.decide(
        person, item, state=payload.state, duplicate_of=payload.duplicate_of, note=payload.note
    )
    return queries.idea_detail(person, item_id)
