from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "kollega.content"
    label = "content"
