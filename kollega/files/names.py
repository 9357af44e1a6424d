"""Safe file names for display and downloads.

The name a person gave a file is shown on pages and offered in Content-Disposition; it is
never used to store the file (stored names are random). Still, a name can carry tricks:
paths ("../../etc/passwd", "C:\\boot.ini"), control characters (NUL, newlines that would
split a header), right-to-left overrides that make "gpj.exe" read as "exe.jpg", names
Windows refuses (CON, NUL, COM1…), or sheer length. ``clean_name`` removes them all.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 200
MAX_EXTENSION = 16
FALLBACK = "file"
WINDOWS_RESERVED = {
    "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
    *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10)),
}  # fmt: skip
# Characters Windows (and many shells) do not accept in a name.
FORBIDDEN = re.compile(r'[<>:"|?*]')


def _visible(ch: str) -> bool:
    # Unicode's "C" categories: control, format (bidi overrides, zero-width), surrogate,
    # private use and unassigned characters.
    return unicodedata.category(ch)[0] != "C"


def split_extension(name: str) -> tuple[str, str]:
    """("report.final", "pdf") for "report.final.pdf"; no extension for ".profile" or "notes"."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not ext or len(ext) > MAX_EXTENSION or " " in ext:
        return name, ""
    return stem, ext


def extension_of(name: str) -> str:
    return split_extension(name)[1].lower()


def clean_name(raw: str | None) -> str:
    name = unicodedata.normalize("NFC", raw or "")
    # Keep only the last part of any path, whichever separator the client's system uses.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Tabs and line breaks become spaces (a newline must never reach a header).
    name = "".join(" " if ch.isspace() else ch if _visible(ch) else "" for ch in name)
    name = FORBIDDEN.sub("_", name)
    name = " ".join(name.split())
    # Leading dots hide files (and ".." climbs); trailing dots and spaces vanish on Windows.
    name = name.strip(" .")
    stem, ext = split_extension(name)
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = "_" + stem
    if len(stem) + len(ext) + 1 > MAX_NAME:
        stem = stem[: MAX_NAME - len(ext) - 1].rstrip(" .") if ext else stem[:MAX_NAME]
    name = f"{stem}.{ext}" if ext else stem
    return name or FALLBACK


def with_extension(name: str, ext: str) -> str:
    """``name`` with ``ext`` added when it has no extension (for a file named "README")."""
    if extension_of(name) or not ext:
        return name
    stem = name[: MAX_NAME - len(ext) - 1]
    return f"{stem}.{ext}"
