from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "kollega.ideas"
    label = "ideas"
