from django import forms
from django.utils.translation import gettext_lazy as _

from kollega.content.actions import MAX_TITLE
from kollega.discovery.schemas import MAX_QUESTION_BODY

BOARD = ""


class AskForm(forms.Form):
    title = forms.CharField(
        label=_("Your question"), max_length=MAX_TITLE,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )  # fmt: skip
    body = forms.CharField(
        label=_("Details"), required=False, max_length=MAX_QUESTION_BODY,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you tried, the context. Markdown works."),
    )  # fmt: skip
    tags = forms.CharField(
        label=_("Tags"), required=False, max_length=500,
        help_text=_("Separated by spaces or commas, e.g. kubernetes networking"),
    )  # fmt: skip
    place = forms.ChoiceField(label=_("Post it in"), required=False)
    experts = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, places=(), experts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [(BOARD, _("My board"))] + [(p.slug, p.name) for p in places]
        # Any username may come back from the suggestions; the action checks each one.
        self.fields["experts"].choices = [(u, u) for u in experts]


class SuggestForm(forms.Form):
    """The compose form as it is while typing: nothing is required yet."""

    title = forms.CharField(required=False, max_length=MAX_TITLE)
    body = forms.CharField(required=False, max_length=MAX_QUESTION_BODY)
    tags = forms.CharField(required=False, max_length=500)
