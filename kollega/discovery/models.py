"""Discovery's own tables: who knows what (materialised), how quickly people answer,
questions addressed to people, and what a person has seen or dismissed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Expertise(models.Model):
    """A person's score on a topic, with the evidence behind it (for "why").

    Rebuilt from public evidence only (see kollega/discovery/expertise.py), so it may be
    shown to anyone: it never counts content of restricted communities or private items.
    """

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey("core.Tag", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    self_tagged = models.BooleanField(default=False)
    taggers = models.PositiveIntegerField(default=0)  # distinct colleagues who gave the tag
    items = models.PositiveIntegerField(default=0)  # things they wrote with the tag
    answers = models.PositiveIntegerField(default=0)  # accepted answers on tagged questions
    bookmarks = models.PositiveIntegerField(default=0)  # their bookmarks with the tag

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "tag"], name="expertise_once"),
        ]
        indexes = [
            models.Index(fields=["tag", "-score"]),
            models.Index(fields=["person", "-score"]),
        ]


class Responsiveness(models.Model):
    """How a person answers questions: how many they replied to, how many of their
    answers were accepted and the median time from the question to their first reply."""

    person = models.OneToOneField(
        "people.Person", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    replied = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    median_seconds = models.PositiveIntegerField(null=True, blank=True)

    @property
    def answer_rate(self) -> float:
        return self.accepted / self.replied if self.replied else 0.0


class RefreshMark(models.Model):
    """How far the incremental refresh has read the event log (a single row)."""

    last_event_id = models.BigIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)


class RoutedQuestion(models.Model):
    """A question addressed to a person the asker chose (usually from Ask's suggestions)."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")

    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    routed_by = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    # Why the asker chose them, as Ask explained it (shown on the status page).
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="routed_once"),
        ]
        indexes = [models.Index(fields=["person", "state", "-created"])]


class SeenItem(models.Model):
    """An item a person opened; recommendations leave it out."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "item"], name="seen_once")]


class DismissedRecommendation(models.Model):
    """A recommendation the person dismissed; it does not come back."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "item"], name="dismissed_recommendation_once")
        ]
