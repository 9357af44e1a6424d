"""The ``kollega`` command: help for every subcommand, configuration errors, administrators."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from kollega import cli
from kollega.people.models import Person

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python") if (ROOT / ".venv/bin/python").exists() else sys.executable


def kollega(*args, **env):
    return subprocess.run(
        [PYTHON, "-m", "kollega.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in cli.COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", list(cli.COMMANDS))
def test_each_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    assert cli.COMMANDS[command] in capsys.readouterr().out


def test_help_runs_as_a_program():
    done = kollega("--help")
    assert done.returncode == 0
    assert "import-people" in done.stdout


def test_a_bad_setting_stops_it_with_the_variable_named():
    done = kollega("migrate", KOLLEGA_DEBUG="maybe")
    assert done.returncode == 2
    assert "KOLLEGA_DEBUG" in done.stderr
    assert "Traceback" not in done.stderr


def test_import_people_reports_problems_and_exits_non_zero(db, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text("username,name,manager\nann,Ann,nobody\n")
    assert cli.main(["import-people", str(path)]) == 1
    assert "line 2: unknown manager 'nobody'" in capsys.readouterr().err
    path.write_text("username,name,manager\nann,Ann,\n")
    assert cli.main(["import-people", str(path), "--dry-run"]) == 0
    assert not Person.objects.exists()


def test_createadmin_takes_the_password_from_the_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("KOLLEGA_ADMIN_PASSWORD", "a long and unusual passphrase")
    assert cli.main(["createadmin", "root", "--email", "root@example.com", "--name", "Ro Ot"]) == 0
    user = get_user_model().objects.get(username="root")
    assert user.is_staff and user.is_superuser
    assert user.check_password("a long and unusual passphrase")
    assert Person.objects.get(user=user).name == "Ro Ot"
    assert cli.main(["createadmin", "root"]) == 1
    assert "taken" in capsys.readouterr().err


def test_createadmin_refuses_a_weak_password(db, monkeypatch, capsys):
    monkeypatch.setenv("KOLLEGA_ADMIN_PASSWORD", "password")
    assert cli.main(["createadmin", "root"]) == 1
    assert "too common" in capsys.readouterr().err
    assert not get_user_model().objects.exists()


def test_createadmin_asks_twice(db, monkeypatch, capsys):
    monkeypatch.delenv("KOLLEGA_ADMIN_PASSWORD", raising=False)
    answers = iter(["a long and unusual passphrase", "a different passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["createadmin", "root"]) == 1
    assert "differ" in capsys.readouterr().err
    answers = iter(["a long and unusual passphrase"] * 2)
    assert cli.main(["createadmin", "root"]) == 0
