from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "kollega.discovery"
    label = "discovery"
