from django.contrib import admin

from kollega.content.models import Item, Reply


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "author", "place", "created", "removed_at")
    list_filter = ("kind",)
    search_fields = ("title",)
    raw_id_fields = ("author", "place")
    readonly_fields = ("body_html", "reply_count", "like_count")
    list_select_related = ("author", "place")
    show_full_result_count = False


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ("item", "author", "created", "removed_at")
    raw_id_fields = ("item", "author")
    readonly_fields = ("body_html",)
    list_select_related = ("item", "author")
    show_full_result_count = False
