from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega.activity.models import Event
from kollega.content.actions import MAX_BODY, update_item
from kollega.content.models import Item
from kollega.wiki import queries
from kollega.wiki.actions import create_page, edit_page, move_page, restore_revision
from kollega.wiki.models import WikiPage, WikiRevision
from kollega.wiki.tree import MAX_DEPTH


def fresh(page: WikiPage) -> WikiPage:
    return WikiPage.objects.select_related("item", "place").get(pk=page.pk)


def test_creating_a_page_makes_revision_one_and_a_create_event(org, wiki):
    revision = wiki.handbook.revisions.get()
    assert (revision.number, revision.title, revision.body) == (
        1,
        "Handbook",
        "Welcome to the guild.",
    )
    assert wiki.handbook.item.kind == Item.Kind.WIKI
    event = Event.objects.get(item=wiki.handbook.item, verb=Event.Verb.CREATE)
    assert event.data == {"revision": 1}


def test_slugs_are_unique_per_wiki_and_never_a_reserved_word(org, wiki):
    again = create_page(org.alice, org.guild, title="Handbook", body="Another.")
    new = create_page(org.alice, org.guild, title="New", body="Not the new-page address.")
    elsewhere = create_page(org.bob, org.secret, title="Handbook", body="Secret handbook.")
    assert (again.slug, new.slug, elsewhere.slug) == ("handbook-2", "new-2", "handbook")


def test_a_chosen_slug_must_be_free_and_well_formed(org, wiki):
    with pytest.raises(ValidationError):
        create_page(org.alice, org.guild, title="X", body="x", slug="handbook")
    with pytest.raises(ValidationError):
        create_page(org.alice, org.guild, title="X", body="x", slug="Not A Slug")


def test_every_edit_of_the_text_saves_a_numbered_revision(org, wiki):
    edit_page(org.bob, wiki.handbook, body="Welcome, all.", note="friendlier")
    edit_page(org.alice, fresh(wiki.handbook), title="The Handbook")
    revisions = list(WikiRevision.objects.filter(page=wiki.handbook).order_by("number"))
    assert [(r.number, r.title, r.body, r.author.username) for r in revisions] == [
        (1, "Handbook", "Welcome to the guild.", "alice"),
        (2, "Handbook", "Welcome, all.", "bob"),
        (3, "The Handbook", "Welcome, all.", "alice"),
    ]
    assert revisions[1].note == "friendlier"
    page = fresh(wiki.handbook)
    assert (page.revision_number, page.last_editor, page.item.title) == (
        3,
        org.alice,
        "The Handbook",
    )
    events = Event.objects.filter(item=wiki.handbook.item, verb=Event.Verb.UPDATE)
    assert sorted(e.data["revision"] for e in events) == [2, 3]


def test_an_edit_that_changes_nothing_saves_no_revision(org, wiki):
    assert edit_page(org.bob, wiki.handbook, title="Handbook", body="Welcome to the guild.") is None
    assert edit_page(org.bob, wiki.handbook, tags="guild") is None
    assert fresh(wiki.handbook).revision_number == 1
    assert [t.name for t in wiki.handbook.item.tags.all()] == ["guild"]


def test_an_edit_from_an_older_revision_is_refused(org, wiki):
    edit_page(org.alice, wiki.handbook, body="Alice was here.", base_revision=1)
    with pytest.raises(ValidationError, match="newer version"):
        edit_page(org.bob, wiki.handbook, body="Bob was here.", base_revision=1)
    assert fresh(wiki.handbook).item.body == "Alice was here."


def test_members_edit_and_non_members_cannot(org, wiki):
    edit_page(org.bob, wiki.handbook, body="Bob edits alice's page.")
    with pytest.raises(PermissionDenied):
        edit_page(org.charlie, wiki.handbook, body="Charlie has not joined.")
    with pytest.raises(PermissionDenied):
        create_page(org.charlie, org.guild, title="Mine", body="No.")
    with pytest.raises(PermissionDenied):
        move_page(org.dana, wiki.laptops, None)
    with pytest.raises(PermissionDenied):
        restore_revision(org.dana, wiki.handbook, 1)


def test_an_oversized_text_is_refused_and_changes_nothing(org, wiki):
    with pytest.raises(ValidationError, match="too long"):
        edit_page(org.bob, wiki.handbook, body="x" * (MAX_BODY + 1))
    with pytest.raises(ValidationError):
        edit_page(org.bob, wiki.handbook, title="")
    page = fresh(wiki.handbook)
    assert (page.revision_number, page.item.body) == (1, "Welcome to the guild.")


def test_restoring_brings_back_the_old_text_as_a_new_revision(org, wiki):
    edit_page(org.bob, wiki.onboarding, title="Start here", body="Everything changed.")
    revision = restore_revision(org.alice, fresh(wiki.onboarding), 1)
    assert (revision.number, revision.title, revision.body) == (
        3,
        "Onboarding",
        "Day one.\nDay two.",
    )
    assert revision.restored_from == 1
    assert fresh(wiki.onboarding).item.title == "Onboarding"
    event = Event.objects.filter(item=wiki.onboarding.item, verb=Event.Verb.UPDATE).first()
    assert event.data == {"revision": 3, "restored": 1}


def test_restoring_a_missing_or_current_revision_is_refused(org, wiki):
    for number in (0, 2, 10**15):
        with pytest.raises(ValidationError):
            restore_revision(org.alice, wiki.handbook, number)
    with pytest.raises(ValidationError, match="already reads"):
        restore_revision(org.alice, wiki.handbook, 1)


def test_an_edit_outside_the_wiki_is_refused_so_history_stays_whole(org, wiki):
    with pytest.raises(ValidationError, match="in the wiki"):
        update_item(org.alice, wiki.handbook.item, body="Edited on the item page.")
    edit_page(org.bob, fresh(wiki.handbook), body="Edited in the wiki.")
    revisions = list(wiki.handbook.revisions.order_by("number"))
    assert [(r.body, r.author.username) for r in revisions] == [
        ("Welcome to the guild.", "alice"),
        ("Edited in the wiki.", "bob"),
    ]


def test_the_tree_gives_breadcrumbs_and_children(org, wiki):
    view = queries.page_view(org.bob, org.guild, "laptops")
    assert [n.slug for n in view.breadcrumbs] == ["handbook", "onboarding"]
    top = queries.page_view(org.bob, org.guild, "handbook")
    assert [n.slug for n in top.children] == ["onboarding"]
    assert queries.outline(org.bob, org.guild).front().slug == "handbook"


def test_moving_a_page_takes_its_subpages_along(org, wiki):
    move_page(org.bob, wiki.onboarding, None, position=0)
    nav = queries.outline(org.bob, org.guild)
    assert [n.slug for n in nav.roots] == ["onboarding", "handbook"]
    assert [n.slug for n in nav.ancestors(wiki.laptops.pk)] == ["onboarding"]
    assert Event.objects.filter(item=wiki.onboarding.item, data__moved__parent=None).exists()


def test_a_page_cannot_move_under_itself_or_its_subpages(org, wiki):
    for target in (wiki.handbook, wiki.onboarding, wiki.laptops):
        with pytest.raises(ValidationError, match="under itself"):
            move_page(org.bob, wiki.handbook, target)
    assert fresh(wiki.handbook).parent_id is None


def test_a_page_cannot_move_into_another_wiki(org, wiki):
    with pytest.raises(ValidationError, match="same wiki"):
        move_page(org.bob, wiki.laptops, wiki.falcon)


def test_pages_nest_at_most_so_deep(org, wiki):
    parent = wiki.laptops  # depth 3
    for n in range(MAX_DEPTH - 3):
        parent = create_page(org.bob, org.guild, title=f"Level {n}", body="x", parent=parent)
    with pytest.raises(ValidationError, match="levels deep"):
        create_page(org.bob, org.guild, title="Too deep", body="x", parent=parent)
    with pytest.raises(ValidationError, match="levels deep"):
        move_page(org.bob, wiki.handbook, create_page(org.bob, org.guild, title="T", body="x"))


def test_a_removed_page_leaves_the_tree_and_its_children_stay_reachable(org, wiki):
    from django.utils import timezone

    Item.objects.filter(pk=wiki.onboarding.pk).update(removed_at=timezone.now())
    nav = queries.outline(org.bob, org.guild)
    assert [n.slug for n in nav.roots] == ["handbook", "laptops"]
