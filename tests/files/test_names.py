"""File names people give are cleaned of paths, control characters and other tricks."""

import pytest

from kollega.files.names import MAX_NAME, clean_name, extension_of


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system32\\cmd.exe", "cmd.exe"),
        ("C:\\Users\\bob\\notes.txt", "notes.txt"),
        ("/absolute/path/plan.docx", "plan.docx"),
        ("..", "file"),
        ("...", "file"),
        ("", "file"),
        (None, "file"),
        (".htaccess", "htaccess"),
        ("name\x00.pdf", "name.pdf"),
        ("line\r\nbreak.txt", "line break.txt"),
        ("tab\there.txt", "tab here.txt"),
        ("gpj\u202e.exe", "gpj.exe"),
        ("zero\u200bwidth.png", "zerowidth.png"),
        ("CON.txt", "_CON.txt"),
        ("nul", "_nul"),
        ("com1.tar.gz", "_com1.tar.gz"),
        ('what?<>:"|*.txt', "what_______.txt"),
        ("  spaced   out  .pdf", "spaced out .pdf"),
        ("trailing dots...", "trailing dots"),
        ("Résumé.pdf", "Résumé.pdf"),
    ],
)
def test_it_cleans_names(raw, clean):
    assert clean_name(raw) == clean


def test_it_shortens_very_long_names_but_keeps_the_extension():
    name = clean_name("a" * 5000 + ".pdf")
    assert len(name) == MAX_NAME
    assert name.endswith("a.pdf")


def test_it_shortens_long_names_without_extension():
    assert len(clean_name("b" * 1000)) == MAX_NAME


def test_extension_of_is_lowercase_and_ignores_dotfiles_and_spaces():
    assert extension_of("Photo.JPG") == "jpg"
    assert extension_of("notes") == ""
    assert extension_of(".profile") == ""
    assert extension_of("meeting. notes") == ""
