from django.db import models


class Event(models.Model):
    """Who did what to which object where, when (ActivityStreams 2.0 vocabulary).

    Written by the actions layer in the same transaction as the change it records; the
    stream, notifications, feeds and analytics read from here.
    """

    class Verb(models.TextChoices):
        CREATE = "create"
        UPDATE = "update"
        DELETE = "delete"
        REPLY = "reply"
        LIKE = "like"
        UNLIKE = "unlike"
        SAVE = "save"
        TAG = "tag"
        UNTAG = "untag"
        JOIN = "join"
        LEAVE = "leave"
        MENTION = "mention"
        INVITE = "invite"
        CONNECT = "connect"
        DISCONNECT = "disconnect"
        FOLLOW = "follow"
        UNFOLLOW = "unfollow"
        ASK = "ask"
        ACCEPT_ANSWER = "accept-answer"
        REQUEST_JOIN = "request-join"
        APPROVE = "approve"
        DECLINE = "decline"
        VOTE = "vote"
        REPORT = "report"
        REMOVE = "remove"
        DOWNLOAD = "download"

    actor = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="events")
    verb = models.CharField(max_length=24, choices=Verb.choices)
    # The object: an item, a reply, a place or a person, whichever applies.
    item = models.ForeignKey(
        "content.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    reply = models.ForeignKey(
        "content.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    published = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [
            models.Index(fields=["item", "-published"]),
            models.Index(fields=["actor", "-published"]),
            models.Index(fields=["place", "-published"]),
            models.Index(fields=["person", "verb", "-published"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.verb} @ {self.published:%Y-%m-%d %H:%M}"
