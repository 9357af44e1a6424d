"""Forms check the shape of input; the actions check the rules (size, type, who may)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.content.actions import MAX_BODY
from kollega.content.models import ItemShare
from kollega.files.actions import MAX_NOTE
from kollega.files.queries import MAX_QUERY, SORTS

TAGS_HELP = _("Separate tags with commas or spaces.")


class Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class UploadForm(Form):
    file = forms.FileField(label=_("File"), allow_empty_file=True)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional. Markdown works."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class OwnUploadForm(UploadForm):
    visible_to_everyone = forms.BooleanField(
        label=_("Visible to everyone"),
        required=False,
        help_text=_("Otherwise only you and the people you share it with see it."),
    )


class VersionForm(Form):
    file = forms.FileField(label=_("New version"), allow_empty_file=True)
    note = forms.CharField(label=_("What changed"), required=False, max_length=MAX_NOTE)


class ShareForm(Form):
    person = forms.CharField(
        label=_("Username"),
        required=False,
        max_length=150,
        help_text=_("Share with a colleague (their username), or pick a community."),
    )
    community = forms.ChoiceField(label=_("Community"), required=False)
    role = forms.ChoiceField(label=_("As"), choices=ItemShare.Role.choices)

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", "—")] + [(p.slug, p.name) for p in communities]

    def clean(self):
        data = super().clean()
        if bool(data.get("person", "").strip()) == bool(data.get("community")):
            raise forms.ValidationError(_("Give either a username or a community."))
        return data


class VisibilityForm(Form):
    visible_to_everyone = forms.BooleanField(required=False)


class ListFilterForm(Form):
    q = forms.CharField(label=_("Find files"), required=False, max_length=MAX_QUERY)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("updated", _("Last updated")), ("name", _("Name")),
                 ("downloads", _("Downloads"))],
    )  # fmt: skip

    def values(self) -> tuple[str, str]:
        """The query and sort order, falling back to defaults for input that is not valid."""
        if not self.is_valid():
            return "", "updated"
        sort = self.cleaned_data.get("sort") or "updated"
        return self.cleaned_data.get("q", ""), sort if sort in SORTS else "updated"
