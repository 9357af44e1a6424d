"""``kollega import-people people.csv [--dry-run]`` (columns: see kollega.people.importer)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kollega.people.importer import HeaderError, import_people, read_rows


class Command(BaseCommand):
    help = "Import people from a CSV file: all rows or none (see kollega.people.importer)."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="UTF-8 CSV with a header row")
        parser.add_argument("--dry-run", action="store_true", help="check the file, change nothing")

    def handle(self, *args, csv_file, dry_run, verbosity=1, **options):
        path = Path(csv_file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            _header, rows = read_rows(path)
            with tqdm(total=len(rows), desc="import", unit=" rows", file=sys.stderr,
                      disable=verbosity == 0 or len(rows) < 200) as bar:  # fmt: skip
                result = import_people(path, dry_run=dry_run, progress=lambda: bar.update(1))
        except HeaderError as error:
            raise CommandError(str(error)) from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text; save it as CSV UTF-8.") from None
        if not result.ok:
            lines = "\n".join(f"  line {line}: {message}" for line, message in result.errors)
            raise CommandError(
                f"{len(result.errors)} problem(s) in {path}; nothing was imported:\n{lines}"
            )
        self.stdout.write(result.summary())
