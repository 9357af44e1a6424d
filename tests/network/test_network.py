import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega.activity.models import Event
from kollega.network import actions
from kollega.network.common import in_common
from kollega.network.models import Contact, Invitation
from kollega.network.queries import (
    contacts,
    network_size,
    pending_received,
    pending_sent,
    who_connects_us,
)
from kollega.network.suggestions import do_you_know
from kollega.people.actions import tag_person
from tests.factories import person


def connect(a, b):
    actions.accept_invitation(b, actions.invite(a, b))


def test_an_accepted_invitation_makes_a_two_way_contact(org):
    invitation = actions.invite(org.bob, org.dana, "We met at the kick-off")
    assert list(pending_sent(org.bob)) == [invitation]
    assert list(pending_received(org.dana)) == [invitation]
    actions.accept_invitation(org.dana, invitation)
    assert list(contacts(org.bob, org.bob)) == [org.dana]
    assert list(contacts(org.dana, org.dana)) == [org.bob]
    assert not pending_received(org.dana).exists()
    assert Event.objects.filter(verb="connect", actor=org.dana, person=org.bob).exists()


def test_inviting_yourself_is_refused(org):
    with pytest.raises(ValidationError, match="yourself"):
        actions.invite(org.bob, org.bob)


def test_inviting_twice_is_refused(org):
    actions.invite(org.bob, org.dana)
    with pytest.raises(ValidationError, match="already invited"):
        actions.invite(org.bob, org.dana)
    assert Invitation.objects.count() == 1


def test_inviting_a_contact_is_refused(org):
    connect(org.bob, org.dana)
    with pytest.raises(ValidationError, match="already in your network"):
        actions.invite(org.dana, org.bob)


def test_inviting_back_accepts_the_pending_invitation(org):
    actions.invite(org.bob, org.dana)
    actions.invite(org.dana, org.bob)
    assert Contact.objects.filter(person=org.bob, other=org.dana).exists()


def test_nobody_accepts_someone_elses_invitation(org):
    invitation = actions.invite(org.bob, org.dana)
    with pytest.raises(PermissionDenied):
        actions.accept_invitation(org.charlie, invitation)
    assert not Contact.objects.exists()


def test_an_ignored_invitation_cannot_be_accepted_later(org):
    invitation = actions.invite(org.bob, org.dana)
    actions.ignore_invitation(org.dana, invitation)
    with pytest.raises(ValidationError, match="already answered"):
        actions.accept_invitation(org.dana, invitation)


def test_either_side_removes_a_contact(org):
    connect(org.bob, org.dana)
    actions.remove_contact(org.dana, org.bob)
    assert not Contact.objects.exists()
    with pytest.raises(ValidationError):
        actions.remove_contact(org.dana, org.bob)


def test_following_is_one_way_and_once(org):
    actions.follow_person(org.dana, org.alice)
    with pytest.raises(ValidationError):
        actions.follow_person(org.dana, org.alice)
    with pytest.raises(ValidationError):
        actions.follow_person(org.dana, org.dana)
    actions.unfollow_person(org.dana, org.alice)
    with pytest.raises(ValidationError):
        actions.unfollow_person(org.dana, org.alice)


def test_a_hidden_network_is_hidden(org):
    connect(org.bob, org.charlie)
    actions.set_privacy(org.bob, network_visibility="me")
    assert network_size(org.dana, org.bob) is None
    assert not contacts(org.dana, org.bob).exists()
    assert network_size(org.bob, org.bob) == 1
    actions.set_privacy(org.bob, network_visibility="network")
    assert network_size(org.charlie, org.bob) == 1
    assert network_size(org.dana, org.bob) is None


def test_a_bad_privacy_value_is_refused(org):
    with pytest.raises(ValidationError):
        actions.set_privacy(org.bob, network_visibility="friends")


def test_the_network_list_is_searchable(org):
    connect(org.alice, org.bob)
    connect(org.alice, org.charlie)
    assert list(contacts(org.alice, org.alice, q="ch")) == [org.charlie]


def test_who_connects_us_finds_the_shortest_paths(org):
    erin = person("erin", "Erin Ek")
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.bob, erin)
    connect(org.dana, org.charlie)
    connect(org.charlie, org.bob)
    result = who_connects_us(org.dana, erin)
    assert result.hops == 3
    middles = {tuple(p.username for p in path[1:-1]) for path in result.paths}
    assert middles == {("alice", "bob"), ("charlie", "bob")}
    two = who_connects_us(org.dana, org.bob)
    assert two.hops == 2 and two.shared_contacts == 2


def test_paths_never_reveal_a_hidden_contact(org):
    erin = person("erin", "Erin Ek")
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.bob, erin)
    actions.set_privacy(org.bob, network_visibility="me")
    actions.set_privacy(erin, network_visibility="me")
    assert who_connects_us(org.dana, erin).paths == []


def test_who_connects_us_asks_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    connect(org.bob, org.charlie)
    with django_assert_max_num_queries(6):
        assert who_connects_us(org.dana, org.charlie).hops == 3


def test_things_in_common(org):
    connect(org.bob, org.alice)
    connect(org.charlie, org.alice)
    tag_person(org.dana, org.bob, "kubernetes")
    tag_person(org.dana, org.charlie, "kubernetes")
    from kollega.places.actions import join_place

    join_place(org.bob, org.guild)
    join_place(org.charlie, org.guild)
    common = in_common(org.bob, org.charlie)
    assert common.shared_contacts == [org.alice]
    assert common.communities == [org.guild]
    assert common.tags_received == ["kubernetes"]
    assert common.same_manager == org.alice
    assert common.same_org_unit


def test_do_you_know_ranks_people_with_reasons(org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    suggestions = do_you_know(org.dana)
    assert suggestions[0].person == org.bob
    assert "1 shared contact" in suggestions[0].reasons
    assert org.alice not in [s.person for s in suggestions]


def test_a_dismissed_suggestion_does_not_return(org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    actions.dismiss_suggestion(org.dana, org.bob)
    assert org.bob not in [s.person for s in do_you_know(org.dana)]


def test_invited_people_are_not_suggested(org):
    actions.invite(org.bob, org.charlie)
    assert org.charlie not in [s.person for s in do_you_know(org.bob)]


def test_shared_contacts_are_not_counted_when_they_are_hidden(org):
    connect(org.dana, org.alice)
    connect(org.alice, org.bob)
    actions.set_privacy(org.bob, network_visibility="me")
    actions.set_privacy(org.alice, network_visibility="me")
    assert who_connects_us(org.dana, org.bob).shared_contacts == 0
