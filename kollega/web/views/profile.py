"""A person's profile: who they are, where they sit, their tags and their board."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kollega.content import queries as content_queries
from kollega.people import actions as people_actions
from kollega.people import queries as people_queries
from kollega.web.forms import CursorField, PersonTagForm, RemoveTagForm
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
    person = person_or_404(username)
    cursor = CursorField().clean(request.GET.get("cursor", "")) or None
    board_page = content_queries.place_items(request.person, person.board, cursor=cursor)
    if request.htmx and cursor:
        fragment = "partials/item_page.html"
        return render_htmx(request, fragment, fragment, {"page": board_page})
    context = _tags_context(request, person)
    context.update(
        {
            "page": board_page,
            "chain": person.reporting_chain(),
            "peers": people_queries.same_manager_peers(person)[:20],
            "reports": people_queries.direct_reports(person),
            "can_edit": person.pk == request.person.pk or request.user.is_staff,
        }
    )
    return render(request, "profile.html", context)


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
