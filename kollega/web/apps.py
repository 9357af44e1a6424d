from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kollega.web"
    label = "web"
