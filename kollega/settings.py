"""Kollega's one settings module, driven by KOLLEGA_* environment variables (see config.py)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from kollega import config

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(config.env_str("VAR_DIR", str(BASE_DIR.parent / "var"))).resolve()

SECRET_KEY = config.secret_key(VAR_DIR)
DEBUG = config.env_bool("DEBUG", False)
ALLOWED_HOSTS = config.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "kollega.core",
    "kollega.people",
    "kollega.places",
    "kollega.content",
    "kollega.activity",
    "kollega.network",
    "kollega.wiki",
    "kollega.files",
    "kollega.bookmarks",
    "kollega.ideas",
    "kollega.news",
    "kollega.moderation",
    "kollega.notifications",
    "kollega.stream",
    "kollega.search",
    "kollega.discovery",
    "kollega.api",
    "kollega.web",
    "kollega.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kollega.core.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "kollega.urls"
WSGI_APPLICATION = "kollega.wsgi.application"
ASGI_APPLICATION = "kollega.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kollega.core.context_processors.kollega",
            ],
        },
    },
]

DATABASES = {"default": config.database_config(VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = config.redis_url()
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("sv", _("Swedish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves from the finders (no collectstatic needed) but expects the folder.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(config.env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploads: requests above this size are refused before they reach a view.
KOLLEGA_MAX_UPLOAD_MB = config.env_int("MAX_UPLOAD_MB", 25, minimum=1)
# Uploaded files live outside MEDIA_ROOT: they are only ever served through the access check.
KOLLEGA_FILES_ROOT = Path(config.env_str("FILES_ROOT", str(VAR_DIR / "files")))
KOLLEGA_MAX_PHOTO_BYTES = config.env_int("MAX_PHOTO_MB", 5, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

for _key, _value in config.email_config().items():
    globals()[_key] = _value
SERVER_EMAIL = globals()["DEFAULT_FROM_EMAIL"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send X-CSRFToken
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = config.env_bool("SECURE_COOKIES", False)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config.env_str("LOG_LEVEL", "WARNING").upper()},
}

# The address people use to reach Kollega, for links in emails.
KOLLEGA_SITE_URL = config.env_str("SITE_URL", "http://127.0.0.1:8000")

# Background tasks (django-tasks): a database queue, worked by `kollega worker` (which
# `kollega serve` starts beside the web server). Tests run tasks immediately.
TASKS = {"default": {"BACKEND": config.env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Hour of the day (UTC) when daily and weekly (Mondays) digests go out.
KOLLEGA_DIGEST_HOUR = config.env_int("DIGEST_HOUR", 6)
if KOLLEGA_DIGEST_HOUR > 23:
    raise config.ConfigError("KOLLEGA_DIGEST_HOUR must be an hour from 0 to 23.")

# Media (profile photos) are served by Kollega itself unless a front server takes over.
KOLLEGA_SERVE_MEDIA = config.env_bool("SERVE_MEDIA", True)
