"""Benchmark ``kollega seed`` on SQLite and PostgreSQL: wall time per phase, total, size.

    .venv/bin/python bench/seed.py --people 10000 --items 1000000 \\
        --sqlite-path /work/seed-10k.sqlite3 --results bench/RESULTS.md

Each run starts from an empty database: SQLite a fresh file (default under a temp dir),
PostgreSQL a database dropped and created again (default kollega_bench). Both are migrated
first, then seeded by the real CLI in a child process, so the figures include start-up.
The databases are left in place for later benchmarks.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SUMMARY = re.compile(r"Seeded (?P<counts>.*) in (?P<total>[\d.]+) s \((?P<phases>.*)\)\.")


def run_cli(env: dict, *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "-m", "kollega.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"kollega {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    return done.stdout


def seed(env: dict, people: int, items: int, seed_value: int) -> dict:
    run_cli(env, "migrate")
    # The search index is timed on its own (kollega reindex on the copies).
    args = ["seed", "--people", str(people), "--items", str(items), "--seed", str(seed_value),
            "--no-index"]  # fmt: skip
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [PYTHON, "-m", "kollega.cli", *args], cwd=ROOT, env=env, stdout=out, stderr=err
        )
        # wait4 gives this child's own peak memory and CPU time (RUSAGE_CHILDREN would mix
        # every child the bench ever waited for).
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"kollega seed failed:\n{errors[-4000:]}")
    match = SUMMARY.search(output)
    if not match:
        sys.exit(f"no summary line in the seed's output:\n{output}")
    phases = {
        name.strip(): float(secs)
        for name, secs in re.findall(r"([a-z ]+) ([\d.]+) s", match["phases"])
    }
    return {"wall": wall, "seed": float(match["total"]), "phases": phases,
            "counts": match["counts"], "peak_mb": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime}  # fmt: skip


def bench_sqlite(args) -> dict:
    var = Path(tempfile.mkdtemp(prefix="kollega-bench-"))
    path = Path(args.sqlite_path) if args.sqlite_path else var / "seed.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "KOLLEGA_VAR_DIR": str(var), "KOLLEGA_DATABASE_URL": f"sqlite:///{path}"}
    result = seed(env, args.people, args.items, args.seed)
    result["size"] = sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    )
    result["where"] = str(path)
    return result


def _pg(url: str, sql: str, autocommit: bool = True):
    import psycopg

    with psycopg.connect(url, autocommit=autocommit) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchone() if cursor.description else None


def bench_postgres(args) -> dict:
    admin = f"{args.pg_server}/postgres"
    _pg(admin, f'DROP DATABASE IF EXISTS "{args.pg_name}"')
    _pg(admin, f'CREATE DATABASE "{args.pg_name}"')
    url = f"{args.pg_server}/{args.pg_name}"
    var = tempfile.mkdtemp(prefix="kollega-bench-")
    env = {**os.environ, "KOLLEGA_VAR_DIR": var, "KOLLEGA_DATABASE_URL": url}
    result = seed(env, args.people, args.items, args.seed)
    result["size"] = _pg(url, "SELECT pg_database_size(current_database())")[0]
    result["where"] = f"database {args.pg_name}"
    return result


def machine(args) -> list[str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor())  # fmt: skip
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    lines = [
        f"- CPU: {cpu}, {os.cpu_count()} cores (nproc)",
        f"- Memory: {mem_kb / 1024 / 1024:.1f} GiB",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
    ]
    if args.db in ("postgres", "both"):
        version = _pg(f"{args.pg_server}/postgres", "SHOW server_version")[0]
        lines[-1] += f", PostgreSQL {version}"
    return lines


def report(args, results: dict[str, dict]) -> str:
    phase_names = list(next(iter(results.values()))["phases"])

    def row(label: str, value) -> str:
        return f"| {label} | " + " | ".join(value(r) for r in results.values()) + " |"

    rows = ["| | " + " | ".join(results) + " |", "|---|" + "---:|" * len(results)]
    for name in phase_names:
        rows.append(row(name, lambda r, name=name: f"{r['phases'][name]:.1f} s"))
    rows.append(row("**seed total**", lambda r: f"**{r['seed']:.1f} s**"))
    rows.append(row("wall time incl. start-up", lambda r: f"{r['wall']:.1f} s"))
    rows.append(row("database size", lambda r: f"{r['size'] / 2**20:,.0f} MiB"))
    rows.append(row("CPU time of the seed process", lambda r: f"{r['cpu']:.1f} s"))
    rows.append(row("peak memory of the seed process", lambda r: f"{r['peak_mb']:,.0f} MiB"))
    command = (f"python bench/seed.py --people {args.people} --items {args.items} "
               f"--seed {args.seed} --db {args.db}"
               + (f" --sqlite-path {args.sqlite_path}" if args.sqlite_path else ""))  # fmt: skip
    first = next(iter(results.values()))
    return "\n".join([
        "## Seed", "",
        f"`kollega seed --people {args.people} --items {args.items} --seed {args.seed}` "
        "on an empty, migrated database.", "",
        f"Command: `{command}`", "",
        *rows, "",
        f"Rows: {first['counts']}.", "",
        "Where: " + "; ".join(f"{db}: {r['where']}" for db, r in results.items()) + ".", "",
        "Machine:", "", *machine(args), "",
    ])  # fmt: skip


def write_section(path: Path, section: str) -> None:
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Seed\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sqlite-path", help="keep the SQLite database here (replaced)")
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--pg-name", default="kollega_bench")
    parser.add_argument("--results", help="write the Seed section of this Markdown file")
    args = parser.parse_args()
    results = {}
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    if args.db in ("sqlite", "both"):
        results["SQLite"] = bench_sqlite(args)
        print(f"SQLite: {results['SQLite']}", flush=True)
    if args.db in ("postgres", "both"):
        results["PostgreSQL"] = bench_postgres(args)
        print(f"PostgreSQL: {results['PostgreSQL']}", flush=True)
    load_after = Path("/proc/loadavg").read_text().split()[:3]
    section = report(args, results)
    # Other work on the machine skews the figures; say how busy it was.
    section += (
        f"- Load average (1, 5, 15 min) before: {' '.join(load_before)}; "
        f"after: {' '.join(load_after)}\n"
    )
    print(section)
    if args.results:
        write_section(Path(args.results), section)


if __name__ == "__main__":
    main()
