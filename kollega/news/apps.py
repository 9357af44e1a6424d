from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "kollega.news"
    label = "news"
