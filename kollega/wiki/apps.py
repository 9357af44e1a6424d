from django.apps import AppConfig


class WikiConfig(AppConfig):
    name = "kollega.wiki"
    label = "wiki"
