from django.urls import path, register_converter
from django.urls.converters import get_converters

from kollega.news import views
from kollega.web.converters import IdConverter, UsernameConverter

# The web UI registers these converters too; whichever URLconf loads first does it.
for _name, _converter in (("id", IdConverter), ("username", UsernameConverter)):
    if _name not in get_converters():
        register_converter(_converter, _name)

urlpatterns = [
    path("news/", views.news_list, name="news"),
    path("news/new/", views.news_new, name="news-new"),
    path("news/editors/", views.editors, name="news-editors"),
    path("news/editors/<username:username>/revoke/", views.revoke, name="news-editor-revoke"),
    path("news/<id:item_id>/", views.news_detail, name="news-detail"),
    path("news/<id:item_id>/edit/", views.news_edit, name="news-edit"),
]
