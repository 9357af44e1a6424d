"""Forms check the shape of input (types, lengths, choices); the actions check the rules.

Limits mirror the actions' limits so an oversized field is refused before any work is done.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kollega.content.actions import MAX_BODY, MAX_REPLY, MAX_TITLE
from kollega.content.models import Item
from kollega.core.tags import normalise
from kollega.network.actions import MAX_MESSAGE
from kollega.people.actions import MAX_ABOUT
from kollega.people.models import Audience, Location, OrgUnit, Person
from kollega.places.models import Membership, Place

TAGS_HELP = _("Separate tags with commas or spaces.")
# Kinds the generic community post form offers. Status updates belong on boards, news to the
# organisation; bookmarks, ideas, files and wiki pages have details of their own and are
# created in their community tabs.
COMMUNITY_KINDS = [
    (k.value, k.label) for k in (Item.Kind.TOPIC, Item.Kind.QUESTION, Item.Kind.BLOG)
]


def writing_area(rows: int) -> forms.Textarea:
    """A textarea for posts and replies: app.js completes @mentions from this address."""
    return forms.Textarea(
        attrs={
            "rows": rows,
            "data-mentions": reverse_lazy("mention-suggest"),
            "data-mentions-label": _("People to mention"),
        }
    )


class Form(forms.Form):
    """Labels without Django's trailing colon: the layout already sets labels apart."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class TagField(forms.CharField):
    """A single tag name from a query string, normalised like stored tags."""

    def clean(self, value):
        value = super().clean(value)
        return normalise(value) if value else ""


class CursorField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=200, **kwargs)


class StatusForm(Form):
    body = forms.CharField(
        label=_("What are you working on?"), max_length=MAX_BODY, widget=writing_area(3)
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class BoardPostForm(StatusForm):
    body = forms.CharField(label=_("Your message"), max_length=MAX_BODY, widget=writing_area(3))


# The home stream's tabs: (view, label). "action" is the action-required list; the others
# are kollega.stream.queries.VIEWS.
STREAM_TABS = [
    ("following", _("I'm following")),
    ("network", _("My network")),
    ("discover", _("Discover")),
    ("status", _("Status updates")),
    ("mentions", _("@Mentions")),
    ("saved", _("Saved")),
    ("action", _("Action required")),
]


class StreamFilterForm(Form):
    """The home stream's address: a tab, filters, a page cursor, and ``since`` (the moment
    the page was shown, to count what is new since then)."""

    view = forms.ChoiceField(required=False, choices=STREAM_TABS)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Item.Kind.choices]
    )
    tag = TagField(label=_("Tag"), required=False, max_length=100)
    cursor = CursorField()
    since = forms.DateTimeField(required=False)

    def clean_view(self):
        return self.cleaned_data["view"] or "following"


class PostForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=COMMUNITY_KINDS, initial=Item.Kind.TOPIC)
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    body = forms.CharField(label=_("Text"), max_length=MAX_BODY, widget=writing_area(5))
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class ItemEditForm(Form):
    title = forms.CharField(label=_("Title"), required=False, max_length=MAX_TITLE)
    body = forms.CharField(label=_("Text"), max_length=MAX_BODY, widget=writing_area(8))
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class ReplyForm(Form):
    body = forms.CharField(label=_("Your reply"), max_length=MAX_REPLY, widget=writing_area(3))


class PersonTagForm(Form):
    tags = forms.CharField(label=_("Add tags"), max_length=1000, help_text=TAGS_HELP)


class RemoveTagForm(Form):
    tag = forms.CharField(max_length=100)


class DirectoryForm(Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Department"),
        required=False,
        queryset=OrgUnit.objects.all(),
        to_field_name="slug",
        empty_label=_("All departments"),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    location = forms.ModelChoiceField(
        label=_("Location"),
        required=False,
        queryset=Location.objects.all(),
        empty_label=_("All locations"),
    )
    tag = TagField(label=_("Tag"), required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Location.objects.order_by("country").values_list("country", flat=True)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (c, c) for c in dict.fromkeys(countries)
        ]


class CommunityForm(Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is supported."),
    )
    access = forms.ChoiceField(
        label=_("Access"),
        choices=Place.Access.choices,
        initial=Place.Access.OPEN,
        widget=forms.RadioSelect,
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class ProfileForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=150)
    org_unit = forms.ModelChoiceField(
        label=_("Department"), required=False, queryset=OrgUnit.objects.all()
    )
    location = forms.ModelChoiceField(
        label=_("Location"), required=False, queryset=Location.objects.all()
    )
    # A username, not a select: there can be tens of thousands of people.
    manager = forms.CharField(
        label=_("Manager"),
        required=False,
        max_length=150,
        help_text=_("The manager's username; suggestions appear as you type."),
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    email = forms.EmailField(label=_("Email"), required=False)
    about = forms.CharField(
        label=_("About"),
        required=False,
        max_length=MAX_ABOUT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown is supported."),
    )

    def clean_manager(self):
        username = self.cleaned_data["manager"].strip()
        if not username:
            return None
        manager = Person.objects.filter(username=username, user__is_active=True).first()
        if manager is None:
            raise ValidationError(_("Nobody has the username “%(u)s”."), params={"u": username})
        return manager


class PhotoForm(Form):
    # A FileField, not an ImageField: the photos module checks the content with Pillow
    # and gives one clear message for every kind of unreadable file.
    photo = forms.FileField(label=_("New photo"))


class TokenForm(Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("What will use it, e.g. “backup script”."),
    )


# Communities: the catalog, the forum, the blog, membership and settings.


class CatalogForm(Form):
    SORTS = [
        ("activity", _("latest activity")),
        ("name", _("name")),
        ("size", _("size")),
    ]
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    tag = TagField(label=_("Tag"), required=False, max_length=100)
    sort = forms.CharField(required=False, max_length=20)
    mine = forms.BooleanField(label=_("Only my communities"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def clean_sort(self):
        # An unknown order falls back to activity rather than failing: old links keep working.
        sort = self.cleaned_data["sort"]
        return sort if sort in dict(self.SORTS) else "activity"


class PictureField(forms.FileField):
    # Not an ImageField: set_picture checks the content with Pillow and says what is wrong.
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Picture"),
            required=False,
            help_text=_("A square image looks best (JPEG, PNG or WebP)."),
            **kwargs,
        )


class CommunityCreateForm(CommunityForm):
    picture = PictureField()


class CommunitySettingsForm(CommunityForm):
    picture = PictureField()
    idea_vote_cap = forms.IntegerField(
        label=_("Votes per member"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_("How many open ideas one member may vote for at a time; empty for no cap."),
    )


class ForumPostForm(Form):
    kind = forms.ChoiceField(
        label=_("This is a"),
        choices=[(Item.Kind.TOPIC, _("Topic")), (Item.Kind.QUESTION, _("Question"))],
        initial=Item.Kind.TOPIC,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    body = forms.CharField(label=_("Text"), max_length=MAX_BODY, widget=writing_area(5))
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class BlogEntryForm(Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown is supported."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=TAGS_HELP)


class JoinRequestForm(Form):
    message = forms.CharField(
        label=_("Message to the owners"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: why you would like to join."),
    )


class InviteForm(Form):
    username = forms.CharField(
        label=_("Invite a colleague"),
        max_length=150,
        help_text=_("Their username; suggestions appear as you type."),
    )
    message = forms.CharField(label=_("Message"), required=False, max_length=1000)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        person = Person.objects.filter(username=username, user__is_active=True).first()
        if person is None:
            raise ValidationError(_("Nobody has the username “%(u)s”."), params={"u": username})
        return person


class MemberSearchForm(Form):
    q = forms.CharField(label=_("Find a member"), required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)


class RoleForm(Form):
    role = forms.ChoiceField(
        choices=[(Membership.Role.OWNER, _("Owner")), (Membership.Role.MEMBER, _("Member"))]
    )


class NetworkInviteForm(Form):
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Say where you met or why you would like to connect."),
    )


class ContactSearchForm(Form):
    q = forms.CharField(label=_("Find a contact"), required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)


class PrivacyForm(Form):
    network_visibility = forms.ChoiceField(
        label=_("Who may see my network"), choices=Audience.choices, widget=forms.RadioSelect
    )
    board_posting = forms.ChoiceField(
        label=_("Who may post on my board"), choices=Audience.choices, widget=forms.RadioSelect
    )
