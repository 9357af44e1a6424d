from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "kollega.network"
    label = "network"
