from django.contrib import admin

from kollega.wiki.models import WikiPage, WikiRevision


@admin.register(WikiPage)
class WikiPageAdmin(admin.ModelAdmin):
    list_display = ("slug", "place", "parent", "position", "revision_number")
    list_select_related = ("place", "parent")
    raw_id_fields = ("item", "place", "parent", "last_editor")
    search_fields = ("slug", "item__title")


@admin.register(WikiRevision)
class WikiRevisionAdmin(admin.ModelAdmin):
    list_display = ("page", "number", "title", "author", "created")
    raw_id_fields = ("page", "author")
    # Revisions are history: they are read here, never rewritten.
    readonly_fields = ("page", "number", "title", "body", "author", "created", "note",
                       "restored_from")  # fmt: skip
