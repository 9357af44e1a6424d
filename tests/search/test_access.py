"""Nothing the viewer may not read is found, counted in a facet or suggested."""

from __future__ import annotations

from django.utils import timezone

from kollega.bookmarks.actions import create_bookmark
from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.files import actions as file_actions
from kollega.search.queries import Filters, search
from kollega.search.suggest import suggest
from tests.files import builders


def all_counts(found) -> dict:
    return {
        "kinds": sum(f.count for f in found.kinds),
        "tags": {f.value for f in found.tags},
        "places": {f.value for f in found.places},
    }


def test_restricted_items_are_never_found_or_counted(indexed):
    org = indexed
    for viewer in (org.dana, org.charlie):
        found = search(viewer, "falcon")
        assert found.total == 0 and found.results == []
        assert all_counts(found) == {"kinds": 0, "tags": set(), "places": set()}
        assert search(viewer, "", Filters(tag="falcon")).total == 0
        assert search(viewer, "", Filters(place="secret-project")).total == 0
    assert search(org.bob, "falcon").total == 1


def test_restricted_items_are_not_counted_beside_visible_ones(indexed):
    org = indexed
    create_item(org.bob, org.secret, kind=Item.Kind.TOPIC, title="Kubernetes for Falcon",
                body="Secret cluster.", tags="kubernetes secretcluster")  # fmt: skip
    dana = search(org.dana, "kubernetes")
    bob = search(org.bob, "kubernetes")
    assert bob.total == dana.total + 1
    assert "secretcluster" not in {f.value for f in dana.tags}
    assert "secret-project" not in {f.value for f in dana.places}
    assert sum(f.count for f in dana.kinds) == dana.total
    assert {f.value: f.count for f in dana.tags}["kubernetes"] == 1


def test_restricted_communities_are_not_found(indexed):
    org = indexed
    assert "Secret Project" not in [r.title for r in search(org.dana, "secret").results]
    assert "Secret Project" in [r.title for r in search(org.bob, "secret").results]


def test_removed_items_are_never_found(indexed):
    org = indexed
    Item.objects.filter(pk=org.open_item.pk).update(removed_at=timezone.now())
    found = search(org.dana, "upgrade")
    assert found.total == 0 and sum(f.count for f in found.kinds) == 0


def test_private_bookmarks_are_found_only_by_their_author(indexed):
    org = indexed
    create_bookmark(org.bob, url="https://example.com/zanzibar", title="Zanzibar paper",
                    private=True)  # fmt: skip
    assert search(org.dana, "zanzibar").total == 0
    assert search(org.alice, "zanzibar").total == 0
    assert search(org.bob, "zanzibar").total == 1


def test_private_files_are_found_only_by_their_author(indexed, django_capture_on_commit_callbacks):
    org = indexed
    board = org.bob.board
    upload = builders.upload("notes.pdf", builders.pdf("Quokka salary review"))
    with django_capture_on_commit_callbacks(execute=True):
        file_actions.upload_file(org.bob, board, upload)
    assert search(org.dana, "quokka").total == 0
    assert search(org.bob, "quokka").total == 1


def test_inactive_people_are_not_found(indexed):
    org = indexed
    org.charlie.user.is_active = False
    org.charlie.user.save()
    assert "Charlie Chen" not in [r.title for r in search(org.dana, "charlie").results]
    assert "Charlie Chen" not in [s.label for s in suggest(org.dana, "charl")]
