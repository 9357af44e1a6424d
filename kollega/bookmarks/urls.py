from django.urls import path

from kollega.bookmarks import views
from kollega.web import urls as _web_urls  # noqa: F401 (registers the "id" path converter)

urlpatterns = [
    path("bookmarks/", views.index, name="bookmarks"),
    path("bookmarks/add/", views.add, name="bookmarks-add"),
    path("bookmarks/bookmarklet/", views.bookmarklet, name="bookmarks-bookmarklet"),
    path("bookmarks/url/", views.url_group, name="bookmarks-url"),
    path("bookmarks/tag/<str:tag>/", views.by_tag, name="bookmarks-tag"),
    path("bookmarks/<id:item_id>/edit/", views.edit, name="bookmarks-edit"),
    path("bookmarks/<id:item_id>/delete/", views.delete, name="bookmarks-delete"),
    path("places/<slug:slug>/bookmarks/", views.place_tab, name="bookmarks-list"),
]
