"""Settings: privacy (who sees my network, who posts on my board), the Atom feed token,
personal access tokens for the API, and ways to the email settings and the password change."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kollega.network import actions as network_actions
from kollega.people import actions as people_actions
from kollega.stream import feeds
from kollega.stream.models import FeedToken
from kollega.stream.queries import VIEWS
from kollega.web.forms import STREAM_TABS, PrivacyForm, TokenForm
from kollega.web.views.common import apply_errors


def _privacy_form(person) -> PrivacyForm:
    return PrivacyForm(
        initial={
            "network_visibility": person.network_visibility,
            "board_posting": person.board_posting,
        }
    )


def _render(request, form, new_token=None, status=200, privacy_form=None, feed_urls=None):
    tokens = request.person.api_tokens.filter(revoked__isnull=True).order_by("-created")
    context = {
        "form": form,
        "tokens": tokens,
        "new_token": new_token,
        "privacy_form": privacy_form or _privacy_form(request.person),
        "feed_token": FeedToken.objects.filter(person=request.person).first(),
        "feed_urls": feed_urls,
    }
    return render(request, "settings.html", context, status=status)


def feed_urls(request, plain: str) -> list[tuple[str, str]]:
    """(label, absolute URL) of every private feed of the person, with their token."""
    query = "?" + urlencode({"token": plain})
    views = [(label, reverse("feed-home", args=[view])) for view, label in STREAM_TABS
             if view in VIEWS]  # fmt: skip
    board = (_("My board"), reverse("feed-board", args=[request.person.username]))
    return [(label, request.build_absolute_uri(url + query)) for label, url in [*views, board]]


def feed_token(request):
    """Issue a new feed token (replacing the old one) or revoke it."""
    if request.method != "POST":
        return redirect("settings")
    if request.POST.get("action") == "revoke":
        if feeds.revoke_token(request.person):
            messages.success(
                request, _("Your feed token is revoked; old feed addresses stop working.")
            )
        return redirect("settings")
    plain = feeds.issue_token(request.person)
    # Shown in this response only, like API tokens: only the token's digest is stored.
    return _render(request, TokenForm(), feed_urls=feed_urls(request, plain))


def privacy(request):
    if request.method != "POST":
        return redirect("settings")
    form = PrivacyForm(request.POST)
    if form.is_valid():
        try:
            network_actions.set_privacy(request.person, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your privacy settings are saved."))
            return redirect("settings")
    return _render(request, TokenForm(), status=400, privacy_form=form)


def settings_page(request):
    if request.method != "POST":
        return _render(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, plain = people_actions.create_token(request.person, form.cleaned_data["name"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # Shown in this response only: the token is not stored, so it cannot be shown
            # again after a redirect.
            return _render(request, TokenForm(), new_token={"token": token, "plain": plain})
    return _render(request, form, status=400)


def revoke_token(request, token_id: int):
    if request.method == "POST":
        try:
            token = people_actions.revoke_token(request.person, token_id)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return _render(request, TokenForm(), status=400)
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("settings")
