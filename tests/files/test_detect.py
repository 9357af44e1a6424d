"""A file's type is judged by its content; disguised files are refused."""

import io

import pytest
from django.core.exceptions import ValidationError

from kollega.files.detect import detect
from tests.files import builders


@pytest.mark.parametrize(
    ("name", "make", "key"),
    [
        ("plan.pdf", builders.pdf, "pdf"),
        ("minutes.docx", builders.docx, "docx"),
        ("budget.xlsx", builders.xlsx, "xlsx"),
        ("roadmap.pptx", builders.pptx, "pptx"),
        ("notes.odt", builders.odt, "odt"),
        ("bundle.zip", builders.plain_zip, "zip"),
        ("photo.png", builders.png, "png"),
        ("photo.jpg", builders.jpeg, "jpeg"),
        ("photo.JPEG", builders.jpeg, "jpeg"),
        ("data.csv", lambda: b"name,team\nbob,platform\n", "csv"),
        ("readme.md", lambda: "# Hej världen\n".encode(), "markdown"),
        ("notes.txt", lambda: "plain text, åäö".encode("cp1252"), "text"),
        ("README", lambda: b"no extension at all", "text"),
        ("minutes.final", builders.docx, "docx"),
        ("minutes.zip", builders.docx, "zip"),
    ],
)
def test_it_accepts_allowed_types_by_content(name, make, key):
    assert detect(io.BytesIO(make()), name).key == key


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("invoice.pdf", builders.EXE, "a program"),
        ("cat.png", builders.HTML, "a web page"),
        ("notes.txt", builders.HTML, "a web page"),
        ("photo.pdf", builders.png(), "a PNG image"),
        ("sheet.xlsx", builders.docx(), "a Word document"),
        ("letter.docx", builders.plain_zip(), "a zip archive"),
        ("report.exe", builders.pdf(), "a .exe file"),
        ("page.html", b"just text", "a .html file"),
        ("image.svg", b"<svg onload=alert(1)>", "a web page"),
    ],
)
def test_it_refuses_disguised_uploads(name, data, says):
    with pytest.raises(ValidationError) as caught:
        detect(io.BytesIO(data), name)
    assert caught.value.code == "disguised" or "cannot be shared" in caught.value.messages[0]
    assert says in caught.value.messages[0]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", builders.EXE),
        ("blob.bin", bytes(range(256)) * 4),
        ("page.htm", builders.HTML),
        ("archive", b"\x1f\x8b\x08\x00" + b"\x00" * 40),
    ],
)
def test_it_refuses_types_outside_the_allow_list(name, data):
    with pytest.raises(ValidationError):
        detect(io.BytesIO(data), name)


def test_a_broken_zip_is_not_accepted():
    with pytest.raises(ValidationError):
        detect(io.BytesIO(b"PK\x03\x04" + b"\x00" * 100), "broken.zip")


def test_it_rewinds_the_stream():
    stream = io.BytesIO(builders.pdf())
    detect(stream, "plan.pdf")
    assert stream.tell() == 0
