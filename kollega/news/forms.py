"""Forms check the shape of input; news.actions checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.content.actions import MAX_BODY, MAX_TITLE
from kollega.news.models import MAX_SUMMARY
from kollega.people.models import Location, OrgUnit
from kollega.web.forms import TAGS_HELP, Form


class NewsForm(Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=MAX_SUMMARY,
        help_text=_("One or two sentences shown in lists and on the featured card."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY,
        help_text=_("Markdown: **bold**, _italic_, lists, links."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)
    featured_until = forms.DateTimeField(
        label=_("Featured until"),
        required=False,
        help_text=_("Leave empty to publish without featuring the article."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    org_units = forms.ModelMultipleChoiceField(
        label=_("Audience: org units"),
        queryset=OrgUnit.objects.order_by("name"),
        required=False,
        help_text=_("Includes every unit below the ones you choose."),
    )
    locations = forms.ModelMultipleChoiceField(
        label=_("Audience: locations"),
        queryset=Location.objects.all(),
        required=False,
        help_text=_("No org units and no locations: the article is for everyone."),
    )

    @classmethod
    def initial_for(cls, item, detail) -> dict:
        return {
            "title": item.title,
            "summary": detail.summary,
            "body": item.body,
            "tags": ", ".join(t.name for t in item.tags.all()),
            "featured_until": detail.featured_until,
            "org_units": [u.pk for u in detail.audience_units.all()] if detail.pk else [],
            "locations": [loc.pk for loc in detail.audience_locations.all()] if detail.pk else [],
        }


class EditorForm(Form):
    username = forms.CharField(label=_("Username"), max_length=150)
