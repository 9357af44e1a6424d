from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "kollega.files"
    label = "files"
