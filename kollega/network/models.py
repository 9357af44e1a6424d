from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """An invitation to join someone's network; accepted it becomes two Contact rows."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        IGNORED = "ignored", _("Ignored")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    sender = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="sent_invitations"
    )
    recipient = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="received_invitations"
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    created = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=Q(state="pending"),
                name="invitation_one_pending",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "state", "-created"]),
            models.Index(fields=["sender", "state", "-created"]),
        ]


class Contact(models.Model):
    """One direction of a two-way contact. Every contact is stored as two rows, (a, b) and
    (b, a), so "the contacts of X" is one index range scan whichever side X was on."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="contact_once"),
            models.CheckConstraint(condition=~Q(person=models.F("other")), name="contact_not_self"),
        ]


class Follow(models.Model):
    """One-way interest: a person follows a person, a place, a tag or an item."""

    follower = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="following"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    tag = models.ForeignKey(
        "core.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    item = models.ForeignKey(
        "content.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    created = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, place__isnull=True, tag__isnull=True, item__isnull=True)
                    | Q(
                        person__isnull=True,
                        place__isnull=False,
                        tag__isnull=True,
                        item__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        place__isnull=True,
                        tag__isnull=False,
                        item__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        place__isnull=True,
                        tag__isnull=True,
                        item__isnull=False,
                    )
                ),
                name="follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["follower", "person"],
                condition=Q(person__isnull=False),
                name="follow_person_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "place"],
                condition=Q(place__isnull=False),
                name="follow_place_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "tag"], condition=Q(tag__isnull=False), name="follow_tag_once"
            ),
            models.UniqueConstraint(
                fields=["follower", "item"],
                condition=Q(item__isnull=False),
                name="follow_item_once",
            ),
        ]
        indexes = [models.Index(fields=["person", "follower"])]


class DismissedSuggestion(models.Model):
    """A "do you know" suggestion the person dismissed; it does not come back."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    suggested = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "suggested"], name="dismissed_once")
        ]
