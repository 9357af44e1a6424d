"""A person's profile: who they are, where they sit, their tags and their board."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.content import actions as content_actions
from kollega.content import queries as content_queries
from kollega.content.models import Item
from kollega.network import queries as network_queries
from kollega.network.common import in_common
from kollega.people import actions as people_actions
from kollega.people import queries as people_queries
from kollega.stream.models import FeedToken
from kollega.web.forms import BoardPostForm, CursorField, PersonTagForm, RemoveTagForm, StatusForm
from kollega.web.views.common import action_errors, apply_errors, render_htmx


def person_or_404(username: str):
    return get_object_or_404(people_queries.people(), username=username)


def _tags_context(request, person, form=None, errors=()):
    return {
        "person": person,
        "tags": people_queries.profile_tags(person, request.person),
        "tag_form": form or PersonTagForm(),
        "tag_errors": list(errors),
        "is_self": person.pk == request.person.pk,
    }


@action_errors
def profile(request, username: str):
    return _profile_page(request, person_or_404(username))


def board_page(request, person, cursor=None):
    """One page of a person's board, newest first, with the viewer's likes and questions."""
    page = content_queries.board_items(request.person, person.board, cursor=cursor)
    content_queries.mark_questions(request.person, page.items)
    return page


def board_context(request, person, board_form=None, cursor=None) -> dict:
    return {
        "person": person,
        "is_self": person.pk == request.person.pk,
        "page": board_page(request, person, cursor),
        "list_url": person.get_absolute_url(),
        "can_post": access.can_post(request.person, person.board),
        "board_form": board_form or _board_form(request, person),
    }


def _profile_page(request, person, board_form=None, status=200):
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    if request.htmx and cursor:
        fragment = "partials/item_page.html"
        page = board_page(request, person, cursor)
        return render_htmx(request, fragment, fragment, {"page": page})
    # Imported here: the network views import person_or_404 from this module.
    from kollega.web.views.network import network_box_context

    context = _tags_context(request, person)
    context.update(board_context(request, person, board_form, cursor))
    context.update(network_box_context(request, person))
    is_self = person.pk == request.person.pk
    context.update(
        {
            "chain": person.reporting_chain(),
            "peers": people_queries.same_manager_peers(person)[:20],
            "reports": people_queries.direct_reports(person),
            "can_edit": is_self or request.user.is_staff,
            "connection": None
            if is_self
            else network_queries.who_connects_us(request.person, person),
            "common": None if is_self else in_common(request.person, person),
            # Only the token's digest is stored, so the page cannot print the viewer's feed
            # address in full; it says where the token goes instead.
            "has_feed_token": FeedToken.objects.filter(person=request.person).exists(),
        }
    )
    return render(request, "profile.html", context, status=status)


def _board_form(request, person, data=None):
    """On your own board you share what you work on; on others' you write them a message."""
    form_class = StatusForm if person.pk == request.person.pk else BoardPostForm
    # Its own ids: the tag form on the same page has a "tags" field too.
    return form_class(data, auto_id="board-%s")


@action_errors
def post_on_board(request, username: str):
    """Write on a colleague's board (or your own): where the question in the story is asked.

    The actions layer decides the kind: a status update on your own board, a post on others'.
    The owner's "who may post on my board" setting is checked before the form is read, so a
    closed board answers 403 whatever was sent.
    """
    person = person_or_404(username)
    if request.method != "POST":
        return redirect(person)
    if not access.can_post(request.person, person.board):
        raise PermissionDenied(
            _("%(name)s does not take posts on their board from you.") % {"name": person.name}
        )
    form = _board_form(request, person, request.POST)
    if form.is_valid():
        try:
            content_actions.create_item(
                request.person, person.board, kind=Item.Kind.POST, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if request.htmx:
                fragment = "partials/board.html"
                return render_htmx(request, fragment, fragment, board_context(request, person))
            messages.success(request, _("Posted on %(name)s's board.") % {"name": person.name})
            return redirect(person)
    if request.htmx:
        fragment = "partials/board.html"
        context = board_context(request, person, board_form=form)
        return render_htmx(request, fragment, fragment, context, status=400)
    return _profile_page(request, person, board_form=form, status=400)


def _tags_response(request, person, form=None, errors=(), status=200):
    """The tag section after a change: a fragment for htmx, else back to the profile.

    Errors without JavaScript get a small page of their own, since the profile is
    rendered by another request.
    """
    if not request.htmx and status == 200:
        return redirect(person)
    context = _tags_context(request, person, form, errors)
    return render_htmx(request, "profile_tags.html", "partials/profile_tags.html", context, status)


def add_tags(request, username: str):
    person = person_or_404(username)
    if request.method != "POST":
        return redirect(person)
    form = PersonTagForm(request.POST)
    if form.is_valid():
        try:
            people_actions.tag_person(request.person, person, form.cleaned_data["tags"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return _tags_response(request, person)
    return _tags_response(request, person, form, status=400)


def remove_tag(request, username: str):
    person = person_or_404(username)
    if request.method != "POST":
        return redirect(person)
    form = RemoveTagForm(request.POST)
    if not form.is_valid():
        return _tags_response(request, person, errors=[_("Choose a tag to remove.")], status=400)
    try:
        people_actions.remove_person_tag(request.person, person, form.cleaned_data["tag"])
    except ValidationError as exc:
        return _tags_response(request, person, errors=exc.messages, status=400)
    except PermissionDenied as exc:
        return _tags_response(request, person, errors=[str(exc)], status=403)
    return _tags_response(request, person)
