import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega.activity.models import Event
from kollega.content import actions
from kollega.content.models import Item
from kollega.places import actions as place_actions


def test_posting_records_an_event_and_touches_the_place(org):
    before = org.guild.last_activity_at
    item = actions.create_item(org.alice, org.guild, kind="topic", title="Hi", body="Hello *all*",
                               tags="Python, kubernetes")  # fmt: skip
    assert item.body_html == "<p>Hello <em>all</em></p>\n"
    assert sorted(t.name for t in item.tags.all()) == ["kubernetes", "python"]
    event = Event.objects.get(item=item, verb="create")
    assert (event.actor, event.place) == (org.alice, org.guild)
    org.guild.refresh_from_db()
    assert org.guild.last_activity_at > before


def test_non_members_cannot_post_and_nothing_is_written(org):
    items, events = Item.objects.count(), Event.objects.count()
    with pytest.raises(PermissionDenied):
        actions.create_item(org.dana, org.secret, kind="topic", body="let me in")
    assert (Item.objects.count(), Event.objects.count()) == (items, events)


@pytest.mark.parametrize("body", ["", "   ", "x" * 50_001])
def test_empty_or_oversized_posts_are_refused(org, body):
    with pytest.raises(ValidationError):
        actions.create_item(org.bob, org.bob.board, kind="status", body=body)


def test_unknown_kinds_are_refused(org):
    with pytest.raises(ValidationError, match="kind"):
        actions.create_item(org.bob, org.bob.board, kind="poem", body="roses")


def test_replies_bump_the_thread(org):
    item = org.open_item
    reply = actions.reply_to_item(org.dana, item, "Count me in")
    item.refresh_from_db()
    assert item.reply_count == 1
    assert item.last_activity_at == reply.created
    assert Event.objects.filter(verb="reply", reply=reply, item=item).exists()


def test_outsiders_cannot_reply_to_restricted_items(org):
    with pytest.raises(PermissionDenied):
        actions.reply_to_item(org.dana, org.secret_item, "hello?")
    assert org.secret_item.replies.count() == 0


def test_likes_count_once_per_person(org):
    assert actions.like_item(org.bob, org.open_item)
    assert not actions.like_item(org.bob, org.open_item)
    org.open_item.refresh_from_db()
    assert org.open_item.like_count == 1
    assert actions.unlike_item(org.bob, org.open_item)
    org.open_item.refresh_from_db()
    assert org.open_item.like_count == 0


def test_outsiders_cannot_like_or_save_restricted_items(org):
    with pytest.raises(PermissionDenied):
        actions.like_item(org.dana, org.secret_item)
    with pytest.raises(PermissionDenied):
        actions.save_item(org.dana, org.secret_item)


def test_only_the_author_or_an_owner_edits(org):
    actions.update_item(org.alice, org.open_item, body="Changed", tags="k8s")
    org.open_item.refresh_from_db()
    assert org.open_item.body == "Changed"
    assert [t.name for t in org.open_item.tags.all()] == ["k8s"]
    with pytest.raises(PermissionDenied):
        actions.update_item(org.dana, org.open_item, body="vandalism")


def test_open_communities_can_be_joined_and_left(org):
    place_actions.join_place(org.dana, org.guild)
    org.guild.refresh_from_db()
    assert org.guild.member_count == 2
    with pytest.raises(ValidationError, match="already"):
        place_actions.join_place(org.dana, org.guild)
    place_actions.leave_place(org.dana, org.guild)
    org.guild.refresh_from_db()
    assert org.guild.member_count == 1


def test_moderated_and_restricted_communities_cannot_be_joined_directly(org):
    for place in (org.board_room, org.secret):
        with pytest.raises(PermissionDenied):
            place_actions.join_place(org.dana, place)


def test_the_last_owner_cannot_leave(org):
    with pytest.raises(ValidationError, match="last owner"):
        place_actions.leave_place(org.alice, org.guild)


def test_an_items_tags_keep_its_last_activity_time(org):
    """ItemTag.last_activity_at is what the stream's followed tags are read by: it follows
    the item on creation, on every reply, and for tags added later."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kollega.content.models import ItemTag
    from kollega.files import actions as file_actions

    def times(item):
        item.refresh_from_db()
        copies = set(ItemTag.objects.filter(item=item).values_list("last_activity_at", flat=True))
        return item.last_activity_at, copies

    item = actions.create_item(org.alice, org.guild, kind="topic", body="x", tags="rust, go")
    when, copies = times(item)
    assert copies == {when}
    stale = Item.objects.get(pk=item.pk)
    actions.reply_to_item(org.bob, item, "a reply")
    when, copies = times(item)
    assert copies == {when} and when > stale.last_activity_at
    # Tags added through an instance loaded before the reply still get the reply's time.
    actions.update_item(org.alice, stale, tags="rust, go, zig")
    assert times(item) == (when, {when})
    upload = SimpleUploadedFile("notes.txt", b"first", content_type="text/plain")
    document = file_actions.upload_file(org.alice, org.guild, upload, tags="notes")
    again = SimpleUploadedFile("notes.txt", b"second", content_type="text/plain")
    file_actions.upload_version(org.alice, document, again)
    when, copies = times(document)
    assert copies == {when} and when > document.created
