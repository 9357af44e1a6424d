"""A community's wiki: pages in a tree, each with its full revision history.

The page's current title, text and tags live on its Item (the content spine), so search,
the stream, likes and replies treat wiki pages like all other content. What only a wiki has
hangs off the Item here: where the page sits in the tree, and every earlier version.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WikiPage(models.Model):
    item = models.OneToOneField(
        "content.Item", primary_key=True, on_delete=models.CASCADE, related_name="wiki_page"
    )
    # The same as item.place, kept here so slugs can be unique per wiki in the database.
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    # A page whose parent goes away (its item deleted) moves to the top of the tree.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    slug = models.SlugField(_("address"), max_length=120)
    # Order among siblings, smallest first.
    position = models.PositiveIntegerField(default=0)
    # The number of the newest revision, so a page view needs no revision query at all.
    revision_number = models.PositiveIntegerField(default=0)
    last_editor = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["place", "slug"], name="wikipage_slug_per_place")
        ]
        indexes = [models.Index(fields=["place", "parent", "position"])]

    def __str__(self) -> str:
        return self.slug


class WikiRevision(models.Model):
    """One saved version of a page: what its title and text were after an edit."""

    page = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    author = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()
    note = models.CharField(_("change note"), max_length=200, blank=True)
    # Set when this revision brought back an earlier one's content.
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="wikirevision_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} r{self.number}"
