"""Bookmark forms check the shape of input; bookmarks.actions checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.bookmarks.urlnorm import MAX_URL
from kollega.content.actions import MAX_BODY, MAX_TITLE
from kollega.places.models import Place
from kollega.web.forms import TAGS_HELP, Form

# A person in more communities than this picks from the community's own bookmarks tab.
MAX_PLACE_CHOICES = 200


def community_choices(person) -> list[tuple[str, str]]:
    """Where the person may put a bookmark: their own space, or a community they belong to."""
    places = (
        Place.objects.filter(kind=Place.Kind.COMMUNITY, memberships__person=person)
        .order_by("name")
        .values_list("slug", "name")[:MAX_PLACE_CHOICES]
    )
    return [("", _("My bookmarks (my own space)")), *places]


class BookmarkForm(Form):
    url = forms.CharField(
        label=_("Address"),
        max_length=MAX_URL,
        widget=forms.URLInput(attrs={"placeholder": "https://", "autocomplete": "url"}),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=MAX_TITLE,
        help_text=_("Left empty, the address is the title."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why is it worth reading? Markdown is supported."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)
    private = forms.BooleanField(
        label=_("Private: only I can see it"),
        required=False,
        help_text=_("Private bookmarks are not counted or shown to anyone else."),
    )


class NewBookmarkForm(BookmarkForm):
    place = forms.ChoiceField(label=_("Where"), required=False)

    field_order = ["url", "title", "description", "tags", "place", "private"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = community_choices(person)


class PeriodForm(Form):
    period = forms.ChoiceField(
        choices=[("30", _("30 days")), ("90", _("90 days")), ("all", _("All time"))],
        required=False,
    )
