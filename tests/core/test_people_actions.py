import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kollega.activity.models import Event
from kollega.people import actions
from kollega.people.models import PersonTag
from kollega.people.queries import directory, profile_tags
from kollega.places.models import Membership, Place


def png(width=800, height=600) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return SimpleUploadedFile("me.png", out.getvalue(), content_type="image/png")


def test_a_new_person_gets_a_board_they_own(db):
    erin = actions.create_person("erin", "Erin Ek", email="erin@example.com", password="x" * 12)
    assert erin.board.kind == Place.Kind.BOARD
    assert Membership.objects.get(place=erin.board, person=erin).role == "owner"
    assert erin.search_name == "erin ek"


def test_usernames_are_unique(org):
    with pytest.raises(ValidationError, match="taken"):
        actions.create_person("alice", "Another Alice")


def test_people_edit_their_own_profile_and_an_event_is_recorded(org):
    actions.update_profile(org.bob, org.bob, job_title="Staff Engineer", about="I *like* k8s")
    org.bob.refresh_from_db()
    assert org.bob.job_title == "Staff Engineer"
    assert org.bob.about_html == "<p>I <em>like</em> k8s</p>\n"
    assert Event.objects.filter(actor=org.bob, verb="update", person=org.bob).exists()


def test_people_cannot_edit_someone_elses_profile(org):
    with pytest.raises(PermissionDenied):
        actions.update_profile(org.dana, org.bob, job_title="Intern")


def test_a_reporting_line_cannot_loop(org):
    with pytest.raises(ValidationError, match="loop"):
        actions.update_profile(org.alice, org.alice, manager=org.bob)
    org.alice.refresh_from_db()
    assert org.alice.manager is None


def test_an_empty_name_is_refused_and_nothing_changes(org):
    events = Event.objects.count()
    with pytest.raises(ValidationError):
        actions.update_profile(org.bob, org.bob, name="   ")
    assert Event.objects.count() == events


def test_the_reporting_chain_and_peers(org):
    from kollega.people.queries import same_manager_peers

    assert org.bob.reporting_chain() == [org.alice]
    assert list(same_manager_peers(org.bob)) == [org.charlie]


def test_a_photo_is_cropped_square_and_resized(org):
    actions.set_photo(org.bob, org.bob, png())
    org.bob.refresh_from_db()
    with Image.open(org.bob.photo.path) as stored:
        assert stored.size == (512, 512)
        assert stored.format == "JPEG"


def test_a_text_file_named_png_is_refused(org):
    fake = SimpleUploadedFile("evil.png", b"<?php echo 1; ?>", content_type="image/png")
    with pytest.raises(ValidationError, match="not an image"):
        actions.set_photo(org.bob, org.bob, fake)
    org.bob.refresh_from_db()
    assert not org.bob.photo


def test_an_oversized_photo_is_refused(org, settings):
    settings.KOLLEGA_MAX_PHOTO_BYTES = 1000
    with pytest.raises(ValidationError, match="too large"):
        actions.set_photo(org.bob, org.bob, png())


def test_colleagues_tag_each_other_and_the_profile_counts_who(org):
    actions.tag_person(org.bob, org.alice, "Kubernetes, leadership")
    actions.tag_person(org.charlie, org.alice, "kubernetes")
    actions.tag_person(org.alice, org.alice, "architecture")
    tags = profile_tags(org.alice, viewer=org.bob)
    kube = tags.from_colleagues[0]
    assert (kube.name, kube.count) == ("kubernetes", 2)
    assert kube.taggers == [org.bob, org.charlie]
    assert kube.viewer_gave
    assert tags.own == ["architecture"]
    assert Event.objects.filter(verb="tag", person=org.alice).count() == 3


def test_tagging_twice_is_harmless(org):
    actions.tag_person(org.bob, org.alice, "kubernetes")
    assert actions.tag_person(org.bob, org.alice, "kubernetes") == []
    assert PersonTag.objects.filter(person=org.alice).count() == 1


def test_bad_tags_are_refused(org):
    for bad in ("", "  ", "<script>", "x" * 65):
        with pytest.raises(ValidationError):
            actions.tag_person(org.bob, org.alice, bad)


def test_the_owner_removes_any_tag_from_their_profile(org):
    actions.tag_person(org.bob, org.alice, "kubernetes")
    actions.tag_person(org.charlie, org.alice, "kubernetes")
    assert actions.remove_person_tag(org.alice, org.alice, "kubernetes") == 2
    assert not PersonTag.objects.filter(person=org.alice).exists()


def test_others_only_withdraw_their_own_tag(org):
    actions.tag_person(org.bob, org.alice, "kubernetes")
    with pytest.raises(PermissionDenied):
        actions.remove_person_tag(org.dana, org.alice, "kubernetes")
    actions.remove_person_tag(org.bob, org.alice, "kubernetes")
    assert not PersonTag.objects.filter(person=org.alice).exists()


def test_the_directory_finds_people_by_any_name_prefix(org):
    assert list(directory(q="and")) == [org.alice]
    assert list(directory(q="CH")) == [org.charlie]


def test_the_directory_includes_sub_departments(org):
    engineering = org.alice.org_unit
    assert set(directory(org_unit=engineering)) == {org.alice, org.bob, org.charlie}


def test_the_directory_filters_by_country_and_tag(org):
    actions.tag_person(org.alice, org.dana, "negotiation")
    assert set(directory(country="se")) == {org.alice, org.dana}
    assert list(directory(tag="negotiation")) == [org.dana]


def test_tokens_are_shown_once_and_stored_hashed(org):
    token, plain = actions.create_token(org.bob, "laptop script")
    assert plain.startswith("klg_")
    assert plain not in token.digest
    assert actions.person_for_token(plain) == org.bob
    actions.revoke_token(org.bob, token.pk)
    assert actions.person_for_token(plain) is None


def test_nobody_revokes_someone_elses_token(org):
    token, _plain = actions.create_token(org.bob, "ci")
    with pytest.raises(ValidationError):
        actions.revoke_token(org.dana, token.pk)
