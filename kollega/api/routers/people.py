"""The people directory, profiles and the tags colleagues give each other."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from kollega.api.auth import viewer
from kollega.api.schemas.common import DEFAULT_LIMIT, ErrorOut, Id, Limit, Text
from kollega.api.schemas.people import (
    PeoplePage,
    PersonOut,
    PersonSummaryOut,
    ProfileTagsIn,
    ProfileTagsOut,
    ProfileUpdateIn,
)
from kollega.core.tags import normalise
from kollega.people import actions, queries
from kollega.people.models import Location, OrgUnit, Person

router = Router(tags=["people"])

# Deep offsets get slow; past this, narrow the search instead of paging further.
MAX_OFFSET = 100_000
SUGGESTIONS = 10


class DirectoryFilters(Schema):
    q: Text = Field("", description="Name prefix (any word), username prefix or job title.")
    org_unit: Text = Field("", description="An org unit's slug; includes its sub-units.")
    country: Text = Field("", description="ISO 3166 code, e.g. SE.")
    location: Id | None = Field(None, description="A location's id.")
    tag: Text = Field("", description="A profile tag.")
    limit: Limit = DEFAULT_LIMIT
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def profiles() -> QuerySet[Person]:
    return queries.people().select_related("manager")


def person_named(username: Text) -> Person:
    person = profiles().filter(username=username).first()
    if person is None:
        raise Http404(f"No one has the username “{username}”.")
    return person


def person_with_board(username: Text) -> Person:
    """The person with their board loaded (and the board's owner set), or 404."""
    person = queries.people().select_related("board").filter(username=username).first()
    if person is None:
        raise Http404(f"No one has the username “{username}”.")
    board = getattr(person, "board", None)
    if board is not None:
        board.owner = person
    return person


def _tag_filter(tag: Text) -> str:
    # Filters match stored tags, which are normalised ("Machine Learning" -> machine-learning).
    return normalise(tag) if tag.strip() else ""


@router.get(
    "",
    response={200: PeoplePage, codes_4xx: ErrorOut},
    operation_id="people_list",
    summary="Search the directory",
    description="People by name, department (with its sub-units), location, country and tag, "
    "ordered by name.",
)
def people_list(request, filters: Query[DirectoryFilters]):
    org_unit = None
    if filters.org_unit:
        org_unit = OrgUnit.objects.filter(slug=filters.org_unit).first()
        if org_unit is None:
            raise ValidationError(
                {"org_unit": f"There is no org unit with the slug “{filters.org_unit}”."}
            )
    qs = queries.directory(
        q=filters.q,
        org_unit=org_unit,
        location_id=filters.location,
        country=filters.country.strip(),
        tag=_tag_filter(filters.tag),
    ).select_related("manager")
    count = qs.count()
    rows = list(qs[filters.offset : filters.offset + filters.limit])
    end = filters.offset + len(rows)
    return {"count": count, "items": rows, "next_offset": end if end < count else None}


@router.get(
    "/me",
    response={200: PersonOut, codes_4xx: ErrorOut},
    operation_id="people_me",
    summary="Your profile",
)
def people_me(request):
    return person_named(viewer(request).username)


@router.patch(
    "/me",
    response={200: PersonOut, codes_4xx: ErrorOut},
    operation_id="people_update_me",
    summary="Edit your profile",
    description="Send only the fields to change. org_unit is a slug, location an id and "
    "manager a username; null clears them.",
)
def people_update_me(request, payload: ProfileUpdateIn):
    me = viewer(request)
    changes = payload.dict(exclude_unset=True)
    if "org_unit" in changes and changes["org_unit"] is not None:
        changes["org_unit"] = _lookup(OrgUnit, "org_unit", slug=changes["org_unit"])
    if "location" in changes and changes["location"] is not None:
        changes["location"] = _lookup(Location, "location", pk=changes["location"])
    if "manager" in changes and changes["manager"] is not None:
        changes["manager"] = _lookup(Person, "manager", username=changes["manager"])
    actions.update_profile(me, me, **changes)
    return person_named(me.username)


def _lookup(model, field: str, **where):
    (value,) = where.values()
    found = model.objects.filter(**where).first()
    if found is None:
        raise ValidationError({field: f"There is no {field.replace('_', ' ')} “{value}”."})
    return found


class SuggestParams(Schema):
    q: Text = Field("", max_length=100, description="What was typed after the @.")


@router.get(
    "/suggest",
    response={200: list[PersonSummaryOut], codes_4xx: ErrorOut},
    operation_id="people_suggest",
    summary="Complete an @mention",
    description=f"At most {SUGGESTIONS} people whose name (any word) or username starts with q, "
    "ordered by name. An empty q gives an empty list.",
)
def people_suggest(request, params: Query[SuggestParams]):
    return list(queries.mention_candidates(params.q, SUGGESTIONS))


@router.get(
    "/{username}",
    response={200: PersonOut, codes_4xx: ErrorOut},
    operation_id="people_get",
    summary="A colleague's profile",
)
def people_get(request, username: Text):
    return person_named(username)


@router.get(
    "/{username}/tags",
    response={200: ProfileTagsOut, codes_4xx: ErrorOut},
    operation_id="profile_tags_list",
    summary="Tags on a profile",
    description="Tags colleagues gave, with how many and who, and the person's own tags.",
)
def profile_tags_list(request, username: Text):
    return queries.profile_tags(person_named(username), viewer(request))


@router.post(
    "/{username}/tags",
    response={200: ProfileTagsOut, codes_4xx: ErrorOut},
    operation_id="profile_tags_add",
    summary="Tag a colleague (or yourself)",
    description='Tags as a list or as one string: {"tags": "python, kubernetes"}. Giving a '
    "tag twice changes nothing.",
)
def profile_tags_add(request, username: Text, payload: ProfileTagsIn):
    person = person_named(username)
    actions.tag_person(viewer(request), person, payload.tags)
    return queries.profile_tags(person, viewer(request))


@router.delete(
    "/{username}/tags/{tag}",
    response={200: ProfileTagsOut, codes_4xx: ErrorOut},
    operation_id="profile_tags_remove",
    summary="Remove a tag from a profile",
    description="The profile's owner removes a tag entirely; anyone else withdraws only the "
    "tag they gave.",
)
def profile_tags_remove(request, username: Text, tag: Text):
    person = person_named(username)
    actions.remove_person_tag(viewer(request), person, normalise(tag))
    return queries.profile_tags(person, viewer(request))
