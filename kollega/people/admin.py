from django.contrib import admin

from kollega.people.models import ApiToken, Location, OrgUnit, Person, PersonTag


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ("city", "country", "time_zone")
    search_fields = ("city", "country")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "username", "job_title", "org_unit", "location", "manager")
    list_filter = ("org_unit", "location__country")
    search_fields = ("name", "username", "email", "job_title")
    autocomplete_fields = ("manager", "org_unit", "location")
    raw_id_fields = ("user",)
    list_select_related = ("org_unit", "location", "manager")


@admin.register(PersonTag)
class PersonTagAdmin(admin.ModelAdmin):
    list_display = ("person", "tag", "tagger", "created")
    search_fields = ("person__name", "tag__name", "tagger__name")
    raw_id_fields = ("person", "tagger", "tag")
    list_select_related = ("person", "tag", "tagger")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("person", "name", "prefix", "created", "last_used", "revoked")
    readonly_fields = ("digest", "prefix")
    raw_id_fields = ("person",)
