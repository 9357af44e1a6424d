from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    """Why a person is told about an event. Each reason belongs to one email kind."""

    MENTION = "mention", _("You were mentioned")
    BOARD_POST = "board_post", _("Someone posted on your board")
    REPLY = "reply", _("A reply to your post")
    THREAD = "thread", _("A reply in a thread you take part in")
    ANSWER = "answer", _("An answer to your question")
    ACCEPTED = "accepted", _("Your answer was accepted")
    INVITATION = "invitation", _("An invitation to connect")
    CONNECTED = "connected", _("Your invitation was accepted")
    JOIN_REQUEST = "join_request", _("A request to join your community")
    JOIN_DECISION = "join_decision", _("A decision on your request to join")
    COMMUNITY_INVITATION = "community_invitation", _("An invitation to a community")
    LIKE = "like", _("Someone liked your post")
    TAGGED = "tagged", _("Someone tagged you")
    NEWS = "news", _("News for you")
    FOLLOWING = "following", _("Activity on something you follow")


class Notification(models.Model):
    """One event told to one person. Grouped per thread (``item``) when shown."""

    recipient = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.ForeignKey("activity.Event", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=32, choices=Reason.choices)
    # The thread the event belongs to, for grouping and for the access check at read time.
    item = models.ForeignKey(
        "content.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Email: pending until sent on its own or in a digest, or skipped by preference.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created", "-id"]),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(
                fields=["emailed_at", "recipient"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_unemailed",
            ),
        ]


class EmailPreference(models.Model):
    """How a person wants email for one kind of notification, for their own content and for
    things they follow separately. Missing rows mean the defaults in preferences.py."""

    class Frequency(models.TextChoices):
        EACH = "each", _("Each one")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        NONE = "none", _("None")

    class Scope(models.TextChoices):
        MINE = "mine", _("My own content")
        FOLLOWING = "following", _("Things I follow")

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32)
    scope = models.CharField(max_length=16, choices=Scope.choices)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "scope"], name="emailpref_once")
        ]


class ScheduledRun(models.Model):
    """When a periodic job (daily / weekly digests) last ran, shared by all workers."""

    name = models.CharField(max_length=64, unique=True)
    last_run = models.DateTimeField()
