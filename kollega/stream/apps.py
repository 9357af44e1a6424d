from django.apps import AppConfig


class StreamConfig(AppConfig):
    name = "kollega.stream"
    label = "stream"
