"""Discovery pages: Ask with live suggestions, its status, questions for me,
recommendations with dismiss, experts, and the template tags for other pages."""

from django.template import Context, Template
from django.test import RequestFactory

from kollega.content.models import Item
from kollega.discovery.models import DismissedRecommendation, RoutedQuestion
from tests.web.conftest import count_queries, htmx


def test_the_ask_page_has_a_labelled_form(experts, alice):
    page = alice.get("/ask/").content.decode()
    assert 'for="id_title"' in page and "Suggestions appear as you type." in page


def test_live_suggestions_list_the_expert_with_reasons_and_path(experts, alice):
    page = alice.post("/ask/suggest/", {"title": "kubernetes upgrade"}, **htmx()).content.decode()
    assert 'value="charlie"' in page and "accepted answer" in page
    assert "Bob Brown" in page  # the path through the shared contact


def test_ticked_people_stay_ticked_when_the_question_changes(experts, alice):
    page = alice.post("/ask/suggest/", {"title": "lunch", "experts": ["dana"]}, **htmx())
    assert 'value="dana"' in page.content.decode() and "checked" in page.content.decode()


def test_posting_routes_and_redirects_to_the_status(experts, alice, charlie):
    response = alice.post("/ask/", {"title": "Drain a node?", "tags": "kubernetes",
                                    "place": "", "experts": ["charlie"]})  # fmt: skip
    item = Item.objects.get(title="Drain a node?")
    assert response.status_code == 302 and response.url == f"/ask/{item.pk}/"
    status = alice.get(response.url).content.decode()
    assert "Charlie Chen" in status and "not replied yet" in status
    assert "Drain a node?" in charlie.get("/ask/for-me/").content.decode()


def test_posting_errors_are_shown_and_change_nothing(experts, alice):
    response = alice.post("/ask/", {"title": "", "place": ""})
    assert response.status_code == 400
    response = alice.post("/ask/", {"title": "Q", "place": experts.secret.slug,
                                    "experts": ["dana"]})  # fmt: skip
    assert response.status_code == 400 and "cannot read" in response.content.decode()
    assert alice.post("/ask/", {"title": "Q", "place": "nope"}).status_code == 400
    assert not Item.objects.filter(title="Q").exists()


def test_declining_from_the_list(experts, alice, charlie, bob):
    alice.post("/ask/", {"title": "Q?", "place": "", "experts": ["charlie"]})
    routed = RoutedQuestion.objects.get()
    assert bob.post(f"/ask/for-me/{routed.pk}/decline/").status_code == 404
    assert charlie.post(f"/ask/for-me/{routed.pk}/decline/", **htmx()).content == b""
    routed.refresh_from_db()
    assert routed.state == "declined"


def test_a_question_status_of_a_restricted_item_is_not_found(experts, dana):
    assert dana.get(f"/ask/{experts.secret_item.pk}/").status_code == 404
    assert dana.get(f"/ask/{10**17}/").status_code == 404


def test_recommendations_page_and_dismiss(experts, dana):
    page = dana.get("/discover/recommendations/").content.decode()
    assert "Kubernetes upgrade plan" in page and "New in Platform Guild" in page
    assert "Codename Falcon" not in page
    url = f"/discover/recommendations/{experts.open_item.pk}/dismiss/"
    assert dana.post(url, **htmx()).status_code == 200
    assert DismissedRecommendation.objects.filter(person=experts.dana).count() == 1
    assert "Kubernetes upgrade plan" not in dana.get("/discover/recommendations/").content.decode()
    secret = f"/discover/recommendations/{experts.secret_item.pk}/dismiss/"
    assert dana.post(secret).status_code == 404
    assert dana.get(url).status_code == 405


def test_a_recommendation_links_to_its_kinds_own_page(experts, dana):
    """A file, a wiki page, an idea or a news article opens on its own page (its versions,
    its tree, its votes), like in lists and streams; other kinds on the item page."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kollega.files import actions as file_actions

    upload = SimpleUploadedFile("plan.txt", b"Kubernetes upgrade steps", content_type="text/plain")
    document = file_actions.upload_file(experts.alice, experts.guild, upload, tags="kubernetes")
    page = dana.get("/discover/recommendations/").content.decode()
    assert f'href="/files/{document.pk}/"' in page
    assert f'href="/items/{experts.open_item.pk}/"' in page


def test_experts_page(experts, dana):
    page = dana.get("/discover/experts/", {"q": "kubernetes"}).content.decode()
    assert page.index("Charlie Chen") < page.index("Bob Brown")
    assert dana.get("/discover/experts/", {"q": "x" * 10_000}).status_code == 200


def test_pages_take_a_fixed_number_of_queries(experts, dana):
    assert count_queries(dana, "/discover/recommendations/") <= 14
    assert count_queries(dana, "/discover/experts/?q=kubernetes") <= 12


def render(text, **context):
    return Template("{% load discovery_tags %}" + text).render(Context(context))


def test_the_knows_about_tag_explains_the_top_topics(experts):
    html = render("{% knows_about person %}", person=experts.charlie)
    assert "Knows about" in html and "kubernetes" in html and "tagged by 2 colleagues" in html
    assert "Answered 1 question" in html
    assert render("{% knows_about person %}", person=experts.staff).strip() == ""


def test_the_recommendations_tag_renders_for_the_signed_in_person(experts):
    request = RequestFactory().get("/")
    request.person = experts.dana
    html = render("{% recommendations %}", request=request)
    assert "Kubernetes upgrade plan" in html and "Not interested" in html
