from kollega.content.actions import create_item
from kollega.content.models import Item
from kollega.wiki.actions import create_page


def test_items_link_to_their_kinds_own_page(org):
    page = create_page(org.alice, org.guild, title="Handbook", body="Welcome")
    assert page.item.detail_url == f"/wiki/pages/{page.item.pk}/"
    assert org.open_item.detail_url == f"/items/{org.open_item.pk}/"


def test_the_wiki_link_leads_to_the_page_in_its_wiki(client, org):
    page = create_page(org.alice, org.guild, title="Handbook", body="Welcome")
    client.force_login(org.bob.user)
    response = client.get(page.item.detail_url)
    assert response.status_code == 302
    assert response["Location"] == f"/places/{org.guild.slug}/wiki/{page.slug}/"


def test_the_wiki_link_of_a_restricted_page_is_404_for_outsiders(client, org):
    page = create_page(org.alice, org.secret, title="Plans", body="Secret")
    client.force_login(org.dana.user)
    assert client.get(page.item.detail_url).status_code == 404


def test_an_item_without_a_page_of_its_own_links_to_the_item_page(org):
    item = create_item(org.bob, org.bob.board, kind=Item.Kind.STATUS, body="Hi")
    assert item.detail_url == item.get_absolute_url()
