"""Reading Kollega's configuration from ``KOLLEGA_*`` environment variables.

Every reader returns a working default when the variable is unset and raises
``ConfigError`` naming the variable when the value cannot be used, so a typo stops
start-up with a message instead of a surprise later.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

PREFIX = "KOLLEGA_"
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ImproperlyConfigured):
    pass


def raw(name: str) -> str | None:
    return os.environ.get(PREFIX + name)


def env_str(name: str, default: str) -> str:
    value = raw(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool) -> bool:
    value = raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ConfigError(f"{PREFIX}{name}={value!r} is not a boolean; use true or false.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    value = raw(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ConfigError(f"{PREFIX}{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ConfigError(f"{PREFIX}{name}={value!r} must be at least {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = raw(name)
    if value is None:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


def database_config(var_dir: Path) -> dict:
    """Django DATABASES['default'] from KOLLEGA_DATABASE_URL (SQLite under var/ by default)."""
    import dj_database_url

    default_url = f"sqlite:///{var_dir / 'kollega.sqlite3'}"
    url = env_str("DATABASE_URL", default_url) or default_url
    scheme = urlparse(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ConfigError(
            f"{PREFIX}DATABASE_URL uses {scheme or 'no'} scheme; "
            "use sqlite:///path/to/file.sqlite3 or postgresql://user@host:port/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several kinds
        raise ConfigError(f"{PREFIX}DATABASE_URL={url!r} cannot be parsed: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers go on while one writer writes; the busy timeout makes a second
        # writer wait instead of failing with "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-64000;"
            ),
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
        name = config.get("NAME") or ""
        if name and name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
    else:
        if not config.get("NAME"):
            raise ConfigError(f"{PREFIX}DATABASE_URL={url!r} names no database.")
        # No JIT compilation: our queries are short, and PostgreSQL starts compiling (tens
        # of milliseconds) whenever an estimate passes jit_above_cost, which a query with a
        # few correlated access subqueries does though it runs in two milliseconds.
        config.setdefault("OPTIONS", {})["options"] = "-c jit=off"
    return config


def secret_key(var_dir: Path) -> str:
    """The secret key from KOLLEGA_SECRET_KEY, else one generated once into var/secret_key."""
    value = raw("SECRET_KEY")
    if value is not None:
        if len(value.strip()) < 32:
            raise ConfigError(f"{PREFIX}SECRET_KEY is too short; use at least 32 characters.")
        return value.strip()
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def redis_url() -> str | None:
    value = raw("REDIS_URL")
    if not value:
        return None
    scheme = urlparse(value).scheme
    if scheme not in {"redis", "rediss", "unix"}:
        raise ConfigError(f"{PREFIX}REDIS_URL={value!r} must start with redis://, rediss://.")
    return value


def email_config() -> dict:
    """Email settings: SMTP when KOLLEGA_EMAIL_HOST is set, else printed to the console."""
    host = env_str("EMAIL_HOST", "")
    config = {
        "DEFAULT_FROM_EMAIL": env_str("EMAIL_FROM", "Kollega <kollega@localhost>"),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    if "@" not in config["DEFAULT_FROM_EMAIL"]:
        raise ConfigError(f"{PREFIX}EMAIL_FROM must be an email address.")
    if host:
        config.update(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=host,
            EMAIL_PORT=env_int("EMAIL_PORT", 25, minimum=1),
            EMAIL_HOST_USER=env_str("EMAIL_USER", ""),
            EMAIL_HOST_PASSWORD=env_str("EMAIL_PASSWORD", ""),
            EMAIL_USE_TLS=env_bool("EMAIL_TLS", False),
        )
    return config
