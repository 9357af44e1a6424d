"""Official news: the details a news article (an Item of kind "news" in the organisation
place) carries beyond the content spine."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_SUMMARY = 500


class NewsDetail(models.Model):
    """The lead, the featured window and the audience of one news article.

    An empty audience (no org units and no locations) means everyone. An org unit in the
    audience includes every unit below it. The audience only decides who sees the article
    *featured*; every news article stays readable by everyone who can read the place.
    """

    item = models.OneToOneField(
        "content.Item", primary_key=True, on_delete=models.CASCADE, related_name="news"
    )
    summary = models.CharField(_("summary"), max_length=MAX_SUMMARY, blank=True)
    featured_until = models.DateTimeField(_("featured until"), null=True, blank=True)
    audience_units = models.ManyToManyField(
        "people.OrgUnit", blank=True, related_name="+", verbose_name=_("audience: org units")
    )
    audience_locations = models.ManyToManyField(
        "people.Location", blank=True, related_name="+", verbose_name=_("audience: locations")
    )

    class Meta:
        verbose_name = _("news article")
        indexes = [models.Index(fields=["featured_until"])]

    def __str__(self) -> str:
        return str(self.item)
