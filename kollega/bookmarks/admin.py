from django.contrib import admin

from kollega.bookmarks.models import Bookmark


@admin.register(Bookmark)
class BookmarkAdmin(admin.ModelAdmin):
    list_display = ("item", "url")
    search_fields = ("url", "normalised_url")
    raw_id_fields = ("item",)
