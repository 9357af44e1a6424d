import pytest
from django.http import Http404

from kollega import access
from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.content.queries import latest_items, place_items


def test_members_read_restricted_items(org):
    assert access.can_read(org.bob, org.secret_item)
    assert access.item_for(org.bob, org.secret_item.pk) == org.secret_item


def test_it_hides_restricted_items_from_non_members(org):
    assert not access.can_read(org.dana, org.secret_item)
    assert org.secret_item not in access.visible_items(org.dana)
    with pytest.raises(Http404):
        access.item_for(org.dana, org.secret_item.pk)


def test_it_hides_restricted_places_from_non_members(org):
    assert org.secret not in access.visible_places(org.dana)
    with pytest.raises(Http404):
        access.place_for(org.dana, org.secret.slug)
    assert org.secret in access.visible_places(org.bob)


def test_everyone_reads_open_and_moderated_places(org):
    item = create_item(org.alice, org.board_room, kind=Item.Kind.TOPIC, body="Moderated news")
    for person in (org.bob, org.charlie, org.dana):
        assert access.can_read(person, org.open_item)
        assert access.can_read(person, item)


def test_removed_items_are_invisible_to_everyone(org):
    Item.objects.filter(pk=org.open_item.pk).update(removed_at=org.open_item.created)
    org.open_item.refresh_from_db()
    assert not access.can_read(org.alice, org.open_item)
    assert org.open_item not in access.visible_items(org.alice)


def test_lists_leave_out_restricted_items(org):
    ids = [i.pk for i in latest_items(org.dana).items]
    assert org.open_item.pk in ids
    assert org.secret_item.pk not in ids
    assert [i.pk for i in latest_items(org.bob).items].count(org.secret_item.pk) == 1


def test_place_items_of_restricted_place_are_empty_for_outsiders(org):
    assert place_items(org.dana, org.secret).items == []


def test_only_members_post_in_communities(org):
    assert access.can_post(org.alice, org.guild)
    assert not access.can_post(org.dana, org.guild)
    assert access.can_post(org.bob, org.secret)
    assert not access.can_post(org.charlie, org.secret)


def test_board_posting_follows_the_owners_privacy_setting(org):
    from kollega.network.actions import accept_invitation, invite, set_privacy

    assert access.can_post(org.dana, org.bob.board)  # everyone, by default
    set_privacy(org.bob, board_posting="network")
    assert not access.can_post(org.dana, org.bob.board)
    accept_invitation(org.bob, invite(org.dana, org.bob))
    assert access.can_post(org.dana, org.bob.board)
    set_privacy(org.bob, board_posting="me")
    assert not access.can_post(org.dana, org.bob.board)
    assert access.can_post(org.bob, org.bob.board)


def test_private_items_are_read_by_their_author_and_shares_only(org):
    from kollega.content.models import ItemShare

    item = create_item(org.bob, org.bob.board, kind=Item.Kind.BOOKMARK, body="my link")
    Item.objects.filter(pk=item.pk).update(private=True)
    item.refresh_from_db()
    assert access.can_read(org.bob, item)
    assert not access.can_read(org.dana, item)
    assert item not in access.visible_items(org.dana)
    ItemShare.objects.create(item=item, person=org.dana)
    assert access.can_read(org.dana, item)
    assert item in access.visible_items(org.dana)
    assert not access.can_edit(org.dana, item)
    ItemShare.objects.create(item=item, place=org.secret, role=ItemShare.Role.EDITOR)
    assert access.can_edit(org.alice, item)
    assert item not in access.visible_items(org.charlie)
