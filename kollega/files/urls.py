from django.urls import path, register_converter
from django.urls.converters import get_converters

from kollega.files import detail, downloads, views
from kollega.web.converters import IdConverter

# The web app registers the same converter; whichever urls module loads first does it.
if "id" not in get_converters():
    register_converter(IdConverter, "id")

urlpatterns = [
    path("places/<slug:slug>/files/", views.place_files, name="files-list"),
    path("places/<slug:slug>/files/upload/", views.upload_to_place, name="files-upload"),
    path("files/", views.my_files, name="files-mine"),
    path("files/upload/", views.upload_mine, name="files-upload-mine"),
    path("files/<id:item_id>/", detail.file_detail, name="files-detail"),
    path("files/<id:item_id>/versions/", detail.upload_version, name="files-version-upload"),
    path("files/<id:item_id>/share/", detail.share, name="files-share"),
    path("files/<id:item_id>/shares/<id:share_id>/remove/", detail.unshare, name="files-unshare"),
    path("files/<id:item_id>/visibility/", detail.visibility, name="files-visibility"),
    path("files/<id:item_id>/download/", downloads.download, name="files-download"),
    path("files/<id:item_id>/preview/", downloads.preview, name="files-preview"),
    path(
        "files/<id:item_id>/versions/<id:number>/download/",
        downloads.version_download,
        name="files-version-download",
    ),
    path(
        "files/<id:item_id>/versions/<id:number>/preview/",
        downloads.version_preview,
        name="files-version-preview",
    ),
]
