from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Item(models.Model):
    """The content spine: every kind of content is an Item, so access, search, stream,
    tags, likes and counts work one way for all of them."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status update")
        POST = "post", _("Board post")
        TOPIC = "topic", _("Forum topic")
        QUESTION = "question", _("Question")
        BLOG = "blog", _("Blog entry")
        WIKI = "wiki", _("Wiki page")
        FILE = "file", _("File")
        BOOKMARK = "bookmark", _("Bookmark")
        NEWS = "news", _("News article")
        IDEA = "idea", _("Idea")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    author = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="items")
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("body"), blank=True)
    body_html = models.TextField(blank=True, editable=False)
    tags = models.ManyToManyField("core.Tag", through="ItemTag", related_name="items")
    created = models.DateTimeField(db_index=True)
    updated = models.DateTimeField()
    last_activity_at = models.DateTimeField()
    reply_count = models.PositiveIntegerField(default=0)
    like_count = models.PositiveIntegerField(default=0)
    # Moderation removes an item from every surface but keeps it for audit.
    removed_at = models.DateTimeField(null=True, blank=True)
    # A private item (a private bookmark, an unshared file) is readable by its author and the
    # people and places it is shared with (ItemShare), whatever its place allows.
    private = models.BooleanField(_("private"), default=False)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        indexes = [
            models.Index(fields=["place", "-last_activity_at", "-id"]),
            models.Index(fields=["author", "-created"]),
            # The stream gathers a source's recent items by author (kollega/stream/queries.py).
            models.Index(fields=["author", "-last_activity_at", "-id"]),
            models.Index(fields=["-last_activity_at", "-id"]),
        ]

    def __str__(self) -> str:
        return self.title or self.body[:60]

    def get_absolute_url(self) -> str:
        return reverse("item", args=[self.pk])

    @property
    def detail_url(self) -> str:
        """The kind's own page when it has one (a file, a wiki page…), else the item page."""
        from kollega.content.kinds import detail_url

        return detail_url(self)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        text = " ".join(self.body.split())
        return text[:80] + ("…" if len(text) > 80 else "")


class ItemShare(models.Model):
    """An item shared with a person or with a place's members, as reader or editor."""

    class Role(models.TextChoices):
        READER = "reader", _("Reader")
        EDITOR = "editor", _("Editor")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.READER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, place__isnull=True)
                | models.Q(person__isnull=True, place__isnull=False),
                name="itemshare_one_target",
            ),
            models.UniqueConstraint(
                fields=["item", "person"], condition=models.Q(person__isnull=False),
                name="itemshare_person_once",
            ),
            models.UniqueConstraint(
                fields=["item", "place"], condition=models.Q(place__isnull=False),
                name="itemshare_place_once",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["person", "item"]), models.Index(fields=["place", "item"])]


class ItemTag(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE)
    tag = models.ForeignKey("core.Tag", on_delete=models.CASCADE)
    # A copy of the item's last_activity_at, kept by kollega.content.actions.bump_activity,
    # so that "a tag's items, newest activity first, in a time window" is one index range
    # (the stream's followed tags; kollega/stream/queries.py).
    last_activity_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "tag"], name="itemtag_once")]
        indexes = [
            models.Index(fields=["tag", "item"]),
            models.Index(fields=["tag", "-last_activity_at"]),
        ]


class Reply(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("body"))
    body_html = models.TextField(blank=True, editable=False)
    created = models.DateTimeField()
    updated = models.DateTimeField()
    removed_at = models.DateTimeField(null=True, blank=True)
    # Marked by the asker as (one of) the answer(s) to a question.
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        indexes = [models.Index(fields=["item", "created"])]


class Like(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="likes")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="likes")
    created = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="like_once")]
        indexes = [models.Index(fields=["person", "item"])]


class Save(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="saves")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="saves")
    created = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="save_once")]
        indexes = [models.Index(fields=["person", "-created"])]


class Question(models.Model):
    """An item its author marked as a question: open until the asker accepts an answer.

    The times to first reply and to accepted answer are kept here, measured from
    ``asked_at`` (when the item became a question), for analytics and responsiveness.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")

    item = models.OneToOneField(
        Item, primary_key=True, on_delete=models.CASCADE, related_name="question"
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    asked_at = models.DateTimeField()
    first_reply_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "-asked_at"])]

    @property
    def time_to_first_reply(self):
        return self.first_reply_at - self.asked_at if self.first_reply_at else None

    @property
    def time_to_answer(self):
        return self.answered_at - self.asked_at if self.answered_at else None
