"""The ``kollega`` command: one entry point for running and administering Kollega."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

COMMANDS = {
    "serve": "Serve Kollega over HTTP (uvicorn).",
    "migrate": "Create or update the database tables.",
    "seed": "Build a demo organisation (people, network, communities, content).",
    "createadmin": "Create an administrator who can sign in to /admin/.",
    "import-people": "Import people from a CSV file (with managers and departments).",
    "reindex": "Rebuild the search index (people, communities, all content).",
    "worker": "Run background tasks: notification emails and daily/weekly digests.",
    "manage": "Run any Django management command (kollega manage help).",
}


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kollega.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kollega",
        description="Kollega, an open-source social intranet. Configure with KOLLEGA_* "
        "environment variables (see README).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    serve = sub.add_parser("serve", help=COMMANDS["serve"], description=COMMANDS["serve"])
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--reload", action="store_true", help="restart when code changes")
    serve.add_argument("--no-worker", action="store_true",
                       help="do not start a background worker beside the server")  # fmt: skip

    sub.add_parser("worker", help=COMMANDS["worker"], description=COMMANDS["worker"])

    sub.add_parser("migrate", help=COMMANDS["migrate"], description=COMMANDS["migrate"])
    sub.add_parser("reindex", help=COMMANDS["reindex"], description=COMMANDS["reindex"])

    seed = sub.add_parser("seed", help=COMMANDS["seed"], description=COMMANDS["seed"])
    seed.add_argument("--people", type=int, default=300, help="how many people (default 300)")
    seed.add_argument("--items", type=int, default=None,
                      help="how many items (default: 20 per person)")  # fmt: skip
    seed.add_argument("--seed", type=int, default=1, help="random seed; same seed, same org")
    seed.add_argument("--if-empty", action="store_true",
                      help="do nothing when people already exist")  # fmt: skip
    seed.add_argument("--no-index", dest="index", action="store_false",
                      help="leave the search index to a later `kollega reindex` "
                      "(for large seeds)")  # fmt: skip

    admin = sub.add_parser("createadmin", help=COMMANDS["createadmin"],
                           description=COMMANDS["createadmin"])  # fmt: skip
    admin.add_argument("username")
    admin.add_argument("--email", default="")
    admin.add_argument("--name", default="")

    imp = sub.add_parser("import-people", help=COMMANDS["import-people"],
                         description=COMMANDS["import-people"])  # fmt: skip
    imp.add_argument("csv_file", help="CSV with a header row (see README: Importing people)")
    imp.add_argument("--dry-run", action="store_true", help="check the file, change nothing")

    manage = sub.add_parser("manage", help=COMMANDS["manage"], description=COMMANDS["manage"])
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from django.core.exceptions import ImproperlyConfigured

    try:
        _setup()
    except ImproperlyConfigured as exc:
        print(f"kollega: configuration error: {exc}", file=sys.stderr)
        return 2
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        if args.command == "serve":
            return serve(args)
        if args.command == "migrate":
            call_command("migrate", interactive=False, verbosity=1)
        elif args.command == "seed":
            call_command("seed", people=args.people, items=args.items, seed=args.seed,
                         if_empty=args.if_empty, index=args.index)  # fmt: skip
        elif args.command == "createadmin":
            call_command("createadmin", args.username, email=args.email, name=args.name)
        elif args.command == "reindex":
            call_command("reindex")
        elif args.command == "worker":
            call_command("worker")
        elif args.command == "import-people":
            call_command("import_people", args.csv_file, dry_run=args.dry_run)
        elif args.command == "manage":
            from django.core.management import execute_from_command_line

            execute_from_command_line(["kollega manage", *args.args])
    except CommandError as exc:
        print(f"kollega {args.command}: {exc}", file=sys.stderr)
        return 1
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn
    from django.contrib.auth import get_user_model

    url = f"http://{args.host}:{args.port}/"
    print(f"\nKollega is running at {url}", flush=True)
    demo = get_user_model().objects.filter(username="demo").exists()
    if demo:
        print("Sign in as demo / kollega-demo (an ordinary colleague in the demo organisation)")
    print("Press Ctrl+C to stop.\n", flush=True)
    worker = None
    if not args.no_worker:
        # Emails and digests are sent by a worker process beside the web server.
        worker = subprocess.Popen([sys.executable, "-m", "kollega.cli", "worker"])  # noqa: S603
    try:
        uvicorn.run(
            "kollega.asgi:application",
            host=args.host,
            port=args.port,
            workers=args.workers,
            reload=args.reload,
            log_level="warning",
        )
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
