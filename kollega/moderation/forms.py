"""Forms check the shape of input; moderation.actions checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.moderation.models import MAX_NOTE, Report
from kollega.web.forms import Form


class ReportForm(Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything a moderator should know"),
        required=False,
        max_length=MAX_NOTE,
        help_text=_("Required when you choose “Something else”."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(Form):
    note = forms.CharField(
        label=_("Note (optional; the author sees it when the item is removed)"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
