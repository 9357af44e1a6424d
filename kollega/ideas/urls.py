from django.urls import path

from kollega.ideas import views
from kollega.web import urls as _web_urls  # noqa: F401 (registers the "id" path converter)

urlpatterns = [
    path("places/<slug:slug>/ideas/", views.ideas_list, name="ideas-list"),
    path("ideas/<id:item_id>/", views.idea_detail, name="idea"),
    path("ideas/<id:item_id>/decide/", views.decide, name="ideas-decide"),
    path("ideas/<id:item_id>/<str:action>/", views.vote, name="ideas-vote"),
]
