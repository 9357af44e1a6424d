"""A small organisation whose people's roles are obvious from their names.

- alice heads Engineering in Stockholm; bob (Toronto) and charlie (Austin) report to her.
- dana works in Sales in Stockholm and belongs to nothing of Engineering's: the outsider.
- staff is an administrator.
- "Platform Guild" is open, "Architecture Board" moderated, "Secret Project" restricted to
  alice and bob.
"""

from __future__ import annotations

from dataclasses import dataclass

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.people.actions import create_person, get_or_create_location, get_or_create_org_unit
from kollega.people.models import Person
from kollega.places.actions import add_member, create_community
from kollega.places.models import Place

PASSWORD = "correct horse battery staple"


@dataclass
class Org:
    alice: Person
    bob: Person
    charlie: Person
    dana: Person
    staff: Person
    guild: Place
    board_room: Place
    secret: Place
    open_item: Item
    secret_item: Item


def person(username: str, name: str, **profile) -> Person:
    return create_person(
        username, name, email=f"{username}@example.com", password=PASSWORD, **profile
    )


def build_org() -> Org:
    engineering = get_or_create_org_unit("Engineering")
    platform = get_or_create_org_unit("Platform", parent=engineering)
    sales = get_or_create_org_unit("Sales")
    stockholm = get_or_create_location("SE", "Stockholm", "Europe/Stockholm")
    toronto = get_or_create_location("CA", "Toronto", "America/Toronto")
    austin = get_or_create_location("US", "Austin", "America/Chicago")

    alice = person("alice", "Alice Andersson", job_title="Head of Engineering",
                   org_unit=engineering, location=stockholm)  # fmt: skip
    bob = person("bob", "Bob Brown", job_title="Platform Engineer", org_unit=platform,
                 location=toronto, manager=alice)  # fmt: skip
    charlie = person("charlie", "Charlie Chen", job_title="Site Reliability Engineer",
                     org_unit=platform, location=austin, manager=alice)  # fmt: skip
    dana = person("dana", "Dana Dahl", job_title="Account Manager", org_unit=sales,
                  location=stockholm)  # fmt: skip
    staff = create_person("staff", "Sam Staff", email="staff@example.com", password=PASSWORD,
                          is_staff=True, is_superuser=True)  # fmt: skip

    guild = create_community(alice, "Platform Guild", tags="platform kubernetes")
    board_room = create_community(alice, "Architecture Board", access=Place.Access.MODERATED)
    secret = create_community(alice, "Secret Project", access=Place.Access.RESTRICTED)
    add_member(alice, secret, bob)

    open_item = create_item(alice, guild, kind=Item.Kind.TOPIC, title="Kubernetes upgrade plan",
                            body="We upgrade **next week**.", tags="kubernetes")  # fmt: skip
    secret_item = create_item(bob, secret, kind=Item.Kind.TOPIC, title="Codename Falcon",
                              body="Falcon launches in May.", tags="falcon")  # fmt: skip
    return Org(alice, bob, charlie, dana, staff, guild, board_room, secret, open_item, secret_item)
