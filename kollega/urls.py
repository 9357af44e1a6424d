from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("kollega.api.urls")),
    path("", include("kollega.web.urls")),
]

# Feature apps bring their own pages (kollega/<app>/urls.py) and API router
# (kollega/<app>/api.py, registered in kollega/api/api.py).
FEATURE_APPS = (
    "wiki", "files", "bookmarks", "ideas", "news", "moderation", "stream", "notifications",
    "search", "discovery",
)  # fmt: skip
urlpatterns += [path("", include(f"kollega.{app}.urls")) for app in FEATURE_APPS]

if settings.DEBUG or settings.KOLLEGA_SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
