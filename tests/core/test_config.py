import subprocess
import sys

import pytest

from kollega import config


def test_booleans_read_common_spellings(monkeypatch):
    monkeypatch.setenv("KOLLEGA_DEBUG", "Yes")
    assert config.env_bool("DEBUG", False) is True
    monkeypatch.setenv("KOLLEGA_DEBUG", "off")
    assert config.env_bool("DEBUG", True) is False


def test_a_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("KOLLEGA_DEBUG", "maybe")
    with pytest.raises(config.ConfigError, match="KOLLEGA_DEBUG"):
        config.env_bool("DEBUG", False)


def test_a_bad_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("KOLLEGA_MAX_PHOTO_MB", "five")
    with pytest.raises(config.ConfigError, match="KOLLEGA_MAX_PHOTO_MB"):
        config.env_int("MAX_PHOTO_MB", 5, minimum=1)


def test_sqlite_is_the_default_database_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("KOLLEGA_DATABASE_URL", raising=False)
    db = config.database_config(tmp_path)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "kollega.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["timeout"] > 0


def test_postgres_urls_are_understood(tmp_path, monkeypatch):
    monkeypatch.setenv("KOLLEGA_DATABASE_URL", "postgresql://kollega@db.internal:5432/kollega")
    db = config.database_config(tmp_path)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"]) == ("db.internal", 5432, "kollega")
    assert db["OPTIONS"]["options"] == "-c jit=off"


def test_an_unknown_database_scheme_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("KOLLEGA_DATABASE_URL", "mongodb://localhost/kollega")
    with pytest.raises(config.ConfigError, match="KOLLEGA_DATABASE_URL"):
        config.database_config(tmp_path)


def test_the_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("KOLLEGA_SECRET_KEY", raising=False)
    first = config.secret_key(tmp_path)
    assert len(first) >= 50
    assert config.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_short_secret_key_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("KOLLEGA_SECRET_KEY", "short")
    with pytest.raises(config.ConfigError, match="KOLLEGA_SECRET_KEY"):
        config.secret_key(tmp_path)


def test_a_bad_redis_url_names_the_variable(monkeypatch):
    monkeypatch.setenv("KOLLEGA_REDIS_URL", "http://localhost:6379")
    with pytest.raises(config.ConfigError, match="KOLLEGA_REDIS_URL"):
        config.redis_url()


def test_email_goes_to_the_console_until_a_host_is_set(monkeypatch):
    monkeypatch.delenv("KOLLEGA_EMAIL_HOST", raising=False)
    assert config.email_config()["EMAIL_BACKEND"].endswith("console.EmailBackend")
    monkeypatch.setenv("KOLLEGA_EMAIL_HOST", "smtp.example.com")
    monkeypatch.setenv("KOLLEGA_EMAIL_PORT", "587")
    smtp = config.email_config()
    assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert smtp["EMAIL_PORT"] == 587


def test_start_up_stops_with_a_message_naming_the_bad_variable(tmp_path):
    env = {"KOLLEGA_VAR_DIR": str(tmp_path), "KOLLEGA_ALLOWED_HOSTS": "x", "PATH": "/usr/bin"}
    env["KOLLEGA_DEBUG"] = "perhaps"
    result = subprocess.run(
        [sys.executable, "-c", "import django, os; "
         "os.environ['DJANGO_SETTINGS_MODULE']='kollega.settings'; django.setup()"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "KOLLEGA_DEBUG" in result.stderr
