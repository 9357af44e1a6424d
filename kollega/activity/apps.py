from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "kollega.activity"
    label = "activity"
