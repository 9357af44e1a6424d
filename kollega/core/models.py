from django.db import models
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    """A tag shared by items and profiles; names are stored normalised (see core.tags)."""

    name = models.CharField(_("name"), max_length=64, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
