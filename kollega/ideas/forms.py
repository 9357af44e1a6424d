"""Idea forms check the shape of input; ideas.actions checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.content.actions import MAX_BODY, MAX_TITLE
from kollega.ideas.actions import MAX_NOTE
from kollega.ideas.models import Idea
from kollega.web.forms import TAGS_HELP, Form


class IdeaForm(Form):
    title = forms.CharField(label=_("Your idea in one line"), max_length=MAX_TITLE)
    body = forms.CharField(
        label=_("Describe it"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What problem does it solve, and for whom? Markdown is supported."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class FilterForm(Form):
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("votes", _("Most votes")), ("newest", _("Newest"))],
    )
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states")), *Idea.State.choices]
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)


class DecisionForm(Form):
    state = forms.ChoiceField(label=_("Decision"), choices=Idea.State.choices)
    duplicate_of = forms.TypedChoiceField(
        label=_("Duplicate of"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Only when marking it a duplicate: the original idea."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why? Shown on the idea. Markdown is supported."),
    )

    def __init__(self, *args, originals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].choices = [("", "—"), *originals]
