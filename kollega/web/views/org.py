"""The org chart: the tree of departments with head counts, and one department's page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from kollega.people import queries as people_queries
from kollega.people.models import OrgUnit

PER_PAGE = 50


@dataclass
class Node:
    unit: OrgUnit
    direct: int
    children: list[Node] = field(default_factory=list)
    total: int = 0


def unit_tree() -> list[Node]:
    """Every unit with its own and its subtree's head count, in one query.

    The tree is built in Python: departments number in the hundreds, not millions, and
    a recursive query would differ between SQLite and PostgreSQL for no gain.
    """
    units = OrgUnit.objects.annotate(direct=Count("people")).order_by("name")
    nodes = {u.pk: Node(u, u.direct) for u in units}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)

    def total(node: Node, seen: set[int]) -> int:
        # "seen" cuts a loop in bad data instead of recursing forever.
        seen.add(node.unit.pk)
        node.total = node.direct + sum(
            total(c, seen) for c in node.children if c.unit.pk not in seen
        )
        return node.total

    seen: set[int] = set()
    for root in roots:
        total(root, seen)
    return roots


def org_chart(request):
    return render(request, "org_chart.html", {"roots": unit_tree()})


def org_unit(request, slug: str):
    unit = get_object_or_404(OrgUnit.objects.select_related("parent"), slug=slug)
    subunits = OrgUnit.objects.filter(parent=unit).annotate(direct=Count("people")).order_by("name")
    people = people_queries.people().filter(org_unit=unit).order_by("search_name", "pk")
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    context = {"unit": unit, "ancestors": unit.ancestors(), "subunits": subunits, "page": page}
    return render(request, "org_unit.html", context)
