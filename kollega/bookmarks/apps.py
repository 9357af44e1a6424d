from django.apps import AppConfig


class BookmarksConfig(AppConfig):
    name = "kollega.bookmarks"
    label = "bookmarks"
