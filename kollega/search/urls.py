from django.urls import path

from kollega.search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="search-suggest"),
]
