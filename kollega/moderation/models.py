"""Reports of content that breaks the rules, and the moderators' decisions on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_NOTE = 1000


class Report(models.Model):
    """Someone reported an item. States: open → removed (the item was removed) | dismissed.

    One open report per person per item; once decided, the same person may report again.
    """

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or abusive")
        CONFIDENTIAL = "confidential", _("Confidential information")
        OTHER = "other", _("Something else")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        REMOVED = "removed", _("Removed")
        DISMISSED = "dismissed", _("Dismissed")

    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=MAX_NOTE)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    created = models.DateTimeField()
    decided_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True, max_length=MAX_NOTE)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "reporter"],
                condition=models.Q(state="open"),
                name="report_one_open_per_person",
            )
        ]
        indexes = [
            models.Index(fields=["state", "item"]),
            models.Index(fields=["reporter", "-created"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.item}"
