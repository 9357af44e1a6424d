"""Every write to files: uploads, new versions, sharing, visibility and download counts.

An upload is checked and read (type by content, hash, text for search, image preview)
before its transaction opens: that work can take seconds, and on SQLite an open write
transaction holds the database's one write lock. The writes then happen in one atomic
function each, which records its Event.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kollega import access
from kollega.activity.models import Event
from kollega.activity.record import record
from kollega.content import actions as content_actions
from kollega.content.models import Item, ItemShare
from kollega.files.detect import FileType, detect
from kollega.files.extract import extract_text
from kollega.files.models import FileDetail, FileVersion
from kollega.files.names import clean_name
from kollega.files.previews import make_preview
from kollega.files.storage import file_storage
from kollega.people.models import Person
from kollega.places.models import Place

DEFAULT_MAX_UPLOAD_MB = 25
MAX_NOTE = 500
MB = 1024 * 1024


def max_upload_bytes() -> int:
    return int(getattr(settings, "KOLLEGA_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * MB


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


@dataclass
class Prepared:
    """An upload that passed the checks, with everything learnt from its content."""

    upload: object
    name: str
    type: FileType
    size: int
    sha256: str
    text: str
    preview: ContentFile | None


def _size_of(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def prepare(upload) -> Prepared:
    """Check an uploaded file (size, type by content, name) and read what search and the
    file page need from it. Raises ValidationError on the "file" field."""
    if upload is None:
        raise ValidationError({"file": _("Choose a file to upload.")})
    size = _size_of(upload)
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            {
                "file": _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
                % {"size": _megabytes(size), "limit": _megabytes(limit)}
            }
        )
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    name = clean_name(getattr(upload, "name", ""))
    try:
        file_type = detect(upload, name)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(MB), b""):
        digest.update(chunk)
    text = extract_text(upload, file_type.key)
    preview = make_preview(upload) if file_type.is_image else None
    upload.seek(0)
    return Prepared(upload, name, file_type, size, digest.hexdigest(), text, preview)


def name_as_markdown(name: str) -> str:
    """A file name as a Markdown code span: its *, _ and @ stay literal (no emphasis, no
    mention of someone who happens to be called like part of the name)."""
    longest = max((len(run) for run in re.findall(r"`+", name)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {name} {fence}"


def _store(version: FileVersion, prepared: Prepared, saved: list[str]) -> None:
    ext = prepared.type.extensions[0]
    version.blob.save(f"{secrets.token_hex(16)}.{ext}", prepared.upload, save=False)
    saved.append(version.blob.name)
    if prepared.preview is not None:
        version.preview.save(prepared.preview.name, prepared.preview, save=False)
        saved.append(version.preview.name)


def _new_version(detail, number, prepared, actor, note, now, saved) -> FileVersion:
    version = FileVersion(
        file=detail,
        number=number,
        original_name=prepared.name,
        size=prepared.size,
        content_type=prepared.type.mime,
        sha256=prepared.sha256,
        uploader=actor,
        note=note,
        created=now,
        extracted_text=prepared.text,
    )
    _store(version, prepared, saved)
    version.save()
    return version


def _cleaning_up(write, *args):
    """Run ``write``; if its transaction fails, delete the blobs it stored (a database
    rollback cannot take back a file written to storage)."""
    saved: list[str] = []
    try:
        return write(*args, saved)
    except BaseException:
        storage = file_storage()
        for name in saved:
            storage.delete(name)
        raise


def _clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError(
            {"note": _("Say what changed in at most %(n)d characters.") % {"n": MAX_NOTE}}
        )
    return note


def upload_file(
    actor: Person,
    place: Place,
    upload,
    *,
    description: str = "",
    tags: str | list[str] | None = None,
    visible_to_everyone: bool = False,
) -> Item:
    """Upload a file into a community, or into the actor's own space (their board), where
    it is private unless they make it visible to everyone."""
    if not access.can_post(actor, place):
        raise PermissionDenied(_("You cannot upload files to %(place)s.") % {"place": place.name})
    prepared = prepare(upload)
    return _cleaning_up(_create_file, actor, place, prepared, description, tags,
                        visible_to_everyone)  # fmt: skip


@transaction.atomic
def _create_file(actor, place, prepared, description, tags, visible, saved) -> Item:
    description = (description or "").strip()
    item = content_actions.create_item(
        actor,
        place,
        kind=Item.Kind.FILE,
        title=prepared.name,
        body=description or name_as_markdown(prepared.name),
        tags=tags,
    )
    if place.kind == Place.Kind.BOARD and not visible:
        Item.objects.filter(pk=item.pk).update(private=True)
        item.private = True
    detail = FileDetail.objects.create(
        item=item,
        name=prepared.name,
        content_type=prepared.type.mime,
        size=prepared.size,
        version=1,
    )
    detail.current = _new_version(detail, 1, prepared, actor, "", item.created, saved)
    detail.save(update_fields=["current"])
    return item


def _detail_of(item: Item) -> FileDetail:
    detail = FileDetail.objects.filter(item=item).first()
    if item.kind != Item.Kind.FILE or detail is None:
        raise ValidationError(_("This is not a file."))
    return detail


def upload_version(actor: Person, item: Item, upload, *, note: str = "") -> FileVersion:
    """A new version of a file, by its author, an owner of its place or an editor it is
    shared with. Every earlier version stays downloadable."""
    _detail_of(item)
    if not access.can_edit(actor, item):
        raise PermissionDenied(
            _("Only the author and the people it is shared with as editors can add versions.")
        )
    note = _clean_note(note)
    prepared = prepare(upload)
    return _cleaning_up(_add_version, actor, item, prepared, note)


@transaction.atomic
def _add_version(actor, item, prepared, note, saved) -> FileVersion:
    detail = FileDetail.objects.select_for_update().get(item=item)
    now = timezone.now()
    number = detail.version + 1
    version = _new_version(detail, number, prepared, actor, note, now, saved)
    old_name = detail.name
    FileDetail.objects.filter(pk=detail.pk).update(
        name=prepared.name,
        content_type=prepared.type.mime,
        size=prepared.size,
        version=number,
        current=version,
    )
    changes = {"updated": now}
    if item.title == old_name:
        # The title was the file's name: it follows the file.
        changes["title"] = prepared.name
    content_actions.bump_activity(item, now, **changes)
    Place.objects.filter(pk=item.place_id, last_activity_at__lt=now).update(last_activity_at=now)
    record(actor, Event.Verb.UPDATE, item=item, at=now, data={"version": number})
    return version


def _require_author(actor: Person, item: Item) -> None:
    _detail_of(item)
    if item.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who uploaded this file can share it."))


@transaction.atomic
def share_file(
    actor: Person,
    item: Item,
    *,
    person: Person | None = None,
    place: Place | None = None,
    role: str = ItemShare.Role.READER,
) -> ItemShare:
    """Share a file with a person or a community's members, as reader or editor. Sharing
    again with the same person or community changes the role."""
    _require_author(actor, item)
    if role not in ItemShare.Role.values:
        raise ValidationError({"role": _("Share as a reader or as an editor.")})
    if (person is None) == (place is None):
        raise ValidationError(_("Share with one person or one community."))
    if person is not None and person.pk == actor.pk:
        raise ValidationError({"person": _("This is your own file already.")})
    if place is not None and place.kind != Place.Kind.COMMUNITY:
        raise ValidationError({"place": _("Files are shared with communities or people.")})
    if not item.private:
        # A file in a community (or visible to everyone) is read by whoever may see its
        # place; a share can only add the right to upload versions, and only for them.
        if role != ItemShare.Role.EDITOR:
            raise ValidationError(
                {
                    "role": _(
                        "Everyone who can see this file already reads it; share it as an "
                        "editor to let someone add versions."
                    )
                }  # fmt: skip
            )
        if person is not None and not access.can_see_place(person, item.place):
            raise ValidationError(
                {
                    "person": _("%(name)s cannot see %(place)s, where this file is.")
                    % {"name": person.name, "place": item.place.name}
                }  # fmt: skip
            )
    target = {"person": person} if person is not None else {"place": place}
    share, _created = ItemShare.objects.update_or_create(
        item=item, **target, defaults={"role": role}
    )
    record(actor, Event.Verb.UPDATE, item=item, person=person, data={
        "shared_with": person.username if person else place.slug, "role": role,
    })  # fmt: skip
    return share


@transaction.atomic
def unshare_file(actor: Person, item: Item, share_id: int) -> None:
    _require_author(actor, item)
    share = ItemShare.objects.select_related("person", "place").filter(item=item, pk=share_id)
    share = share.first()
    if share is None:
        raise ValidationError(_("This file is not shared that way (any more)."))
    target = share.person.username if share.person else share.place.slug
    share.delete()
    record(actor, Event.Verb.UPDATE, item=item, person=share.person,
           data={"unshared_with": target})  # fmt: skip


@transaction.atomic
def set_visibility(actor: Person, item: Item, *, visible_to_everyone: bool) -> Item:
    """A file in one's own space is private (only shares read it) or visible to everyone."""
    _require_author(actor, item)
    if item.place.kind != Place.Kind.BOARD:
        raise ValidationError(
            _("A file in a community is visible to whoever can see the community.")
        )
    item.private = not visible_to_everyone
    Item.objects.filter(pk=item.pk).update(private=item.private)
    record(actor, Event.Verb.UPDATE, item=item, data={"private": item.private})
    return item


@transaction.atomic
def record_download(actor: Person, item: Item, version: FileVersion) -> None:
    """Count a download (F() so concurrent downloads all count) and record who took it."""
    if not access.can_read(actor, item):
        raise PermissionDenied(_("You cannot download this file."))
    FileDetail.objects.filter(pk=item.pk).update(download_count=F("download_count") + 1)
    record(actor, Event.Verb.DOWNLOAD, item=item, data={"version": version.number})
