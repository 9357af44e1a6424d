import feedparser

from kollega.content import actions as content
from kollega.stream import feeds


def fetch(client, url, token):
    response = client.get(url, {"token": token})
    return response, feedparser.parse(response.content)


def test_a_board_feed_is_valid_atom(client, org):
    content.create_item(org.bob, org.bob.board, kind="status", body="Shipping *today*")
    token = feeds.issue_token(org.dana)
    response, parsed = fetch(client, "/feeds/people/bob.atom", token)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert parsed.version == "atom10"
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Shipping *today*"]
    assert parsed.entries[0].author == "Bob Brown"


def test_a_community_feed_respects_access(client, org):
    bob_token, dana_token = feeds.issue_token(org.bob), feeds.issue_token(org.dana)
    response, parsed = fetch(client, "/feeds/places/secret-project.atom", bob_token)
    assert [e.title for e in parsed.entries] == ["Codename Falcon"]
    response, _parsed = fetch(client, "/feeds/places/secret-project.atom", dana_token)
    assert response.status_code == 404


def test_tag_and_home_feeds_never_contain_restricted_items(client, org):
    token = feeds.issue_token(org.dana)
    for url in ("/feeds/tags/falcon.atom", "/feeds/home/discover.atom"):
        response, parsed = fetch(client, url, token)
        assert response.status_code == 200
        assert "Codename Falcon" not in [e.title for e in parsed.entries]
    _response, parsed = fetch(client, "/feeds/home/discover.atom", token)
    assert "Kubernetes upgrade plan" in [e.title for e in parsed.entries]


def test_feeds_need_a_valid_token_and_revoking_stops_them(client, org):
    assert client.get("/feeds/home/discover.atom").status_code == 404
    assert client.get("/feeds/home/discover.atom", {"token": "kfd_nope"}).status_code == 404
    token = feeds.issue_token(org.dana)
    assert client.get("/feeds/home/discover.atom", {"token": token}).status_code == 200
    feeds.revoke_token(org.dana)
    assert client.get("/feeds/home/discover.atom", {"token": token}).status_code == 404


def test_unknown_views_people_and_tags_are_404(client, org):
    token = feeds.issue_token(org.dana)
    for url in ("/feeds/home/nope.atom", "/feeds/people/ghost.atom", "/feeds/tags/%3Cx%3E.atom"):
        assert client.get(url, {"token": token}).status_code == 404
