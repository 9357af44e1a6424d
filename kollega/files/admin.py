from django.contrib import admin

from kollega.files.models import FileDetail, FileVersion


class VersionInline(admin.TabularInline):
    model = FileVersion
    fields = ("number", "original_name", "size", "content_type", "sha256", "uploader", "created")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(FileDetail)
class FileDetailAdmin(admin.ModelAdmin):
    list_display = ("name", "content_type", "size", "version", "download_count")
    search_fields = ("name",)
    readonly_fields = ("item", "current")
    inlines = [VersionInline]
