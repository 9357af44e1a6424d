"""Kollega speaks English and Swedish."""


def test_switching_to_swedish_shows_swedish_text(bob):
    response = bob.post("/i18n/setlang/", {"language": "sv", "next": "/people/"})
    assert response.status_code == 302
    assert response["Location"] == "/people/"
    page = bob.get("/people/").content.decode()
    assert '<html lang="sv"' in page
    assert "Personkatalog" in page
    assert "Logga ut" in page
    assert "Sign out" not in page


def test_swedish_reaches_messages_from_the_actions_layer(bob):
    bob.post("/i18n/setlang/", {"language": "sv"})
    response = bob.post("/", {"body": "   "})
    assert response.status_code == 400
    assert "Detta fält måste fyllas i." in response.content.decode()
    response = bob.post("/people/alice/tags/", {"tags": "!!!"})
    assert "är ingen giltig tagg" in response.content.decode()


def test_english_is_the_default(bob):
    page = bob.get("/").content.decode()
    assert '<html lang="en"' in page
    assert "Sign out" in page


def test_the_swedish_catalogue_is_complete_and_compiled():
    import gettext
    import re
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "kollega/locale/sv/LC_MESSAGES"
    po = (folder / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po.split('msgid ""', 2)[-1]
    # An untranslated entry is a msgstr "" not followed by a continuation line.
    assert not re.search(r'^msgstr(\[\d\])? ""\n(?!")', po.split("\n\n", 1)[1], re.MULTILINE)
    with open(folder / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    entries = len(re.findall(r"^msgid ", po, re.MULTILINE)) - 1
    # Plural entries add one catalogue key per form.
    plurals = len(re.findall(r"^msgid_plural ", po, re.MULTILINE))
    assert len(compiled._catalog) - 1 == entries + plurals
