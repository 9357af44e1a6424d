"""``kollega refresh_expertise``: rebuild who-knows-what and responsiveness for everyone,
or with --changed only for the people whose evidence changed since the last run."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kollega.discovery import refresh
from kollega.people.models import Person


class Command(BaseCommand):
    help = "Recompute expertise and responsiveness (all people, or --changed since last run)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--changed",
            action="store_true",
            help="only the people whose evidence changed since the last run (from the event log)",
        )

    def handle(self, *args, changed=False, verbosity=1, **options):
        started = time.perf_counter()
        if changed:
            n = refresh.refresh_changed()
            self.stdout.write(f"Refreshed the expertise of {n:,} people.")
            return
        with tqdm(
            total=Person.objects.count(), desc="expertise", unit=" people",
            file=sys.stderr, disable=verbosity < 1, dynamic_ncols=True,
        ) as bar:  # fmt: skip
            rows = refresh.refresh_all(progress=bar.update)
        seconds = time.perf_counter() - started
        self.stdout.write(f"Wrote {rows:,} expertise rows in {seconds:.1f} s.")
