from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kollega.core"
    label = "core"

    def ready(self) -> None:
        from kollega.core import lookups  # noqa: F401  (registers field__any_of)
