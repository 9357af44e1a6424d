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
