"""One file's page: preview, versions, new versions, sharing and visibility."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega import access
from kollega.files import actions, queries, serve
from kollega.files.forms import ShareForm, VersionForm, VisibilityForm
from kollega.files.uploads import limited_uploads, too_large
from kollega.files.views import too_large_message
from kollega.people.queries import people
from kollega.places.models import Place
from kollega.web.views.common import action_errors, apply_errors


def _my_communities(person):
    return (
        access.visible_places(person)
        .filter(kind=Place.Kind.COMMUNITY, pk__in=access.member_place_ids(person))
        .only("slug", "name")
        .order_by("name")
    )


def _page(request, item, *, version_form=None, share_form=None, status=200):
    person = request.person
    is_author = item.author_id == person.pk
    versions = list(queries.versions(item))
    context = {
        "item": item,
        "file": item.file,
        "place": item.place,
        "versions": versions,
        "inline": serve.can_show_inline(item.file.content_type),
        # Without a description the item's body is the first version's name (see actions).
        "has_description": item.body != actions.name_as_markdown(versions[-1].original_name),
        "can_edit": access.can_edit(person, item),
        "is_author": is_author,
        "version_form": version_form or VersionForm(),
        "own_space": item.place.kind == Place.Kind.BOARD,
    }
    if is_author:
        context["shares"] = list(queries.shares(item))
        context["share_form"] = share_form or ShareForm(communities=_my_communities(person))
    return render(request, "files/detail.html", context, status=status)


@action_errors
def file_detail(request, item_id: int):
    return _page(request, queries.file_for(request.person, item_id))


@limited_uploads
@action_errors
def upload_version(request, item_id: int):
    item = queries.file_for(request.person, item_id)
    if request.method != "POST":
        return redirect("files-detail", item.pk)
    form = VersionForm(request.POST, request.FILES)
    if too_large(request):
        form.add_error("file", too_large_message())
    if form.is_valid():
        try:
            version = actions.upload_version(
                request.person, item, form.cleaned_data["file"], note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Version %(n)d is uploaded.") % {"n": version.number})
            return redirect("files-detail", item.pk)
    return _page(request, item, version_form=form, status=400)


@action_errors
def share(request, item_id: int):
    item = queries.file_for(request.person, item_id)
    if request.method != "POST":
        return redirect("files-detail", item.pk)
    form = ShareForm(request.POST, communities=_my_communities(request.person))
    if form.is_valid():
        data = form.cleaned_data
        username = data["person"].strip()
        person = people().filter(username=username).first() if username else None
        place = _my_communities(request.person).filter(slug=data["community"]).first()
        if username and person is None:
            form.add_error("person", _("Nobody here has the username “%(u)s”.") % {"u": username})
        else:
            try:
                actions.share_file(
                    request.person, item, person=person, place=place, role=data["role"]
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The file is shared."))
                return redirect("files-detail", item.pk)
    return _page(request, item, share_form=form, status=400)


@action_errors
def unshare(request, item_id: int, share_id: int):
    item = queries.file_for(request.person, item_id)
    if request.method == "POST":
        actions.unshare_file(request.person, item, share_id)
        messages.success(request, _("The file is no longer shared that way."))
    return redirect("files-detail", item.pk)


@action_errors
def visibility(request, item_id: int):
    item = queries.file_for(request.person, item_id)
    if request.method == "POST":
        form = VisibilityForm(request.POST)
        form.is_valid()
        visible = form.cleaned_data.get("visible_to_everyone", False)
        actions.set_visibility(request.person, item, visible_to_everyone=visible)
        messages.success(
            request,
            _("Everyone can see this file now.") if visible else _("This file is private now."),
        )
    return redirect("files-detail", item.pk)
