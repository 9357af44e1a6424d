"""File lists: a community's files, "my files", and uploading into either."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from kollega import access
from kollega.files import actions, queries
from kollega.files.forms import ListFilterForm, OwnUploadForm, UploadForm
from kollega.files.uploads import limited_uploads, too_large
from kollega.places.models import Place
from kollega.web.views.common import action_errors, apply_errors, render_htmx

PER_PAGE = 50


def too_large_message() -> str:
    return _("The file is too large; the limit is %(limit)d MB.") % {
        "limit": actions.max_upload_bytes() // actions.MB
    }


def _listing(request, files, extra: dict, page_template: str, status: int = 200):
    filters = ListFilterForm(request.GET)
    query, sort = filters.values()
    rows = queries.for_table(files(query, sort), with_place=extra.get("show_place", False))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "query": query,
        "sort": sort,
        "max_upload_mb": actions.max_upload_bytes() // actions.MB,
        **extra,
    }
    return render_htmx(request, page_template, "files/partials/file_table.html", context, status)


def _can_upload(person, place: Place) -> bool:
    # Files on a board are its owner's own space; others only post messages there.
    if place.kind == Place.Kind.BOARD:
        return place.owner_id == person.pk
    return access.can_post(person, place)


def _place_page(request, place: Place, form=None, status: int = 200):
    person = request.person
    extra = {
        "place": place,
        "active_tab": "files",
        "list_url": reverse("files-list", args=[place.slug]),
        "upload_form": (form or UploadForm()) if _can_upload(person, place) else None,
    }
    return _listing(
        request,
        lambda q, sort: queries.place_files(person, place, q, sort),
        extra,
        "files/place_files.html",
        status,
    )


@action_errors
def place_files(request, slug: str):
    return _place_page(request, access.place_for(request.person, slug))


def _upload(request, form, place: Place, **options):
    """Validate and upload; the Item on success, None with errors put on the form."""
    if too_large(request):
        form.add_error("file", too_large_message())
    if not form.is_valid():
        return None
    try:
        return actions.upload_file(
            request.person,
            place,
            form.cleaned_data["file"],
            description=form.cleaned_data["description"],
            tags=form.cleaned_data["tags"],
            **options,
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None


@limited_uploads
@action_errors
def upload_to_place(request, slug: str):
    place = access.place_for(request.person, slug)
    if request.method != "POST":
        return redirect("files-list", place.slug)
    form = UploadForm(request.POST, request.FILES)
    item = _upload(request, form, place)
    if item is None:
        return _place_page(request, place, form, status=400)
    messages.success(request, _("“%(name)s” is uploaded.") % {"name": item.title})
    return redirect("files-detail", item.pk)


def _mine_page(request, form=None, status: int = 200):
    person = request.person
    extra = {
        "list_url": reverse("files-mine"),
        "upload_form": form or OwnUploadForm(),
        "show_place": True,
    }
    return _listing(
        request, lambda q, sort: queries.my_files(person, q, sort), extra, "files/mine.html", status
    )


@action_errors
def my_files(request):
    return _mine_page(request)


@limited_uploads
@action_errors
def upload_mine(request):
    if request.method != "POST":
        return redirect("files-mine")
    form = OwnUploadForm(request.POST, request.FILES)
    board = request.person.board
    visible = form.is_valid() and form.cleaned_data["visible_to_everyone"]
    item = _upload(request, form, board, visible_to_everyone=visible)
    if item is None:
        return _mine_page(request, form, status=400)
    messages.success(request, _("“%(name)s” is uploaded.") % {"name": item.title})
    return redirect("files-detail", item.pk)
