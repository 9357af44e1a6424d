"""Editing a profile (your own, or anyone's for staff) and its photo."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kollega.people import actions as people_actions
from kollega.web.forms import PhotoForm, ProfileForm
from kollega.web.views.common import action_errors, apply_errors
from kollega.web.views.profile import person_or_404


def edit_me(request):
    return redirect("profile-edit", username=request.person.username)


def _editable(request, username: str):
    person = person_or_404(username)
    if person.pk != request.person.pk and not request.user.is_staff:
        raise PermissionDenied(_("You can only edit your own profile."))
    return person


def _initial(person) -> dict:
    return {
        "name": person.name,
        "job_title": person.job_title,
        "org_unit": person.org_unit_id,
        "location": person.location_id,
        "manager": person.manager.username if person.manager_id else "",
        "phone": person.phone,
        "email": person.email,
        "about": person.about,
    }


def _render(request, person, form, photo_form, status=200):
    context = {"person": person, "form": form, "photo_form": photo_form}
    return render(request, "profile_edit.html", context, status=status)


@action_errors
def edit_profile(request, username: str):
    person = _editable(request, username)
    if request.method != "POST":
        return _render(request, person, ProfileForm(initial=_initial(person)), PhotoForm())
    form = ProfileForm(request.POST)
    if form.is_valid():
        try:
            people_actions.update_profile(request.person, person, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
            # The action set fields on the object before refusing; show what is stored.
            person.refresh_from_db()
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(person)
    return _render(request, person, form, PhotoForm(), status=400)


@action_errors
def upload_photo(request, username: str):
    person = _editable(request, username)
    if request.method != "POST":
        return redirect("profile-edit", username=person.username)
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        try:
            people_actions.set_photo(request.person, person, photo_form.cleaned_data["photo"])
        except ValidationError as exc:
            apply_errors(photo_form, exc)
        else:
            messages.success(request, _("Your photo is updated."))
            return redirect(person)
    # The rest of the profile is untouched, so its form shows the saved values again.
    person.refresh_from_db()
    return _render(request, person, ProfileForm(initial=_initial(person)), photo_form, 400)
