"""The text inside files is extracted for search, without ever failing an upload."""

import io
import zipfile

import pytest

from kollega.files import extract
from kollega.files.extract import extract_text
from tests.files import builders


@pytest.mark.parametrize(
    ("key", "data", "words"),
    [
        ("pdf", builders.pdf("Quarterly falcon report"), "falcon report"),
        ("docx", builders.docx("Minutes of the guild"), "Minutes of the guild"),
        ("docx", builders.docx(), "tablecellword"),
        ("xlsx", builders.xlsx("Budget cell"), "Budget cell"),
        ("pptx", builders.pptx("Roadmap slide"), "Roadmap slide"),
        ("odt", builders.odt("Notes in ODF"), "Notes in ODF"),
        ("text", "Grüße aus Köln".encode(), "Grüße"),
        ("text", "Grüße aus Köln".encode("cp1252"), "Grüße"),
        ("csv", b"\xef\xbb\xbfname,team\n", "name,team"),
    ],
)
def test_it_extracts_text(key, data, words):
    assert words in extract_text(io.BytesIO(data), key)


@pytest.mark.parametrize("key", ["pdf", "docx", "xlsx", "pptx", "odt"])
def test_a_damaged_file_gives_empty_text_instead_of_an_error(key, caplog):
    assert extract_text(io.BytesIO(b"PK\x03\x04 not really anything"), key) == ""
    assert "Could not extract" in caplog.text


def test_types_without_text_give_none():
    assert extract_text(io.BytesIO(builders.png()), "png") == ""


def test_the_text_is_capped():
    text = extract_text(io.BytesIO(b"word " * 10_000), "text", limit=100)
    assert len(text) == 100


def test_nul_characters_are_dropped():
    assert "\x00" not in extract_text(io.BytesIO(b"a\x00b"), "text")


def test_it_stops_at_the_deadline():
    assert extract_text(io.BytesIO(builders.docx("late")), "docx", seconds=-1) == ""


def test_it_skips_archives_that_would_expand_too_far(monkeypatch):
    monkeypatch.setattr(extract, "MAX_TOTAL_BYTES", 1000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * 2000)
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert extract_text(out, "docx") == ""
