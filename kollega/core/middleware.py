from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.utils.functional import SimpleLazyObject


def _person(request):
    from kollega.people.actions import ensure_person

    if not request.user.is_authenticated:
        return None
    return ensure_person(request.user)


class LoginRequiredMiddleware(DjangoLoginRequired):
    """An intranet: every page needs a signed-in person.

    The API answers 401 JSON by itself instead of redirecting, and static/media files are
    served before this runs. ``request.person`` is the signed-in user's profile.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.person = SimpleLazyObject(lambda: _person(request))
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
