"""/wiki/pages/<item id>/ → the page's address in its community's wiki, for links that
only know the item (streams, search results, notifications)."""

from django.shortcuts import redirect

from kollega import access
from kollega.wiki.models import WikiPage


def page_by_item(request, item_id: int):
    item = access.item_for(request.person, item_id)
    page = WikiPage.objects.filter(item=item).select_related("place").first()
    if page is None:
        return redirect("item", item.pk)
    return redirect("wiki-page", page.place.slug, page.slug)
