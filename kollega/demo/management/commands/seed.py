"""``kollega seed``: build a believable demo organisation (see kollega.demo.seed)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kollega.demo.generator.org import MIN_PEOPLE
from kollega.people.models import Person

ITEMS_PER_PERSON = 20


class Command(BaseCommand):
    help = "Build a demo organisation: people, network, communities, content and activity."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=300, help="how many people")
        parser.add_argument(
            "--items", type=int, default=None, help="how many items (default: 20 per person)"
        )
        parser.add_argument("--seed", type=int, default=1, help="same seed, same organisation")
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when people already exist"
        )
        parser.add_argument(
            "--no-index",
            dest="index",
            action="store_false",
            help="leave the search index to a later `kollega reindex` (for large seeds)",
        )

    def handle(self, *args, people, items, seed, if_empty, index=True, verbosity=1, **options):
        from kollega.demo.seed import run_seed

        if people < MIN_PEOPLE:
            raise CommandError(f"--people must be at least {MIN_PEOPLE}.")
        items = people * ITEMS_PER_PERSON if items is None else items
        if items < 0:
            raise CommandError("--items cannot be negative.")
        if Person.objects.exists():
            if if_empty:
                self.stdout.write("People already exist; the demo organisation was not seeded.")
                return
            raise CommandError(
                "This database already has people. Seed into a fresh database "
                "(or pass --if-empty to skip seeding when people exist)."
            )
        taken = get_user_model().objects.filter(username__in=["demo", "admin"])
        if taken.exists():
            names = ", ".join(taken.values_list("username", flat=True))
            raise CommandError(
                f"Users named {names} already exist; the demo needs those usernames. "
                "Seed into a fresh database."
            )
        result = run_seed(people=people, items=items, seed=seed, progress=verbosity > 0)
        self.stdout.write(result.summary())
        if index:
            # The seed writes rows in bulk, past the actions that index as they write: the
            # demo's search would find nothing until the index is built.
            call_command("reindex", quiet=verbosity == 0, stdout=self.stdout, stderr=self.stderr)
        if verbosity > 0:
            self.stdout.write("Sign in as demo / kollega-demo, or admin / kollega-demo.")
