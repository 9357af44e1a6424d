"""Uploading, versions, sharing and downloads through the actions layer."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kollega import access
from kollega.activity.models import Event
from kollega.content.models import Item, ItemShare
from kollega.files import actions
from kollega.files.models import FileDetail, FileVersion
from kollega.files.storage import file_storage
from kollega.places.actions import join_place
from tests.files import builders
from tests.files.builders import upload


def stored_names(tmp_path) -> list[str]:
    root = tmp_path / "files"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_member_uploads_a_file_into_a_community(org, guild_file):
    detail = guild_file.file
    version = detail.current
    assert guild_file.kind == Item.Kind.FILE
    assert guild_file.title == "plan.pdf"
    assert not guild_file.private
    assert (detail.name, detail.version, detail.content_type) == ("plan.pdf", 1, "application/pdf")
    assert version.uploader == org.bob
    assert version.size == detail.size > 0
    assert "Kubernetes rollout plan" in version.extracted_text
    data = builders.pdf("Kubernetes rollout plan")
    assert version.sha256 == hashlib.sha256(data).hexdigest()
    assert Event.objects.filter(item=guild_file, verb=Event.Verb.CREATE, actor=org.bob).exists()


def test_the_stored_name_is_random_and_outside_media(org, guild_file, settings, tmp_path):
    blob = guild_file.file.current.blob
    assert blob.name.startswith("files/") and blob.name.endswith(".pdf")
    assert "plan" not in blob.name
    assert file_storage().exists(blob.name)
    assert not str(tmp_path / "files").startswith(str(settings.MEDIA_ROOT))


def test_path_tricks_in_names_are_cleaned(org):
    item = actions.upload_file(
        org.alice, org.guild, upload("../../etc/pass\x00wd\u202e.txt", b"root:x:0:0")
    )
    assert item.file.name == "passwd.txt"
    assert item.file.current.original_name == "passwd.txt"


def test_a_very_long_name_is_shortened(org):
    item = actions.upload_file(org.alice, org.guild, upload("x" * 1000 + ".csv", b"a,b\n"))
    assert len(item.file.name) == 200 and item.file.name.endswith(".csv")


def test_a_name_with_markdown_and_mentions_is_not_interpreted(org):
    item = actions.upload_file(org.alice, org.guild, upload("*bold* @nobody `x`.txt", b"hi"))
    assert "<em>" not in item.body_html
    assert "@nobody" in item.body_html


def test_outsiders_cannot_upload_into_a_community(org):
    with pytest.raises(PermissionDenied):
        actions.upload_file(org.dana, org.secret, upload("a.txt", b"hello"))
    with pytest.raises(PermissionDenied):
        actions.upload_file(org.dana, org.guild, upload("a.txt", b"hello"))
    assert not FileDetail.objects.exists()


def test_files_in_your_own_space_are_private_by_default(org, private_file):
    assert private_file.private
    assert private_file.place == org.alice.board
    assert access.can_read(org.alice, private_file)
    assert not access.can_read(org.bob, private_file)


def test_a_file_in_your_own_space_can_be_visible_to_everyone(org):
    item = actions.upload_file(
        org.alice, org.alice.board, upload("talk.pdf", builders.pdf()), visible_to_everyone=True
    )
    assert not item.private
    assert access.can_read(org.dana, item)


def test_nobody_uploads_files_into_someone_elses_space(org):
    with pytest.raises((PermissionDenied, ValidationError)):
        actions.upload_file(org.bob, org.alice.board, upload("a.txt", b"hello"))


def test_the_size_limit_comes_from_settings(org, settings, tmp_path):
    settings.KOLLEGA_MAX_UPLOAD_MB = 1
    too_big = upload("big.txt", b"a" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as caught:
        actions.upload_file(org.alice, org.guild, too_big)
    assert "the limit is 1 MB" in caught.value.message_dict["file"][0]
    assert not FileDetail.objects.exists()
    assert stored_names(tmp_path) == []
    just_fits = upload("fits.txt", b"a" * (1024 * 1024))
    assert actions.upload_file(org.alice, org.guild, just_fits).file.size == 1024 * 1024


def test_the_size_limit_defaults_to_25_mb(settings):
    del settings.KOLLEGA_MAX_UPLOAD_MB
    assert actions.max_upload_bytes() == 25 * 1024 * 1024


def test_empty_files_and_missing_files_are_refused(org):
    with pytest.raises(ValidationError, match="empty"):
        actions.upload_file(org.alice, org.guild, upload("empty.txt", b""))
    with pytest.raises(ValidationError, match="Choose a file"):
        actions.upload_file(org.alice, org.guild, None)


def test_a_disguised_upload_is_refused_and_nothing_is_stored(org, tmp_path):
    with pytest.raises(ValidationError) as caught:
        actions.upload_file(org.alice, org.guild, upload("invoice.pdf", builders.EXE))
    assert "disguised" in caught.value.message_dict["file"][0]
    assert not Item.objects.filter(kind=Item.Kind.FILE).exists()
    assert stored_names(tmp_path) == []


def test_the_browsers_claimed_type_is_ignored(org):
    item = actions.upload_file(org.alice, org.guild, upload("a.png", builders.png(), "text/html"))
    assert item.file.content_type == "image/png"


def test_images_get_a_small_preview(org):
    item = actions.upload_file(org.alice, org.guild, upload("wide.png", builders.png(1600, 800)))
    from PIL import Image

    with file_storage().open(item.file.current.preview.name) as preview, Image.open(preview) as im:
        assert max(im.size) == 400


def test_transparent_images_keep_their_transparency_in_the_preview(org):
    item = actions.upload_file(org.alice, org.guild, upload("t.png", builders.png(mode="RGBA")))
    assert item.file.current.preview.name.endswith(".png")


def test_other_files_get_no_preview(org, guild_file):
    assert not guild_file.file.current.preview


def test_a_failed_write_leaves_no_blob_behind(org, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(FileDetail, "save", fail)
    with pytest.raises(RuntimeError):
        actions.upload_file(org.alice, org.guild, upload("a.png", builders.png()))
    assert stored_names(tmp_path) == []


def test_the_author_uploads_new_versions(org, guild_file):
    version = actions.upload_version(
        org.bob, guild_file, upload("plan-v2.docx", builders.docx("Second draft")), note="Typos"
    )
    detail = FileDetail.objects.get(pk=guild_file.pk)
    assert (version.number, detail.version, detail.current) == (2, 2, version)
    assert detail.name == "plan-v2.docx" and detail.content_type.endswith("document")
    assert Item.objects.get(pk=guild_file.pk).title == "plan-v2.docx"
    assert list(detail.versions.values_list("number", flat=True)) == [2, 1]
    assert Event.objects.filter(item=guild_file, verb=Event.Verb.UPDATE, data={"version": 2})


def test_a_chosen_title_is_kept_for_new_versions(org, guild_file):
    Item.objects.filter(pk=guild_file.pk).update(title="The plan")
    guild_file.refresh_from_db()
    actions.upload_version(org.bob, guild_file, upload("v2.pdf", builders.pdf()))
    assert Item.objects.get(pk=guild_file.pk).title == "The plan"


def test_readers_cannot_upload_versions_and_editors_can(org, private_file):
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.READER)
    with pytest.raises(PermissionDenied):
        actions.upload_version(org.bob, private_file, upload("v2.xlsx", builders.xlsx()))
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.EDITOR)
    version = actions.upload_version(org.bob, private_file, upload("v2.xlsx", builders.xlsx()))
    assert version.uploader == org.bob and version.number == 2


def test_other_members_of_a_community_cannot_upload_versions(org, guild_file):
    join_place(org.charlie, org.guild)
    with pytest.raises(PermissionDenied):
        actions.upload_version(org.charlie, guild_file, upload("v2.pdf", builders.pdf()))


def test_a_version_note_has_a_limit(org, guild_file):
    with pytest.raises(ValidationError):
        actions.upload_version(org.bob, guild_file, upload("v.pdf", builders.pdf()), note="x" * 501)


def test_versions_only_apply_to_files(org):
    with pytest.raises(ValidationError):
        actions.upload_version(org.alice, org.open_item, upload("v.pdf", builders.pdf()))


def test_sharing_a_private_file_with_a_person(org, private_file):
    share = actions.share_file(org.alice, private_file, person=org.dana)
    assert share.role == ItemShare.Role.READER
    assert access.can_read(org.dana, private_file)
    assert not access.can_edit(org.dana, private_file)
    assert not access.can_read(org.charlie, private_file)


def test_sharing_with_a_community_lets_its_members_read(org, private_file):
    actions.share_file(org.alice, private_file, place=org.secret)
    assert access.can_read(org.bob, private_file)
    assert not access.can_read(org.dana, private_file)


def test_sharing_again_changes_the_role(org, private_file):
    actions.share_file(org.alice, private_file, person=org.bob)
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.EDITOR)
    assert ItemShare.objects.get(item=private_file).role == ItemShare.Role.EDITOR


def test_only_the_author_shares(org, private_file):
    actions.share_file(org.alice, private_file, person=org.bob, role=ItemShare.Role.EDITOR)
    with pytest.raises(PermissionDenied):
        actions.share_file(org.bob, private_file, person=org.dana)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"role": "owner"},
        {"self": True},
        {"board": True},
    ],
)
def test_bad_shares_are_refused(org, private_file, kwargs):
    args = {"person": org.bob}
    if kwargs.get("role"):
        args["role"] = kwargs["role"]
    if kwargs.get("self"):
        args["person"] = org.alice
    if kwargs.get("board"):
        args = {"place": org.bob.board}
    if not kwargs:
        args = {"person": org.bob, "place": org.guild}
    with pytest.raises(ValidationError):
        actions.share_file(org.alice, private_file, **args)
    assert not ItemShare.objects.exists()


def test_community_files_are_shared_only_to_give_editing(org, secret_file):
    with pytest.raises(ValidationError, match="editor"):
        actions.share_file(org.bob, secret_file, person=org.alice)
    with pytest.raises(ValidationError, match="cannot see"):
        actions.share_file(org.bob, secret_file, person=org.dana, role=ItemShare.Role.EDITOR)
    actions.share_file(org.bob, secret_file, person=org.alice, role=ItemShare.Role.EDITOR)
    assert access.can_edit(org.alice, secret_file)


def test_unsharing(org, private_file):
    share = actions.share_file(org.alice, private_file, person=org.bob)
    actions.unshare_file(org.alice, private_file, share.pk)
    assert not access.can_read(org.bob, private_file)
    with pytest.raises(ValidationError):
        actions.unshare_file(org.alice, private_file, share.pk)


def test_only_the_author_unshares(org, private_file):
    share = actions.share_file(org.alice, private_file, person=org.bob)
    with pytest.raises(PermissionDenied):
        actions.unshare_file(org.bob, private_file, share.pk)


def test_visibility_of_a_file_in_your_own_space(org, private_file):
    actions.set_visibility(org.alice, private_file, visible_to_everyone=True)
    assert access.can_read(org.dana, Item.objects.get(pk=private_file.pk))
    actions.set_visibility(org.alice, private_file, visible_to_everyone=False)
    assert not access.can_read(org.dana, Item.objects.get(pk=private_file.pk))


def test_community_files_have_no_visibility_switch(org, secret_file):
    with pytest.raises(ValidationError):
        actions.set_visibility(org.bob, secret_file, visible_to_everyone=True)


def test_downloads_are_counted_and_recorded(org, guild_file):
    version = guild_file.file.current
    actions.record_download(org.dana, guild_file, version)
    actions.record_download(org.dana, guild_file, version)
    assert FileDetail.objects.get(pk=guild_file.pk).download_count == 2
    event = Event.objects.filter(verb=Event.Verb.DOWNLOAD, actor=org.dana).first()
    assert event.item == guild_file and event.data == {"version": 1}


def test_nobody_downloads_what_they_cannot_read(org, secret_file):
    with pytest.raises(PermissionDenied):
        actions.record_download(org.dana, secret_file, secret_file.file.current)


def test_versions_are_numbered_once(org, guild_file):
    numbers = FileVersion.objects.filter(file_id=guild_file.pk).values_list("number", flat=True)
    assert list(numbers) == [1]
