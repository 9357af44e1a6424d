"""Profiles: details, reporting line, tags given by colleagues, and the board."""

from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.people.actions import tag_person, update_profile
from kollega.people.models import Audience, Person, PersonTag
from tests.web.conftest import count_queries, htmx


def test_a_profile_shows_who_and_where(bob, org):
    page = bob.get("/people/alice/").content.decode()
    assert '<h1 id="person-name">Alice Andersson</h1>' in page
    assert "Head of Engineering" in page
    assert 'href="/org/engineering/"' in page
    assert "Stockholm, SE" in page
    assert "local time" in page
    assert 'href="mailto:alice@example.com"' in page


def test_the_about_text_is_rendered_markdown_and_never_raw_html(bob, org):
    update_profile(org.alice, org.alice, about="I **lead**. <script>alert(1)</script>")
    page = bob.get("/people/alice/").content.decode()
    assert "<strong>lead</strong>" in page
    assert "<script>alert(1)</script>" not in page


def test_user_text_outside_markdown_is_escaped(bob, org):
    update_profile(org.alice, org.alice, job_title="<b>Boss</b>")
    page = bob.get("/people/alice/").content.decode()
    assert "&lt;b&gt;Boss&lt;/b&gt;" in page
    assert "<b>Boss</b>" not in page


def test_it_shows_the_reporting_chain_peers_and_reports(bob, org):
    page = bob.get("/people/bob/").content.decode()
    assert 'href="/people/alice/"' in page
    assert "Same manager" in page
    assert "Charlie Chen" in page
    alice_page = bob.get("/people/alice/").content.decode()
    assert "Direct reports" in alice_page
    assert "has no manager in Kollega" in alice_page


def test_an_unknown_username_is_404(bob):
    assert bob.get("/people/nobody/").status_code == 404


def test_tagging_a_colleague_with_htmx_returns_the_updated_tags(bob, org):
    response = bob.post("/people/alice/tags/", {"tags": "kubernetes, Go"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<section id="profile-tags"')
    assert '<a class="tag" href="/tags/kubernetes/">kubernetes</a>' in content
    assert '<span class="count"' in content
    assert PersonTag.objects.filter(person=org.alice, tagger=org.bob).count() == 2


def test_tagging_without_javascript_redirects_back_to_the_profile(bob, org):
    response = bob.post("/people/alice/tags/", {"tags": "kubernetes"})
    assert response.status_code == 302
    assert response["Location"] == "/people/alice/"


def test_a_bad_tag_is_refused_with_a_message(bob, org):
    response = bob.post("/people/alice/tags/", {"tags": "!!!"}, **htmx())
    assert response.status_code == 400
    assert "is not a valid tag" in response.content.decode()
    plain = bob.post("/people/alice/tags/", {"tags": ""})
    assert plain.status_code == 400
    assert "This field is required." in plain.content.decode()


def test_tags_show_count_and_who_gave_them(bob, org):
    tag_person(org.bob, org.alice, "kubernetes")
    tag_person(org.charlie, org.alice, "kubernetes")
    tag_person(org.alice, org.alice, "python")
    page = bob.get("/people/alice/").content.decode()
    assert ">2</span>" in page
    assert "Bob Brown</a>, <a" in page
    assert "Skills and expertise" in page
    assert '<a class="tag own" href="/tags/python/">python</a>' in page


def test_people_remove_any_tag_from_their_own_profile(alice, org):
    tag_person(org.bob, org.alice, "kubernetes")
    page = alice.get("/people/alice/").content.decode()
    assert "Remove the tag kubernetes" in page
    response = alice.post("/people/alice/tags/remove/", {"tag": "kubernetes"}, **htmx())
    assert response.status_code == 200
    assert not PersonTag.objects.filter(person=org.alice).exists()


def test_a_tagger_may_withdraw_their_own_tag(bob, org):
    tag_person(org.bob, org.alice, "kubernetes")
    assert "Withdraw your tag kubernetes" in bob.get("/people/alice/").content.decode()
    response = bob.post("/people/alice/tags/remove/", {"tag": "kubernetes"})
    assert response.status_code == 302
    assert not PersonTag.objects.filter(person=org.alice).exists()


def test_others_cannot_remove_tags_they_did_not_give(bob, dana, org):
    tag_person(org.bob, org.alice, "kubernetes")
    assert "Withdraw your tag" not in dana.get("/people/alice/").content.decode()
    response = dana.post("/people/alice/tags/remove/", {"tag": "kubernetes"}, **htmx())
    assert response.status_code == 403
    assert "Only Alice Andersson can remove tags" in response.content.decode()
    assert PersonTag.objects.filter(person=org.alice).count() == 1


def test_removing_a_tag_that_is_not_there_is_a_400(alice, org):
    response = alice.post("/people/alice/tags/remove/", {"tag": "nothing"})
    assert response.status_code == 400
    assert "is not a tag on this profile" in response.content.decode()


def test_the_board_shows_the_persons_items_with_more(bob, org):
    for i in range(22):
        create_item(org.alice, org.alice.board, kind="status", body=f"Status {i:02d}")
    response = bob.get("/people/alice/")
    page = response.content.decode()
    assert "Status 21" in page
    assert "Status 01" not in page
    cursor = response.context["page"].next_cursor
    fragment = bob.get(f"/people/alice/?cursor={cursor}", **htmx()).content.decode()
    assert "Status 01" in fragment
    assert "<html" not in fragment
    assert bob.get("/people/alice/?cursor=bad").status_code == 400


def test_the_board_never_shows_restricted_items(dana, org):
    page = dana.get("/people/bob/").content.decode()
    assert "Codename Falcon" not in page


def test_the_profile_makes_a_fixed_number_of_queries(bob, org):
    tag_person(org.bob, org.alice, "kubernetes")
    # Empty boards skip the per-page queries (tags, likes, saves), so start with one item.
    create_item(org.alice, org.alice.board, kind="status", body="First")
    few = count_queries(bob, "/people/alice/")
    for i in range(10):
        create_item(org.alice, org.alice.board, kind="status", body=f"S{i}", tags="x y")
    tag_person(org.charlie, org.alice, "go rust kubernetes")
    tag_person(org.dana, org.alice, "sales")
    assert count_queries(bob, "/people/alice/") == few
    assert few <= 30  # the network box, who connects us and things in common included


def test_colleagues_write_on_each_others_boards(bob, org):
    page = bob.get("/people/alice/").content.decode()
    assert 'action="/people/alice/board/"' in page
    assert "Your message" in page
    response = bob.post("/people/alice/board/", {"body": "Do you know *Envoy*?"})
    assert response["Location"] == "/people/alice/"
    item = Item.objects.get(body="Do you know *Envoy*?")
    assert (item.kind, item.place, item.author) == (Item.Kind.POST, org.alice.board, org.bob)
    assert "<em>Envoy</em>" in bob.get("/people/alice/").content.decode()


def test_a_post_on_my_own_board_is_a_status_update(alice, org):
    alice.post("/people/alice/board/", {"body": "Planning week"})
    assert Item.objects.get(body="Planning week").kind == Item.Kind.STATUS


def test_an_empty_board_post_is_refused(bob, org):
    response = bob.post("/people/alice/board/", {"body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_closed_board_has_no_form_and_refuses_posts(bob, org):
    Person.objects.filter(pk=org.alice.pk).update(board_posting=Audience.ME)
    assert 'action="/people/alice/board/"' not in bob.get("/people/alice/").content.decode()
    response = bob.post("/people/alice/board/", {"body": "Hello"})
    assert response.status_code == 403
    assert not Item.objects.filter(body="Hello").exists()
