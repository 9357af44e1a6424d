from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kollega.people"
    label = "people"
