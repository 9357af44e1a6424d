"""Discovery: expertise, expert search, Ask (suggest, post, status), questions addressed
to you, and recommendations. Everything is read through kollega.access; expertise is built
from public evidence only, so it is the same for every viewer."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega import access
from kollega.api.auth import viewer
from kollega.api.schemas.common import ErrorOut, Id, Text, web_url
from kollega.content.models import Question
from kollega.discovery import actions, ask, queries, recommendations
from kollega.discovery.experts import experts_for, explain, top_topics
from kollega.discovery.models import Responsiveness
from kollega.discovery.schemas import (
    AskPostIn,
    AskStatusOut,
    ExpertiseOut,
    ExpertOut,
    RecommendationOut,
    RoutedQuestionOut,
    SuggestIn,
    SuggestionOut,
)
from kollega.people.models import Person
from kollega.places.models import Place

router = Router(tags=["discovery"])

MAX_QUERY = 500


def _person(username: str) -> Person:
    person = Person.objects.filter(username=username, user__is_active=True).first()
    if person is None:
        raise Http404("No such person.")
    return person


def _topic(row) -> dict:
    return {
        "tag": row.tag.name, "score": row.score, "self_tagged": row.self_tagged,
        "taggers": row.taggers, "items": row.items, "answers": row.answers,
        "bookmarks": row.bookmarks, "why": explain(row),
    }  # fmt: skip


@router.get(
    "/expertise/{username}",
    response={200: ExpertiseOut, codes_4xx: ErrorOut},
    operation_id="expertise_get",
    summary="What a person knows about",
    description="Their best topics with the evidence for each, and how they answer questions.",
)
def expertise_get(request, username: Text, limit: int = Query(10, ge=1, le=50)):
    viewer(request)
    person = _person(username)
    answers = Responsiveness.objects.filter(person=person).first()
    return {
        "person": person,
        "topics": [_topic(r) for r in top_topics(person, limit)],
        "responsiveness": answers,
    }


class ExpertParams(Schema):
    q: Text = Field(..., min_length=1, max_length=MAX_QUERY, description="Topics or words.")
    limit: int = Field(10, ge=1, le=50)


@router.get(
    "/experts",
    response={200: list[ExpertOut], codes_4xx: ErrorOut},
    operation_id="experts_search",
    summary="People who know about a topic",
    description="Words and tags are matched against everyone's expertise; best match first.",
)
def experts_search(request, params: Query[ExpertParams]):
    found = experts_for(params.q, viewer(request), params.limit)
    return [
        {"person": e.person, "match": round(e.match, 4), "reasons": e.reasons,
         "topics": [_topic(r) for r in e.topics]}
        for e in found
    ]  # fmt: skip


def _suggestion(s: ask.Suggestion) -> dict:
    return {
        "person": s.person, "score": s.score, "reasons": s.reasons, "hops": s.hops,
        "path": s.path, "shared_contacts": s.shared,
        "median_response_seconds": s.answers.median_seconds if s.answers else None,
        "answer_rate": s.answers.answer_rate if s.answers else None,
    }  # fmt: skip


@router.post(
    "/ask/suggestions",
    response={200: list[SuggestionOut], codes_4xx: ErrorOut},
    operation_id="ask_suggest",
    summary="Who is most likely to answer this question",
    description="Expertise on the question's tags and words, responsiveness and closeness, "
    "each explained; the path through shared contacts is included.",
)
def ask_suggest(request, payload: SuggestIn):
    found = ask.suggest(viewer(request), title=payload.title, body=payload.body,
                        tags=payload.tags, limit=payload.limit)  # fmt: skip
    return [_suggestion(s) for s in found]


def _status(person: Person, item_id: int) -> dict:
    item = access.item_for(person, item_id)
    question = Question.objects.filter(item=item).first()
    if question is None:
        raise Http404("No such question.")
    return {
        "id": item.pk, "title": item.display_title, "place": item.place,
        "state": question.state, "routed": queries.routed_for_item(item),
        "reply_count": item.reply_count, "url": None,
    }  # fmt: skip


@router.post(
    "/ask",
    response={201: AskStatusOut, codes_4xx: ErrorOut},
    operation_id="ask_post",
    summary="Ask a question and address it to people",
    description="Posted as a question in a community you belong to (place) or on your own "
    "board; the people named in experts are notified and see it in their action list.",
)
def ask_post(request, payload: AskPostIn):
    person = viewer(request)
    place = None
    if payload.place:
        place = access.place_for(person, payload.place)
        if place.kind == Place.Kind.ORGANISATION:
            raise Http404("No such community.")
    names = list(dict.fromkeys(payload.experts))
    people = list(Person.objects.filter(username__in=names, user__is_active=True)
                  .select_related("user"))  # fmt: skip
    missing = set(names) - {p.username for p in people}
    if missing:
        names = ", ".join(sorted(missing))
        raise ValidationError({"experts": _("Nobody here is called %(names)s.") % {"names": names}})
    item = actions.ask_question(person, title=payload.title, body=payload.body,
                                tags=payload.tags, place=place, experts=people)  # fmt: skip
    return 201, _with_url(request, _status(person, item.pk))


def _with_url(request, status: dict) -> dict:
    status["url"] = request.build_absolute_uri(reverse("ask-status", args=[status["id"]]))
    return status


@router.get(
    "/ask/{item_id}",
    response={200: AskStatusOut, codes_4xx: ErrorOut},
    operation_id="ask_get",
    summary="A question's status: who it was addressed to, who answered",
)
def ask_get(request, item_id: Id):
    return _with_url(request, _status(viewer(request), item_id))


@router.get(
    "/routed",
    response={200: list[RoutedQuestionOut], codes_4xx: ErrorOut},
    operation_id="routed_questions_list",
    summary="Questions addressed to you, still waiting for you",
)
def routed_questions_list(request, limit: int = Query(20, ge=1, le=100)):
    return queries.routed_to(viewer(request), limit)


@router.post(
    "/routed/{routed_id}/decline",
    response={200: RoutedQuestionOut, codes_4xx: ErrorOut},
    operation_id="routed_questions_decline",
    summary="Say you cannot answer a question addressed to you",
)
def routed_questions_decline(request, routed_id: Id):
    person = viewer(request)
    routed = queries.routed_for(person, routed_id)
    return actions.decline_routed(person, routed)


@router.get(
    "/recommendations",
    response={200: list[RecommendationOut], codes_4xx: ErrorOut},
    operation_id="recommendations_list",
    summary="Items for you that you have not seen, each with its reason",
)
def recommendations_list(request, limit: int = Query(10, ge=1, le=50)):
    found = recommendations.recommendations(viewer(request), limit)
    return [
        {"item_id": r.item.pk, "title": r.item.display_title, "kind": r.item.kind,
         "author": r.item.author, "place": r.item.place, "created": r.item.created,
         "score": round(r.score, 4), "reasons": [t for _c, t in r.reasons],
         "reason_codes": r.reason_codes, "url": web_url({"request": request}, r.item)}
        for r in found
    ]  # fmt: skip


@router.post(
    "/recommendations/{item_id}/dismiss",
    response={204: None, codes_4xx: ErrorOut},
    operation_id="recommendations_dismiss",
    summary="Do not recommend this item again",
)
def recommendations_dismiss(request, item_id: Id):
    person = viewer(request)
    actions.dismiss_recommendation(person, access.item_for(person, item_id))
    return 204, None


@router.post(
    "/seen/{item_id}",
    response={204: None, codes_4xx: ErrorOut},
    operation_id="items_mark_seen",
    summary="Note that you have seen an item (it is then not recommended)",
)
def items_mark_seen(request, item_id: Id):
    person = viewer(request)
    actions.mark_seen(person, access.item_for(person, item_id))
    return 204, None
