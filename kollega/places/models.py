from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Place(models.Model):
    """Where content lives: a person's board, a community or the organisation."""

    class Kind(models.TextChoices):
        BOARD = "board", _("Board")
        COMMUNITY = "community", _("Community")
        ORGANISATION = "organisation", _("Organisation")

    class Access(models.TextChoices):
        OPEN = "open", _("Open: everyone reads and joins")
        MODERATED = "moderated", _("Moderated: everyone reads, joining needs approval")
        RESTRICTED = "restricted", _("Restricted: only members see it")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(blank=True, editable=False)
    access = models.CharField(
        _("access"), max_length=16, choices=Access.choices, default=Access.OPEN
    )
    # The person whose board this is (boards only).
    owner = models.OneToOneField(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="board"
    )
    tags = models.ManyToManyField("core.Tag", blank=True, related_name="places")
    picture = models.ImageField(_("picture"), upload_to="places/", blank=True)
    # Ideas: how many open ideas one member may vote for at a time (empty: no cap).
    idea_vote_cap = models.PositiveSmallIntegerField(_("votes per member"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    member_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-last_activity_at"]
        indexes = [models.Index(fields=["kind", "access", "-last_activity_at"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.BOARD and self.owner_id:
            return reverse("profile", args=[self.owner.username])
        return reverse("place", args=[self.slug])


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")
        MEMBER = "member", _("Member")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "person"], name="membership_once")]
        indexes = [models.Index(fields=["person", "place"])]


class JoinRequest(models.Model):
    """A request to join a moderated community, or an owner's invitation to join one.

    ``invited_by`` set means an invitation (the person answers); empty means a request (an
    owner answers). States: pending → approved | declined | withdrawn.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="join_requests")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(blank=True, max_length=1000)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    created = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "person"],
                condition=models.Q(state="pending"),
                name="joinrequest_one_pending",
            )
        ]
        indexes = [
            models.Index(fields=["place", "state"]),
            models.Index(fields=["person", "state"]),
        ]

    @property
    def is_invitation(self) -> bool:
        return self.invited_by_id is not None
