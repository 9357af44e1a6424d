from django.urls import path, register_converter

from kollega.web.converters import IdConverter
from kollega.wiki import by_item, views

# The web app registers this converter as "id"; a name of our own keeps the wiki's URLs
# independent of which URLconf Django imports first.
register_converter(IdConverter, "wiki_number")

PAGE = "places/<slug:slug>/wiki/<slug:page_slug>/"

urlpatterns = [
    path("wiki/pages/<wiki_number:item_id>/", by_item.page_by_item, name="wiki-by-item"),
    path("places/<slug:slug>/wiki/", views.wiki_home, name="wiki-home"),
    # Before the page address: "new" is reserved and can never be a page's slug.
    path("places/<slug:slug>/wiki/new/", views.page_new, name="wiki-new"),
    path(PAGE, views.page_detail, name="wiki-page"),
    path(PAGE + "edit/", views.page_edit, name="wiki-edit"),
    path(PAGE + "move/", views.page_move, name="wiki-move"),
    path(PAGE + "history/", views.page_history, name="wiki-history"),
    path(PAGE + "diff/", views.page_diff, name="wiki-diff"),
    path(PAGE + "revisions/<wiki_number:number>/", views.revision_detail, name="wiki-revision"),
    path(
        PAGE + "revisions/<wiki_number:number>/restore/",
        views.revision_restore,
        name="wiki-restore",
    ),
]
