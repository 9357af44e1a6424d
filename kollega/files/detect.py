"""What a file really is, judged by its content, and whether Kollega accepts it.

The browser's Content-Type and the file's name are claims; the bytes are the evidence.
Magic numbers come from the ``filetype`` library; zip containers are opened and their
members inspected, because a Word document, a spreadsheet, an OpenDocument text and a plain
zip archive all start with the same four bytes. A file whose name claims one known type
while its content is another ("invoice.pdf" that is a Windows program, "photo.png" that is
an HTML page) is refused as a disguised upload.
"""

from __future__ import annotations

import mimetypes
import zipfile
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kollega.files.names import extension_of

HEAD_BYTES = 64 * 1024
# Member names and the OpenDocument "mimetype" member are read; nothing is decompressed
# beyond that, so a zip bomb costs nothing here.
MAX_MIMETYPE_MEMBER = 200


@dataclass(frozen=True)
class FileType:
    key: str
    mime: str
    extensions: tuple[str, ...]
    label: str
    # Shown in the browser rather than downloaded (with a sandboxing CSP).
    inline: bool = False

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def _t(key, mime, extensions, label, inline=False) -> FileType:
    return FileType(key, mime, tuple(extensions), label, inline)


OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
ALLOWED = {
    t.key: t
    for t in (
        _t("jpeg", "image/jpeg", ["jpg", "jpeg", "jpe", "jfif"], gettext_lazy("a JPEG image"),
           True),
        _t("png", "image/png", ["png"], gettext_lazy("a PNG image"), True),
        _t("gif", "image/gif", ["gif"], gettext_lazy("a GIF image"), True),
        _t("webp", "image/webp", ["webp"], gettext_lazy("a WebP image"), True),
        _t("pdf", "application/pdf", ["pdf"], gettext_lazy("a PDF document"), True),
        _t("docx", OOXML + "wordprocessingml.document", ["docx"], gettext_lazy("a Word document")),
        _t("xlsx", OOXML + "spreadsheetml.sheet", ["xlsx"], gettext_lazy("an Excel workbook")),
        _t("pptx", OOXML + "presentationml.presentation", ["pptx"],
           gettext_lazy("a PowerPoint presentation")),
        _t("doc", "application/msword", ["doc"], gettext_lazy("a Word 97–2003 document")),
        _t("xls", "application/vnd.ms-excel", ["xls"], gettext_lazy("an Excel 97–2003 workbook")),
        _t("ppt", "application/vnd.ms-powerpoint", ["ppt"],
           gettext_lazy("a PowerPoint 97–2003 presentation")),
        _t("odt", ODF + "text", ["odt"], gettext_lazy("an OpenDocument text")),
        _t("ods", ODF + "spreadsheet", ["ods"], gettext_lazy("an OpenDocument spreadsheet")),
        _t("odp", ODF + "presentation", ["odp"], gettext_lazy("an OpenDocument presentation")),
        _t("text", "text/plain", ["txt", "text", "log"], gettext_lazy("a text file")),
        _t("csv", "text/csv", ["csv"], gettext_lazy("a CSV file")),
        _t("markdown", "text/markdown", ["md", "markdown"], gettext_lazy("a Markdown file")),
        _t("zip", "application/zip", ["zip"], gettext_lazy("a zip archive")),
    )
}  # fmt: skip
BY_MIME = {t.mime: t for t in ALLOWED.values()}
TEXT_KEYS = ("text", "csv", "markdown")
ZIP_CONTAINERS = ("docx", "xlsx", "pptx", "odt", "ods", "odp", "zip")
ALLOWED_EXTENSIONS = {ext for t in ALLOWED.values() for ext in t.extensions}
# Names that ask the receiving computer to run something are refused whatever they contain.
DANGEROUS_EXTENSIONS = {
    "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "hta", "jar", "js",
    "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "sh", "bash", "app", "apk", "lnk",
    "reg", "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "php", "asp", "aspx", "jsp",
    "docm", "xlsm", "pptm", "dotm", "xltm", "potm", "swf", "iso", "img", "vhd", "vhdx",
}  # fmt: skip
# The start of an HTML or SVG document: text that a browser might render as a page.
MARKUP_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg",
    b"<object", b"<embed", b"<meta", b"<?xml-stylesheet",
)  # fmt: skip
UNKNOWN_LABEL = gettext_lazy("a kind of file Kollega does not recognise")
PROGRAM_LABEL = gettext_lazy("a program")
MARKUP_LABEL = gettext_lazy("a web page")
ALLOWED_SUMMARY = gettext_lazy(
    "Upload images (JPEG, PNG, GIF, WebP), PDF, Word, Excel, PowerPoint or OpenDocument "
    "files, plain text, CSV, Markdown or zip archives."
)
PROGRAM_MIMES = {
    "application/x-msdownload", "application/x-executable", "application/x-sharedlib",
    "application/x-mach-binary", "application/wasm", "application/x-shockwave-flash",
    "application/x-google-chrome-extension", "application/x-deb", "application/x-rpm",
}  # fmt: skip


@dataclass(frozen=True)
class Found:
    """The outcome of looking at the bytes: an allowed type, or a label for what it is."""

    type: FileType | None
    label: str


def _zip_type(stream) -> FileType | None:
    """Tell Office, OpenDocument and plain zip archives apart by their members."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= MAX_MIMETYPE_MEMBER:
                    declared = archive.read(info).decode("ascii", "replace").strip()
                    found = BY_MIME.get(declared)
                    if found and found.key in ("odt", "ods", "odp") and "content.xml" in names:
                        return found
            if "[Content_Types].xml" in names:
                for key, member in (
                    ("docx", "word/document.xml"),
                    ("xlsx", "xl/workbook.xml"),
                    ("pptx", "ppt/presentation.xml"),
                ):
                    if member in names:
                        return ALLOWED[key]
            return ALLOWED["zip"]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError):
        return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:
                return False
            return not any(ord(c) < 32 and c not in "\t\r\n\f" for c in text)
    return not any(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)


def _is_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\f").lower()
    return start.startswith(MARKUP_STARTS)


def sniff(stream, name: str) -> Found:
    """Look at the content of ``stream`` (rewound afterwards)."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        found = _zip_type(stream)
        stream.seek(0)
        return Found(found, found.label if found else UNKNOWN_LABEL)
    guess = filetype.guess(head)
    if guess is not None:
        allowed = BY_MIME.get(guess.mime)
        if allowed is not None and allowed.key not in ZIP_CONTAINERS:
            return Found(allowed, allowed.label)
        label = PROGRAM_LABEL if guess.mime in PROGRAM_MIMES else guess.extension.upper()
        return Found(None, str(label))
    if _is_markup(head):
        return Found(None, MARKUP_LABEL)
    if head and _looks_like_text(head):
        # Plain text has no magic number: the name tells CSV and Markdown from other text.
        ext = extension_of(name)
        for key in TEXT_KEYS:
            if ext in ALLOWED[key].extensions:
                return Found(ALLOWED[key], ALLOWED[key].label)
        return Found(ALLOWED["text"], ALLOWED["text"].label)
    return Found(None, UNKNOWN_LABEL)


def _is_known_extension(ext: str) -> bool:
    return (
        ext in ALLOWED_EXTENSIONS
        or filetype.get_type(ext=ext) is not None
        or mimetypes.guess_type(f"file.{ext}", strict=False)[0] is not None
    )


def _claimed_label(ext: str) -> str:
    for t in ALLOWED.values():
        if ext in t.extensions:
            return str(t.label)
    return _("a .%(ext)s file") % {"ext": ext}


def detect(stream, name: str) -> FileType:
    """The allowed type of the upload, or a ValidationError that says what is wrong."""
    found = sniff(stream, name)
    ext = extension_of(name)
    if found.type is not None and found.type.key in ZIP_CONTAINERS and ext == "zip":
        # An Office document is a zip archive too; named .zip, it is offered as one.
        return ALLOWED["zip"]
    if found.type is None:
        if ext in ALLOWED_EXTENSIONS:
            raise _disguised(name, ext, found.label)
        raise ValidationError(
            _("This kind of file cannot be shared here (%(actual)s). %(allowed)s")
            % {"actual": found.label, "allowed": ALLOWED_SUMMARY},
            code="type",
        )
    claims_other = ext and ext not in found.type.extensions
    if claims_other and (ext in DANGEROUS_EXTENSIONS or _is_known_extension(ext)):
        raise _disguised(name, ext, found.label)
    return found.type


def _disguised(name: str, ext: str, actual: str) -> ValidationError:
    return ValidationError(
        _(
            "“%(name)s” is named like %(claimed)s but its content is %(actual)s. Such disguised "
            "files are refused: upload the real file, or give it its right name."
        )
        % {"name": name, "claimed": _claimed_label(ext), "actual": actual},
        code="disguised",
    )
