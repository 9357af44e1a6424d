from django.contrib import admin

from kollega.places.models import Membership, Place


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ("person",)
    extra = 0


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "access", "member_count", "last_activity_at")
    list_filter = ("kind", "access")
    search_fields = ("name", "slug")
    raw_id_fields = ("owner",)
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        # A board has one membership (its owner); listing it adds nothing.
        if obj is not None and obj.kind == Place.Kind.BOARD:
            return []
        return super().get_inlines(request, obj)
