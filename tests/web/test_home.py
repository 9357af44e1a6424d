"""Home: the activity stream in its views, with filters, "More", the composer and the live
"new posts" announcement; and nothing the viewer may not read, ever."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kollega.content.actions import create_item, like_item, reply_to_item, save_item
from kollega.content.models import Item
from kollega.moderation.actions import remove_item
from kollega.network.actions import accept_invitation, follow_person, invite
from kollega.places.models import Place
from kollega.stream.queries import PAGE_SIZE, WINDOWED_VIEWS
from tests.web.conftest import count_queries, htmx

VIEWS = ("following", "network", "discover", "status", "mentions", "saved")


def page_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def connect(a, b):
    accept_invitation(b, invite(a, b))


@pytest.fixture
def bobs_status(org):
    return create_item(org.bob, org.bob.board, kind="status", body="Rolling out *envoy*")


# The composer


def test_posting_a_status_puts_it_on_my_board(bob, org):
    response = bob.post("/", {"body": "Shipping the *ingress* today", "tags": "ingress, envoy"})
    assert response.status_code == 302
    item = Item.objects.get(body="Shipping the *ingress* today")
    assert item.kind == Item.Kind.STATUS
    assert item.place == org.bob.board
    assert sorted(t.name for t in item.tags.all()) == ["envoy", "ingress"]
    page = page_of(bob)
    assert "Your update is posted." in page
    assert "<em>ingress</em>" in page


def test_posting_from_a_tab_comes_back_to_it(bob):
    response = bob.post("/?view=status", {"body": "Hi"})
    assert response["Location"] == "/?view=status"


def test_posting_with_htmx_returns_the_composer_and_the_stream(bob):
    response = bob.post("/?view=discover", {"body": "Hello from htmx"}, **htmx())
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<div id="home-feed">')
    assert "Hello from htmx" in content
    assert 'hx-post="/?view=discover"' in content
    assert "<html" not in content


def test_an_empty_status_is_refused_with_a_message(bob):
    response = bob.post("/", {"body": "  "}, **htmx())
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Item.objects.filter(kind=Item.Kind.STATUS).exists()


def test_an_oversized_status_is_refused(bob):
    response = bob.post("/", {"body": "x" * 50_001})
    assert response.status_code == 400
    assert "at most 50000 characters" in response.content.decode()


def test_a_bad_tag_in_the_composer_is_refused_with_the_actions_message(bob):
    response = bob.post("/", {"body": "Hi", "tags": "ok, !!bad"})
    assert response.status_code == 400
    assert "is not a valid tag" in response.content.decode()


# The views


def test_every_tab_is_offered_and_the_current_one_is_marked(bob):
    page = page_of(bob, "/?view=network")
    for label in ("I&#x27;m following", "My network", "Discover", "Status updates",
                  "@Mentions", "Saved", "Action required"):  # fmt: skip
        assert f">{label}</a>" in page
    assert '<a href="/?view=network" aria-current="page">My network</a>' in page
    assert '<a href="/" aria-current="page">' in page_of(bob)


def test_following_is_the_default_and_shows_my_communities_and_people_i_follow(bob, org):
    page = page_of(bob)
    assert "Codename Falcon" in page  # bob belongs to Secret Project
    assert "Kubernetes upgrade plan" not in page  # nor member of the guild nor following alice
    follow_person(org.bob, org.alice)
    assert "Kubernetes upgrade plan" in page_of(bob)


def test_discover_shows_everything_i_may_read(bob, dana):
    assert "Kubernetes upgrade plan" in page_of(dana, "/?view=discover")
    assert "Codename Falcon" not in page_of(dana, "/?view=discover")
    assert "Codename Falcon" in page_of(bob, "/?view=discover")


def test_my_network_shows_my_contacts_only(dana, org, bobs_status):
    create_item(org.charlie, org.charlie.board, kind="status", body="Charlie here")
    assert "Rolling out" not in page_of(dana, "/?view=network")
    connect(org.dana, org.bob)
    page = page_of(dana, "/?view=network")
    assert "Rolling out <em>envoy</em>" in page
    assert "Charlie here" not in page


def test_status_updates_leave_out_other_kinds(bob, org, bobs_status):
    follow_person(org.bob, org.alice)
    page = page_of(bob, "/?view=status")
    assert "Rolling out" in page
    assert "Kubernetes upgrade plan" not in page


def test_mentions_show_where_i_was_mentioned(dana, org):
    create_item(
        org.alice, org.guild, kind="topic", title="Sales input", body="What do you think, @dana?"
    )
    page = page_of(dana, "/?view=mentions")
    assert "Sales input" in page
    assert "Kubernetes upgrade plan" not in page


def test_saved_shows_what_i_saved(dana, org):
    assert "You have not saved anything yet." in page_of(dana, "/?view=saved")
    save_item(org.dana, org.open_item)
    assert "Kubernetes upgrade plan" in page_of(dana, "/?view=saved")


def test_an_unknown_view_is_a_400_with_the_reason(bob):
    response = bob.get("/?view=everything")
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


# What an entry shows


def test_an_entry_shows_author_place_kind_tags_time_summary_and_counts(dana, org):
    reply_to_item(org.bob, org.open_item, "Agreed")
    reply_to_item(org.charlie, org.open_item, "Me too")
    like_item(org.bob, org.open_item)
    page = page_of(dana, "/?view=discover")
    assert 'href="/people/alice/">Alice Andersson</a>' in page
    assert 'href="/places/platform-guild/">Platform Guild</a>' in page
    assert '<span class="kind">Forum topic</span>' in page
    assert 'href="/tags/kubernetes/"' in page
    assert "<time datetime=" in page
    assert "Charlie Chen and 1 other replied" in page
    assert "Bob Brown liked this" in page
    assert "2 replies" in page
    assert f'hx-post="/items/{org.open_item.pk}/like/"' in page
    assert f'hx-post="/items/{org.open_item.pk}/save/"' in page
    assert "<strong>next week</strong>" in page


def test_an_entry_of_a_kind_with_its_own_page_links_there(dana, org):
    from kollega.wiki.actions import create_page

    wiki = create_page(org.alice, org.guild, title="Handbook", body="Welcome.")
    page = page_of(dana, "/?view=discover")
    assert wiki.item.detail_url != f"/items/{wiki.item.pk}/"
    assert f'<a href="{wiki.item.detail_url}">Handbook</a>' in page


def test_likes_and_saves_in_the_stream_show_my_state(dana, org):
    like_item(org.dana, org.open_item)
    page = page_of(dana, "/?view=discover")
    assert f'hx-post="/items/{org.open_item.pk}/unlike/"' in page


# Filters and pages


def test_it_filters_by_kind_and_tag(bob, org):
    create_item(org.bob, org.bob.board, kind="status", body="A status about envoy", tags="envoy")
    by_kind = page_of(bob, "/?view=discover&kind=status")
    assert "A status about envoy" in by_kind
    assert "Kubernetes upgrade plan" not in by_kind
    by_tag = page_of(bob, "/?view=discover&tag=Kubernetes")
    assert "Kubernetes upgrade plan" in by_tag
    assert "A status about envoy" not in by_tag
    assert 'name="view" value="discover"' in by_tag


@pytest.mark.parametrize(
    "query",
    ["?kind=nonsense", "?tag=%21%21", "?cursor=garbage", "?cursor=" + "x" * 300, "?since=soon"],
)
def test_bad_query_strings_answer_400_not_500(bob, query):
    response = bob.get("/" + query)
    assert response.status_code == 400
    assert 'class="message error"' in response.content.decode()


def test_a_bad_cursor_explains_itself(bob):
    response = bob.get("/?cursor=garbage")
    assert "That page link is not valid" in response.content.decode()


def _many_items(org, n, start=0):
    for i in range(start, start + n):
        create_item(org.alice, org.guild, kind="topic", title=f"Topic {i:02d}", body="Body")


def test_more_loads_the_next_page_with_and_without_htmx(bob, org):
    _many_items(org, PAGE_SIZE + 5)
    first = bob.get("/?view=discover")
    page = first.content.decode()
    assert "Topic 24" in page
    assert "Topic 04" not in page
    cursor = first.context["page"].next_cursor
    assert f'hx-get="/?view=discover&amp;cursor={cursor}"' in page
    fragment = bob.get(f"/?view=discover&cursor={cursor}", **htmx()).content.decode()
    assert "<html" not in fragment
    assert "Topic 04" in fragment
    assert "Topic 24" not in fragment
    plain = page_of(bob, f"/?view=discover&cursor={cursor}")
    assert "<html" in plain
    assert "Topic 04" in plain


def test_more_keeps_the_view_and_the_filters(bob, org):
    _many_items(org, PAGE_SIZE + 1)
    response = bob.get("/?view=discover&kind=topic")
    cursor = response.context["page"].next_cursor
    assert f"?view=discover&amp;kind=topic&amp;cursor={cursor}" in response.content.decode()


# Never what the viewer may not read


def test_restricted_items_are_never_shown_to_outsiders(dana, org):
    create_item(org.bob, org.secret, kind="topic", title="Falcon for @dana", body="Psst @dana")
    save_item(org.bob, org.secret_item)
    for view in VIEWS:
        page = page_of(dana, f"/?view={view}")
        assert "Codename Falcon" not in page
        assert "Falcon for" not in page


def test_items_that_became_restricted_after_the_event_leave_every_view(dana, org):
    follow_person(org.dana, org.alice)
    connect(org.dana, org.alice)
    save_item(org.dana, org.open_item)
    mention = create_item(org.alice, org.guild, kind="topic", title="Ask @dana", body="@dana?")
    shown = {view: page_of(dana, f"/?view={view}") for view in ("following", "network",
                                                                  "discover", "saved")}  # fmt: skip
    assert all("Kubernetes upgrade plan" in page for page in shown.values())
    assert "Ask @dana" in page_of(dana, "/?view=mentions")
    Place.objects.filter(pk=org.guild.pk).update(access=Place.Access.RESTRICTED)
    for view in VIEWS:
        page = page_of(dana, f"/?view={view}")
        assert "Kubernetes upgrade plan" not in page
        assert mention.title not in page


def test_removed_items_leave_every_view(dana, org):
    save_item(org.dana, org.open_item)
    follow_person(org.dana, org.alice)
    remove_item(org.staff, org.open_item, note="spam")
    for view in VIEWS:
        assert "Kubernetes upgrade plan" not in page_of(dana, f"/?view={view}")


# Live updates: "N new posts — show"


def test_the_page_asks_for_live_updates(bob):
    page = page_of(bob)
    assert 'data-live="/live/"' in page
    assert 'id="stream-news"' in page
    assert 'aria-live="polite"' in page
    assert 'hx-trigger="kollega-activity from:body' in page


def test_new_activity_since_the_page_was_shown_is_announced(dana, org):
    response = dana.get("/?view=discover")
    since = response.context["since"]
    url = f"/?view=discover&since={since.replace('+', '%2B')}"
    quiet = dana.get(url, **htmx())
    assert quiet.status_code == 200
    assert quiet.content.decode().strip() == ""
    create_item(org.bob, org.bob.board, kind="status", body="Fresh")
    create_item(org.charlie, org.charlie.board, kind="status", body="Fresher")
    news = dana.get(url, **htmx()).content.decode()
    assert "2 new posts — show" in news
    assert 'hx-get="/?view=discover"' in news
    assert 'hx-target="#stream"' in news


def test_the_announcement_counts_only_what_the_view_shows(dana, org):
    since = timezone.now().isoformat().replace("+", "%2B")
    create_item(org.bob, org.secret, kind="topic", title="Secret", body="x")
    create_item(org.bob, org.bob.board, kind="status", body="Not my network")
    news = dana.get(f"/?view=network&since={since}", **htmx()).content.decode()
    assert news.strip() == ""
    news = dana.get(f"/?view=discover&since={since}", **htmx()).content.decode()
    assert "1 new post — show" in news


def test_the_announcement_counts_new_activity_on_followed_tags(dana, org):
    from kollega.core.tags import get_or_create_tags
    from kollega.network.models import Follow

    Follow.objects.create(
        follower=org.dana, tag=get_or_create_tags(["rust"])[0], created=timezone.now()
    )
    older = create_item(org.bob, org.bob.board, kind="status", body="Old", tags="rust")
    since = timezone.now().isoformat().replace("+", "%2B")
    create_item(org.charlie, org.charlie.board, kind="status", body="New", tags="rust")
    create_item(org.charlie, org.charlie.board, kind="status", body="Untagged")
    assert "1 new post — show" in dana.get(f"/?since={since}", **htmx()).content.decode()
    # A reply moves the older tagged item into the count too.
    reply_to_item(org.alice, older, "Still relevant")
    assert "2 new posts — show" in dana.get(f"/?since={since}", **htmx()).content.decode()


def test_show_returns_the_stream_section(dana, org):
    response = dana.get("/?view=discover", **htmx())
    content = response.content.decode()
    assert content.startswith('<section id="stream"')
    assert "Kubernetes upgrade plan" in content


# Action required


def test_action_required_lists_invitations_with_their_buttons(dana, org):
    invitation = invite(org.charlie, org.dana, "Let's talk")
    page = page_of(dana, "/?view=action")
    assert "<strong>Charlie Chen</strong> invites you to their network" in page
    assert "Let&#x27;s talk" in page
    assert f'action="/network/invitations/{invitation.pk}/accept/"' in page
    assert f'action="/network/invitations/{invitation.pk}/ignore/"' in page
    assert 'href="/places/requests/"' in page
    assert 'name="kind"' not in page  # no filters on this tab


def test_accepting_from_action_required_comes_back_there(dana, org):
    invitation = invite(org.charlie, org.dana)
    response = dana.post(
        f"/network/invitations/{invitation.pk}/accept/",
        {"from": "network", "next": "/?view=action"},
    )
    assert response["Location"] == "/?view=action"
    assert "Nothing waits for your decision." in page_of(dana, "/?view=action")


def test_action_required_lists_join_requests_community_invitations_answers_and_routed(
    alice, dana, org
):
    from kollega.discovery.actions import ask_question
    from kollega.places.actions import invite_to_community, request_to_join

    request = request_to_join(org.dana, org.board_room, "Sales needs a seat")
    page = page_of(alice, "/?view=action")
    assert "<strong>Dana Dahl</strong> asks to join <strong>Architecture Board</strong>" in page
    assert f'action="/places/{org.board_room.slug}/requests/{request.pk}/"' in page
    assert 'value="approve"' in page

    invitation = invite_to_community(org.alice, org.secret, org.dana)
    question = ask_question(org.dana, title="Who knows pricing?", experts=[org.alice])
    reply_to_item(org.bob, question, "Charlie does")
    page = page_of(dana, "/?view=action")
    assert "invites you to join" in page
    assert f'action="/places/invitations/{invitation.pk}/"' in page
    assert "Your question “Who knows pricing?” has 1 answer" in page
    assert f'href="/items/{question.pk}/#replies"' in page
    routed = page_of(alice, "/?view=action")
    assert "<strong>Dana Dahl</strong> asks you: “Who knows pricing?”" in routed
    assert f'href="/items/{question.pk}/#reply-heading"' in routed


# The page around the stream


def test_featured_news_sits_on_top(dana, org):
    from kollega.news.actions import create_news, grant_editor

    grant_editor(org.staff, org.charlie)
    create_news(org.charlie, title="Town hall on Friday", body="Atrium.",
                featured_until=timezone.now() + timedelta(days=2))  # fmt: skip
    page = page_of(dana)
    assert "Featured news" in page
    assert page.index("Town hall on Friday") < page.index('id="stream"')


def test_recommendations_sit_beside_the_stream(dana):
    page = page_of(dana)
    assert "Recommended for you" in page
    assert '<aside class="home-side' in page


# Fixed query counts, each view, first and second page


def _busy(org, start):
    _many_items(org, 3, start)
    for i in range(3):
        item = create_item(org.bob, org.bob.board, kind="status", body=f"@dana status {start + i}",
                           tags="a b c")  # fmt: skip
        reply_to_item(org.charlie, item, "Reply")
        like_item(org.alice, item)
        save_item(org.dana, item)


def _queries(client, url, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.mark.parametrize("view", [*VIEWS, "action"])
def test_each_view_makes_a_fixed_number_of_queries(dana, org, view, monkeypatch):
    from kollega.web.views import home

    # Small pages, so that every view has a second page with little data.
    monkeypatch.setattr(home, "PAGE_SIZE", 2)
    follow_person(org.dana, org.alice)
    connect(org.dana, org.bob)
    _busy(org, 0)
    url = f"/?view={view}"

    def counts():
        first = count_queries(dana, url)
        if view == "action":
            return first, None, None
        cursor = dana.get(url).context["page"].next_cursor
        assert cursor
        second = count_queries(dana, f"{url}&cursor={cursor}")
        more, fragment = _queries(dana, f"{url}&cursor={cursor}", **htmx())
        assert "<html" not in fragment.content.decode()
        return first, second, more

    few = counts()
    _busy(org, 100)
    invite(org.charlie, org.dana)
    many = counts()
    if view in WINDOWED_VIEWS:
        # A page the recent windows cannot fill looks further back (at most three more
        # windows, one query each per condition: dana follows no tag, so one condition;
        # kollega/stream/queries.py, merged_page): more data never costs more queries.
        assert all(m <= f <= m + 3 for m, f in zip(many, few, strict=True) if m is not None)
    else:
        assert many == few
    assert few[0] <= 33
    if view != "action":
        # The "More" fragment has no header, composer, news or recommendations.
        assert few[2] < few[1]
