"""Shared helpers for in-process benchmarks: set up Django on a chosen database, time a
callable many times and report p50/p95, and describe the machine the figures came from.

Benchmarks run on demand (never in the test suite):

    .venv/bin/python bench/network.py --db sqlite:////work/seed-10k.sqlite3
    .venv/bin/python bench/network.py --db postgresql://postgres@127.0.0.1:5432/kollega_bench
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--db", required=True, help="database URL of a seeded Kollega database")
    p.add_argument("--runs", type=int, default=200, help="timed runs per operation (default 200)")
    p.add_argument("--seed", type=int, default=1, help="random seed for choosing subjects")
    return p


def setup(db_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["KOLLEGA_DATABASE_URL"] = db_url
    os.environ.setdefault("KOLLEGA_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kollega.settings"
    import django

    django.setup()


def timed(fn: Callable[[], object], runs: int, warmup: int = 5) -> dict[str, float]:
    """Milliseconds: median, 95th percentile and max over ``runs`` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
        "max": samples[-1],
    }


def cycling(fn: Callable[[object], object], subjects: list) -> Callable[[], object]:
    """A callable that runs ``fn`` on the next subject each time, so runs vary."""
    state = {"i": 0}

    def run():
        subject = subjects[state["i"] % len(subjects)]
        state["i"] += 1
        return fn(subject)

    return run


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    from django.db import connection

    vendor = connection.vendor
    version = ""
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            version = "SQLite " + cursor.fetchone()[0]
        else:
            cursor.execute("show server_version")
            version = "PostgreSQL " + cursor.fetchone()[0]
    return f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}; {version}"


def load() -> str:
    """The load average (1, 5, 15 min): the machine is shared, so say how busy it was."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def client_for(person):
    """A django.test.Client signed in as ``person``: times the real page, middleware,
    templates and all."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")  # a host ALLOWED_HOSTS accepts by default
    client.force_login(person.user)
    return client


def page(client, url: str) -> Callable[[], object]:
    def get():
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"GET {url} answered {response.status_code}")
        return response

    return get


def report(title: str, rows: dict[str, dict[str, float]], load_before: str = "") -> str:
    command = " ".join([".venv/bin/python", *sys.argv])
    load_line = f"before: {load_before}; after: {load()}" if load_before else load()
    lines = [f"### {title}", "", f"Machine: {machine()}", "",
             f"Command: `{command}`", "", f"Load average (1, 5, 15 min) {load_line}", "",
             "| operation | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|"]  # fmt: skip
    for name, r in rows.items():
        lines.append(f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    return text
