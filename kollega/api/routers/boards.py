"""Boards, where people write to each other, and questions with accepted answers.

A board belongs to a person: its owner writes status updates there, and others write posts as
the owner's "who may post on my board" setting allows. Any entry (or other item) can become a
question, and its asker accepts replies as answers.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.loading import with_questions
from kollega.api.routers.items import fresh
from kollega.api.routers.people import person_with_board
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.items import AnswerOut, BoardPage, BoardPostIn, ItemOut
from kollega.content import actions, queries
from kollega.content.models import Item, Reply
from kollega.people.models import Audience, Person
from kollega.places.models import Place

router = Router(tags=["boards"])


class PageParams(Schema):
    cursor: Text | None = Field(None, description="next_cursor of the previous page.")
    limit: Limit = DEFAULT_LIMIT


def board_of(person: Person) -> Place:
    board = getattr(person, "board", None)
    if board is None:
        raise Http404(_("%(p)s has no board.") % {"p": person.name})
    return board


def closed_board_message(owner: Person) -> str:
    if owner.board_posting == Audience.NETWORK:
        return _("%(p)s lets only their contacts post on their board.") % {"p": owner.name}
    return _("Only %(p)s posts on their board.") % {"p": owner.name}


@router.get(
    "/people/{username}/board",
    response={200: BoardPage, codes_4xx: ErrorOut},
    operation_id="board_list",
    summary="A person's board",
    description="Their status updates and the posts colleagues wrote them, newest first; pass "
    "next_cursor back as cursor for more. can_post says whether you may write here.",
)
def board_list(request, username: Text, params: Query[PageParams]):
    person = viewer(request)
    board = board_of(person_with_board(username))
    page = queries.board_items(person, board, cursor=params.cursor, limit=params.limit)
    return {
        "items": with_questions(page.items),
        "next_cursor": page.next_cursor,
        "can_post": access.can_post(person, board),
    }


@router.post(
    "/people/{username}/board",
    response={201: ItemOut, codes_4xx: ErrorOut},
    operation_id="board_post",
    summary="Write on a person's board",
    description="On your own board it is a status update; on a colleague's, a post, if their "
    "setting lets you (403 otherwise). @username mentions a colleague and notifies them; a "
    "name nobody has is a 400, as is an empty or overlong text.",
)
def board_post(request, username: Text, payload: BoardPostIn):
    person = viewer(request)
    owner = person_with_board(username)
    board = board_of(owner)
    if not access.can_post(person, board):
        raise PermissionDenied(closed_board_message(owner))
    item = actions.create_item(
        person, board, kind=Item.Kind.POST, body=payload.body, tags=payload.tags
    )
    return 201, fresh(request, item.pk)


@router.post(
    "/items/{item_id}/question",
    response={200: ItemOut, codes_4xx: ErrorOut},
    operation_id="items_mark_question",
    summary="Mark your item as a question",
    description="Only its author may. From then on the asker can accept replies as answers, "
    "and the times to first reply and to answer are kept.",
    tags=["items"],
)
def items_mark_question(request, item_id: Id):
    person = viewer(request)
    actions.mark_as_question(person, access.item_for(person, item_id))
    return fresh(request, item_id)


def _reply_for(person: Person, item_id: int, reply_id: int) -> Reply:
    item = access.item_for(person, item_id)
    reply = queries.item_replies(person, item).filter(pk=reply_id).first()
    if reply is None:
        raise Http404("No such reply.")
    reply.item = item
    return reply


@router.post(
    "/items/{item_id}/replies/{reply_id}/accept",
    response={200: AnswerOut, codes_4xx: ErrorOut},
    operation_id="answers_accept",
    summary="Accept a reply as the answer",
    description="Only the asker may, on a question, and not their own reply. More than one "
    "reply may be accepted; the first makes the question answered.",
    tags=["items"],
)
def answers_accept(request, item_id: Id, reply_id: Id):
    person = viewer(request)
    reply = _reply_for(person, item_id, reply_id)
    question = actions.accept_answer(person, reply)
    return {"reply": reply, "question": question}


@router.delete(
    "/items/{item_id}/replies/{reply_id}/accept",
    response={200: AnswerOut, codes_4xx: ErrorOut},
    operation_id="answers_unaccept",
    summary="Take back an accepted answer",
    description="When no accepted reply is left, the question is open again.",
    tags=["items"],
)
def answers_unaccept(request, item_id: Id, reply_id: Id):
    person = viewer(request)
    reply = _reply_for(person, item_id, reply_id)
    question = actions.unaccept_answer(person, reply)
    return {"reply": reply, "question": question}
