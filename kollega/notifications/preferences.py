"""Email kinds, which reasons belong to each, and the default frequency of each.

A reason is about the person's own content ("mine": replies to my posts, likes of my posts,
answers to my questions, posts on my board) or about things they follow or take part in
("following"); each has its own frequency per kind.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kollega.notifications.models import EmailPreference, Reason

F = EmailPreference.Frequency
S = EmailPreference.Scope

# kind: (label, {reason: scope})
KINDS: dict[str, tuple] = {
    "mentions": (_("Mentions"), {Reason.MENTION: S.MINE}),
    "board": (_("Posts on my board"), {Reason.BOARD_POST: S.MINE}),
    "replies": (
        _("Replies"),
        {Reason.REPLY: S.MINE, Reason.THREAD: S.FOLLOWING, Reason.FOLLOWING: S.FOLLOWING},
    ),
    "answers": (_("Answers"), {Reason.ANSWER: S.MINE, Reason.ACCEPTED: S.MINE}),
    "network": (_("Network invitations"), {Reason.INVITATION: S.MINE, Reason.CONNECTED: S.MINE}),
    "communities": (
        _("Community requests and invitations"),
        {
            Reason.JOIN_REQUEST: S.MINE,
            Reason.JOIN_DECISION: S.MINE,
            Reason.COMMUNITY_INVITATION: S.MINE,
        },
    ),
    "likes": (_("Likes"), {Reason.LIKE: S.MINE}),
    "tags": (_("Profile tags"), {Reason.TAGGED: S.MINE}),
    "news": (_("News for me"), {Reason.NEWS: S.FOLLOWING}),
}

DEFAULTS = {
    ("mentions", S.MINE): F.EACH,
    ("board", S.MINE): F.EACH,
    ("replies", S.MINE): F.EACH,
    ("replies", S.FOLLOWING): F.DAILY,
    ("answers", S.MINE): F.EACH,
    ("network", S.MINE): F.EACH,
    ("communities", S.MINE): F.EACH,
    ("likes", S.MINE): F.WEEKLY,
    ("tags", S.MINE): F.DAILY,
    ("news", S.FOLLOWING): F.DAILY,
}

REASON_KIND = {
    reason: (kind, scope) for kind, (_label, reasons) in KINDS.items()
    for reason, scope in reasons.items()
}  # fmt: skip


def frequencies(person_id: int) -> dict[tuple[str, str], str]:
    """The person's frequency for every (kind, scope), defaults filled in (one query)."""
    chosen = {
        (p.kind, p.scope): p.frequency for p in EmailPreference.objects.filter(person_id=person_id)
    }
    return {**DEFAULTS, **chosen}


def frequency_for(prefs: dict[tuple[str, str], str], reason: str) -> str:
    kind, scope = REASON_KIND.get(reason, ("replies", S.FOLLOWING))
    return prefs.get((kind, scope), F.NONE)
