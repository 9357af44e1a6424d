"""What the header of every page counts, in one query: {% header_counts as header %}.

Every page pays for the header, so its three questions (unread notifications, pending
network invitations, does the viewer own a community, i.e. may they review reports) are
asked as scalar subqueries of one SELECT instead of three round trips.
"""

from __future__ import annotations

from django import template
from django.db.models import Exists, IntegerField, Q, Subquery

from kollega import access
from kollega.moderation.queries import owned_communities
from kollega.network.queries import pending_received
from kollega.notifications.models import Notification
from kollega.notifications.queries import UNREAD_CAP
from kollega.people.models import Person

register = template.Library()


class CountOf(Subquery):
    """``(SELECT COUNT(*) FROM (subquery))``: counts a sliced queryset, so a cap applies."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def header_counts_for(person: Person, *, is_staff: bool) -> dict:
    # Like kollega.notifications.queries.unread_count: a notification about an item the
    # viewer may no longer read (restricted, removed) is not counted.
    unread = (
        Notification.objects.filter(recipient=person, read_at__isnull=True)
        .filter(Q(item__isnull=True) | Q(item__in=access.visible_items(person).values("pk")))
        .order_by()
        .values("pk")[: UNREAD_CAP + 1]
    )
    invitations = pending_received(person).order_by().values("pk")
    owner = owned_communities(person)
    row = (
        Person.objects.filter(pk=person.pk)
        .values(unread=CountOf(unread), invitations=CountOf(invitations), owner=Exists(owner))
        .first()
    )
    if row is None:
        return {"unread": 0, "invitations": 0, "reviewer": False}
    return {
        "unread": row["unread"],
        "invitations": row["invitations"],
        # Who may open the moderation queue (kollega.moderation.queries.is_reviewer).
        "reviewer": row["owner"] or is_staff,
    }


@register.simple_tag(takes_context=True)
def header_counts(context) -> dict:
    request = context.get("request")
    person = getattr(request, "person", None)
    if person is None:
        return {"unread": 0, "invitations": 0, "reviewer": False}
    # request.user is loaded already (request.person was found through it); person.user
    # would be one more query.
    return header_counts_for(person, is_staff=request.user.is_staff)
