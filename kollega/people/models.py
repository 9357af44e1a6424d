from __future__ import annotations

import hashlib
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TIME_ZONE_CHOICES = sorted((tz, tz) for tz in zoneinfo.available_timezones())


class OrgUnit(models.Model):
    """A department in the organisation's tree."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("org unit")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org-unit", args=[self.slug])

    def ancestors(self) -> list[OrgUnit]:
        chain, unit, seen = [], self.parent, {self.pk}
        while unit is not None and unit.pk not in seen:
            chain.append(unit)
            seen.add(unit.pk)
            unit = unit.parent
        return list(reversed(chain))


class Location(models.Model):
    """A place people work from: country, city and the time zone there."""

    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. SE"))
    city = models.CharField(_("city"), max_length=120)
    time_zone = models.CharField(_("time zone"), max_length=64, choices=TIME_ZONE_CHOICES)

    class Meta:
        ordering = ["country", "city"]
        constraints = [
            models.UniqueConstraint(fields=["country", "city"], name="location_unique_city")
        ]
        verbose_name = _("location")

    def __str__(self) -> str:
        return f"{self.city}, {self.country}"


class Audience(models.TextChoices):
    """Who a privacy setting lets in."""

    EVERYONE = "everyone", _("Everyone")
    NETWORK = "network", _("My network")
    ME = "me", _("Only me")


class Person(models.Model):
    """The profile of a user: who they are, where they sit, whom they report to."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    username = models.CharField(_("username"), max_length=150, unique=True)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    about = models.TextField(_("about"), blank=True)
    about_html = models.TextField(blank=True, editable=False)
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)
    # Lower-cased name for prefix search as you type, on every database.
    search_name = models.CharField(max_length=150, db_index=True, editable=False)
    # Privacy: who may see my network, who may post on my board.
    network_visibility = models.CharField(
        _("who may see my network"), max_length=16, choices=Audience.choices,
        default=Audience.EVERYONE,
    )  # fmt: skip
    board_posting = models.CharField(
        _("who may post on my board"), max_length=16, choices=Audience.choices,
        default=Audience.EVERYONE,
    )  # fmt: skip
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["org_unit", "name"]), models.Index(fields=["manager"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("profile", args=[self.username])

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    @property
    def avatar_hue(self) -> int:
        return int(hashlib.sha256(self.username.encode()).hexdigest()[:4], 16) % 360

    def reporting_chain(self) -> list[Person]:
        """Manager, manager's manager, … up to the top (one query per level, cycles cut)."""
        chain: list[Person] = []
        seen = {self.pk}
        manager_id = self.manager_id
        while manager_id and manager_id not in seen:
            manager = Person.objects.select_related("org_unit").get(pk=manager_id)
            chain.append(manager)
            seen.add(manager_id)
            manager_id = manager.manager_id
        return chain


class PersonTag(models.Model):
    """Someone tagged a colleague (or themselves) with a tag."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="received_tags")
    tagger = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="given_tags")
    tag = models.ForeignKey("core.Tag", on_delete=models.CASCADE, related_name="person_tags")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "tagger", "tag"], name="persontag_once")
        ]
        indexes = [models.Index(fields=["tag", "person"])]


class ApiToken(models.Model):
    """A personal access token; only its SHA-256 is stored, the token is shown once."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
