from django.urls import path, register_converter
from django.urls.converters import get_converters

from kollega.moderation import views
from kollega.web.converters import IdConverter

# The web UI registers this converter too; whichever URLconf loads first does it.
if "id" not in get_converters():
    register_converter(IdConverter, "id")

# The report form lives under the item (the web UI's item toggles accept only their own
# names, so items/<id>/report/ reaches this app).
urlpatterns = [
    path("moderation/", views.queue, name="moderation-queue"),
    path("moderation/removed/", views.removed, name="moderation-removed"),
    path("moderation/mine/", views.mine, name="moderation-mine"),
    path("items/<id:item_id>/report/", views.report, name="item-report"),
    path("moderation/items/<id:item_id>/restore/", views.restore, name="moderation-restore"),
    path(
        "moderation/items/<id:item_id>/<slug:decision>/",
        views.decide,
        name="moderation-decide",
    ),
]
