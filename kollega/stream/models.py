import hashlib

from django.db import models


class FeedToken(models.Model):
    """A person's secret for their Atom feeds (feed readers cannot sign in).

    Only the digest is stored; revoking deletes it and every feed URL that used it stops
    working. One active token per person.
    """

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="feed_token"
    )
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    @staticmethod
    def hash(plain: str) -> str:
        return hashlib.sha256(plain.encode()).hexdigest()
