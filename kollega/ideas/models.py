from django.db import models
from django.utils.translation import gettext_lazy as _


class Idea(models.Model):
    """The state of an Item of kind "idea" in a community, and its votes.

    open → accepted | duplicate | declined, decided by an owner of the community; a decided
    idea can be reopened. Only open ideas take votes, and only votes on open ideas count
    against the community's cap (``Place.idea_vote_cap``), so a decision gives votes back.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted")
        DUPLICATE = "duplicate", _("Duplicate")
        DECLINED = "declined", _("Declined")

    item = models.OneToOneField(
        "content.Item", primary_key=True, on_delete=models.CASCADE, related_name="idea"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    # Kept by the vote actions with F() updates so lists sort without counting rows.
    vote_count = models.PositiveIntegerField(default=0)
    decided_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    decision_note_html = models.TextField(blank=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["state", "-vote_count"])]

    def __str__(self) -> str:
        return str(self.item)


class IdeaVote(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "person"], name="ideavote_once")]
        indexes = [models.Index(fields=["person", "idea"])]
