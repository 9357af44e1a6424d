from kollega.content import actions as content
from kollega.content.models import Item
from kollega.network import actions as network
from kollega.notifications import actions
from kollega.notifications.models import Notification
from kollega.notifications.queries import grouped, unread_count
from kollega.people.actions import tag_person
from kollega.places import actions as places


def reasons(person):
    return sorted(Notification.objects.filter(recipient=person).values_list("reason", flat=True))


def test_a_mention_tells_the_person_mentioned(org):
    content.create_item(org.bob, org.bob.board, kind="status", body="Ping @charlie")
    assert reasons(org.charlie) == ["mention"]
    assert reasons(org.bob) == []


def test_a_post_on_my_board_tells_me(org):
    content.create_item(org.dana, org.bob.board, kind="post", body="Hi Bob")
    assert reasons(org.bob) == ["board_post"]


def test_replies_tell_the_author_and_the_thread(org):
    item = content.create_item(org.alice, org.guild, kind="topic", title="T", body="Body")
    content.reply_to_item(org.bob, item, "First")
    content.reply_to_item(org.charlie, item, "Second")
    assert reasons(org.alice) == ["reply", "reply"]
    assert reasons(org.bob) == ["thread"]
    assert reasons(org.charlie) == []


def test_answers_and_accepted_answers(org):
    item = content.create_item(org.alice, org.guild, kind="question", title="Q?", body="How?")
    reply = content.reply_to_item(org.bob, item, "Like so")
    content.accept_answer(org.alice, reply)
    assert reasons(org.alice) == ["answer"]
    assert reasons(org.bob) == ["accepted"]


def test_invitations_and_their_acceptance(org):
    invitation = network.invite(org.bob, org.dana)
    network.accept_invitation(org.dana, invitation)
    assert reasons(org.dana) == ["invitation"]
    assert reasons(org.bob) == ["connected"]


def test_join_requests_tell_owners_and_decisions_tell_the_requester(org):
    request = places.request_to_join(org.dana, org.board_room)
    assert reasons(org.alice) == ["join_request"]
    places.decide_request(org.alice, request, approve=True)
    assert reasons(org.dana) == ["join_decision"]


def test_likes_and_tags_tell_the_person(org):
    content.like_item(org.bob, org.open_item)
    tag_person(org.bob, org.alice, "kubernetes")
    assert reasons(org.alice) == ["like", "tagged"]


def test_notifications_are_grouped_per_thread(org):
    item = content.create_item(org.alice, org.guild, kind="topic", title="T", body="Body")
    content.reply_to_item(org.bob, item, "One")
    content.reply_to_item(org.charlie, item, "Two")
    content.reply_to_item(org.dana, item, "Three")
    groups = grouped(org.alice)
    assert len(groups) == 1
    assert [p.username for p in groups[0].actors] == ["dana", "charlie", "bob"]
    assert groups[0].others == 2


def test_unread_counts_and_marking_read(org):
    content.create_item(org.bob, org.bob.board, kind="status", body="@alice @charlie")
    content.like_item(org.bob, org.open_item)
    assert unread_count(org.alice) == 2
    first = Notification.objects.filter(recipient=org.alice).first()
    actions.mark_read(org.alice, [first.pk])
    assert unread_count(org.alice) == 1
    assert actions.mark_read(org.charlie, [first.pk]) == 0  # not charlie's to mark
    actions.mark_all_read(org.alice)
    assert unread_count(org.alice) == 0


def test_notifications_about_items_that_became_unreadable_disappear(org):
    content.reply_to_item(org.alice, org.secret_item, "@bob see this")
    assert unread_count(org.bob) == 2  # mention + reply to his item
    Item.objects.filter(pk=org.secret_item.pk).update(removed_at=org.secret_item.created)
    assert unread_count(org.bob) == 0
    assert grouped(org.bob) == []


def test_reading_notifications_takes_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    for n in range(5):
        content.create_item(org.bob, org.bob.board, kind="status", body=f"@alice {n}")
    with django_assert_max_num_queries(3):
        groups = grouped(org.alice)
        [g.actors for g in groups]
    with django_assert_max_num_queries(2):
        unread_count(org.alice)
