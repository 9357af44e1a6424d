"""``kollega createadmin USERNAME``: a staff superuser with a profile, ready for /admin/.

The password comes from KOLLEGA_ADMIN_PASSWORD (for scripts and containers) or is asked for
twice on the terminal. Either way it must pass the project's password validators.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kollega.people.actions import create_person

PASSWORD_VARIABLE = "KOLLEGA_ADMIN_PASSWORD"  # noqa: S105 - the variable's name, not a secret


class Command(BaseCommand):
    help = "Create an administrator (staff superuser with a profile) who can sign in to /admin/."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="display name (default: the username)")

    def handle(self, *args, username, email, name, **options):
        username = username.strip()
        User = get_user_model()
        if not username:
            raise CommandError("Give a username.")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"The username {username!r} is taken; choose another.")
        password = self._password()
        candidate = User(username=username, email=email)
        try:
            validate_password(password, user=candidate)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        try:
            person = create_person(username, name or username, email=email, password=password,
                                   is_staff=True, is_superuser=True)  # fmt: skip
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Administrator {person.username} created; sign in at /admin/.")

    def _password(self) -> str:
        from_env = os.environ.get(PASSWORD_VARIABLE)
        if from_env is not None:
            return from_env
        try:
            first = getpass.getpass("Password: ")
            second = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError(
                f"No password given; type it twice or set {PASSWORD_VARIABLE}."
            ) from None
        if first != second:
            raise CommandError("The two passwords differ; nothing was created.")
        return first
