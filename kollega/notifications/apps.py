from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kollega.notifications"
    label = "notifications"
