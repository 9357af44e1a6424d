from django.conf import settings


def kollega(request):
    return {"KOLLEGA_LANGUAGES": settings.LANGUAGES}
