from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kollega.core"
    label = "core"
