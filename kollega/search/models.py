"""The search index: one row per findable thing (an item, a person, a community).

The row holds the text the full-text index reads (title, body, tags, keywords) and the
columns the facets group by. It never decides who may see a result: every query joins it back to the
item, place or person and filters through kollega.access, so a removed item, a privacy
change or a lost membership hides a result at once, whatever the index still holds.

The full-text structures live beside this table and are created by migration 0002 for the
database in use: an FTS5 table kept in step by triggers on SQLite, generated tsvector columns
with GIN indexes on PostgreSQL.
"""

from django.db import models


class SearchDocument(models.Model):
    PERSON = "person"
    COMMUNITY = "community"

    # An item kind (Item.Kind), "person" or "community".
    kind = models.CharField(max_length=16)
    item = models.OneToOneField(
        "content.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.OneToOneField(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The item's place, or the community itself: the "community" facet.
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The item's author: the "person" facet.
    author = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField()
    title = models.TextField(blank=True)
    # The text a person reads: what snippets quote.
    body = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    # Words the document is found by but a snippet never quotes: a bookmark's address, a
    # file's name (as plain words, see documents.words_of).
    keywords = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "created"]),
            models.Index(fields=["author", "created"]),
            models.Index(fields=["place", "created"]),
            models.Index(fields=["created"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["place"], condition=models.Q(kind="community"),
                                    name="searchdocument_community_once"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.kind}: {self.title[:60]}"
