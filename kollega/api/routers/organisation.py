"""The organisation's structure: the org unit tree and the locations people work from."""

from __future__ import annotations

from ninja import Router

from kollega.api.schemas.common import ErrorOut
from kollega.api.schemas.people import LocationOut, OrgUnitOut
from kollega.people import queries

router = Router(tags=["organisation"])


@router.get(
    "/org-units",
    response={200: list[OrgUnitOut], 401: ErrorOut},
    operation_id="org_units_list",
    summary="The org unit tree",
    description="Every unit with its parent's slug, to build the tree, and its head count.",
)
def org_units_list(request):
    return list(queries.org_units_with_counts())


@router.get(
    "/locations",
    response={200: list[LocationOut], 401: ErrorOut},
    operation_id="locations_list",
    summary="Locations",
    description="Every location with its time zone and head count.",
)
def locations_list(request):
    return list(queries.locations_with_counts())
