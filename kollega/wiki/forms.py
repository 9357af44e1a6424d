"""Wiki forms check the shape of input; kollega.wiki.actions checks the rules."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kollega.content.actions import MAX_BODY, MAX_TITLE
from kollega.web.forms import TAGS_HELP, Form
from kollega.wiki.actions import MAX_NOTE, MAX_SLUG

# Revision numbers and positions fit a database integer with room to spare.
MAX_NUMBER = 2**31 - 1


class PageForm(Form):
    title = forms.CharField(label=_lazy("Title"), max_length=MAX_TITLE)
    body = forms.CharField(
        label=_lazy("Text"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_lazy("Markdown: # headings, **bold**, lists, [links](https://…), tables."),
    )
    tags = forms.CharField(
        label=_lazy("Tags"), required=False, max_length=1000, help_text=TAGS_HELP
    )


class NewPageForm(PageForm):
    parent = forms.SlugField(required=False, max_length=MAX_SLUG, widget=forms.HiddenInput)


class EditForm(PageForm):
    note = forms.CharField(
        label=_lazy("What did you change?"),
        required=False,
        max_length=MAX_NOTE,
        help_text=_lazy("Optional; shown in the page's history."),
    )
    base_revision = forms.IntegerField(min_value=0, max_value=MAX_NUMBER, widget=forms.HiddenInput)


class MoveForm(Form):
    parent = forms.ChoiceField(label=_lazy("Put it under"), required=False)
    position = forms.IntegerField(
        label=_lazy("Position among its new siblings"),
        required=False,
        min_value=1,
        max_value=MAX_NUMBER,
        help_text=_lazy("1 puts it first; leave empty to put it last."),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", _("The top of the wiki")), *choices]


def number_param(query, name: str, *, required: bool = True) -> int | None:
    """A revision number from the query string; ValidationError (a 400) for anything else."""
    raw = query.get(name, "").strip()
    if not raw:
        if required:
            raise ValidationError(_("Say which revisions to compare (from and to)."))
        return None
    if not re.fullmatch(r"[0-9]{1,10}", raw) or not 1 <= int(raw) <= MAX_NUMBER:
        raise ValidationError(_("“%(value)s” is not a revision number.") % {"value": raw[:20]})
    return int(raw)
