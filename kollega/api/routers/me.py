"""What belongs to the caller alone: saved items and personal access tokens."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega.api.auth import viewer
from kollega.api.loading import with_questions
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.items import ItemsPage
from kollega.api.schemas.tokens import NewTokenOut, TokenIn, TokenOut
from kollega.content import queries
from kollega.people import actions

router = Router()


class PageParams(Schema):
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


@router.get(
    "/saved",
    response={200: ItemsPage, codes_4xx: ErrorOut},
    operation_id="saved_list",
    summary="Your saved items",
    description="Most recently saved first. Items you can no longer read are left out.",
    tags=["items"],
)
def saved_list(request, params: Query[PageParams]):
    page = queries.saved_items(viewer(request), cursor=params.cursor, limit=params.limit)
    return {"items": with_questions(page.items), "next_cursor": page.next_cursor}


@router.get(
    "/tokens",
    response={200: list[TokenOut], codes_4xx: ErrorOut},
    operation_id="tokens_list",
    summary="Your personal access tokens",
    description="Newest first, revoked ones included. The tokens themselves are never shown "
    "again; recognise them by prefix and name.",
    tags=["tokens"],
)
def tokens_list(request):
    return list(viewer(request).api_tokens.all())


@router.post(
    "/tokens",
    response={201: NewTokenOut, codes_4xx: ErrorOut},
    operation_id="tokens_create",
    summary="Create a personal access token",
    description="The answer holds the token itself, this once: store it now. Send it as "
    "'Authorization: Bearer klg_…'.",
    tags=["tokens"],
)
def tokens_create(request, payload: TokenIn):
    token, plain = actions.create_token(viewer(request), payload.name)
    token.token = plain
    return 201, token


@router.delete(
    "/tokens/{token_id}",
    response={200: TokenOut, codes_4xx: ErrorOut},
    operation_id="tokens_revoke",
    summary="Revoke a personal access token",
    description="It stops working at once. Only your own active tokens can be revoked.",
    tags=["tokens"],
)
def tokens_revoke(request, token_id: Id):
    person = viewer(request)
    # Someone else's token is "not found", like a missing one; an already revoked one of
    # your own is a 400 from the action, which says so.
    if not person.api_tokens.filter(pk=token_id).exists():
        raise Http404("No such token.")
    return actions.revoke_token(person, token_id)
