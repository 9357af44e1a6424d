from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "kollega.moderation"
    label = "moderation"
