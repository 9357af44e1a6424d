"""``kollega reindex``: rebuild the search index from the database, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kollega.search import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (people, communities and all content)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=rebuild.BATCH,
                            help="objects read per batch (default %(default)s)")  # fmt: skip
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, batch: int, quiet: bool, **options):
        total = sum(rebuild.totals().values())
        with tqdm(total=total, unit="doc", desc="Indexing", disable=quiet,
                  file=self.stderr._out, dynamic_ncols=True) as bar:  # fmt: skip
            written = rebuild.rebuild(progress=bar.update, batch=max(1, batch))
        self.stdout.write(f"Indexed {written} documents.")
