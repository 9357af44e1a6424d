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
