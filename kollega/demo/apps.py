from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kollega.demo"
    label = "demo"
