from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "kollega.places"
    label = "places"
