"""`kollega worker`: run background tasks (emails, digests) and queue the periodic ones."""

from __future__ import annotations

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from kollega.notifications import schedule

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run Kollega's background worker: notification emails and daily/weekly digests."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0,
                            help="seconds between queue polls when idle (default 1)")  # fmt: skip
        parser.add_argument("--schedule-every", type=float, default=300.0,
                            help="seconds between checks for due digests and refreshing "
                                 "expertise (default 300)")  # fmt: skip

    def handle(self, *args, **options):
        stop = threading.Event()

        def scheduler():
            while not stop.wait(options["schedule_every"]):
                try:
                    jobs = schedule.tick()
                    if jobs:
                        log.info("queued %s", ", ".join(jobs))
                except Exception:
                    log.exception("the digest scheduler failed; trying again later")
                finally:
                    close_old_connections()

        thread = threading.Thread(target=scheduler, name="kollega-scheduler", daemon=True)
        thread.start()
        try:
            call_command("db_worker", queue_name="*", interval=options["interval"],
                         verbosity=options["verbosity"], reload=False)  # fmt: skip
        finally:
            stop.set()
