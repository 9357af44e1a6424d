from django.db import models
from django.utils.translation import gettext_lazy as _


class Bookmark(models.Model):
    """The web address behind an Item of kind "bookmark".

    The item carries the title, the description (its Markdown body), the tags, where it lives
    (the author's board or a community) and whether it is private. ``url_key`` is the hash of
    the normal form of the address: bookmarks with the same key are one group ("7 people
    bookmarked this").
    """

    item = models.OneToOneField(
        "content.Item", primary_key=True, on_delete=models.CASCADE, related_name="bookmark"
    )
    url = models.URLField(_("address"), max_length=2000)
    normalised_url = models.URLField(max_length=2000)
    url_key = models.CharField(max_length=64)  # indexed with the item below

    class Meta:
        indexes = [
            # An address's newest bookmarks (search ranking reads a few per address).
            models.Index(fields=["url_key", "-item"], name="bookmark_address_newest"),
        ]

    def __str__(self) -> str:
        return self.url
