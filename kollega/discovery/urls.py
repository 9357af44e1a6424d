from django.urls import path

from kollega.discovery import views
from kollega.web import urls as _web_urls  # noqa: F401 (registers the "id" path converter)

urlpatterns = [
    path("ask/", views.compose, name="ask"),
    path("ask/suggest/", views.suggest, name="ask-suggest"),
    path("ask/for-me/", views.routed_list, name="ask-routed"),
    path("ask/for-me/<id:routed_id>/decline/", views.decline, name="ask-decline"),
    path("ask/<id:item_id>/", views.status, name="ask-status"),
    path(
        "discover/recommendations/", views.recommendations_page, name="discover-recommendations"
    ),  # fmt: skip
    path(
        "discover/recommendations/<id:item_id>/dismiss/", views.dismiss, name="discover-dismiss"
    ),  # fmt: skip
    path("discover/experts/", views.experts, name="discover-experts"),
]
