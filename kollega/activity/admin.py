from django.contrib import admin

from kollega.activity.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("published", "actor", "verb", "item", "place", "person")
    list_filter = ("verb",)
    raw_id_fields = ("actor", "item", "reply", "place", "person")
    list_select_related = ("actor", "item", "place", "person")
    show_full_result_count = False

    def has_change_permission(self, request, obj=None):
        # Events are the audit trail: readable, never edited by hand.
        return False
