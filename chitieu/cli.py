"""The `chitieu` command: serve, demo, extract, and everything manage.py offers.

chitieu serve [--port 8000] [--host 127.0.0.1] [--workers 2] [--no-worker]
                        the web server, with the import worker beside it
chitieu worker          run queued spreadsheet imports (started by serve)
chitieu demo            load the five seed reviews (idempotent)
chitieu extract FILE... read the figures out of Vietnamese reports
chitieu migrate | createsuperuser | shell | ...   (manage.py commands)
"""

from __future__ import annotations

import argparse
import os
import sys


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.settings")
    import django

    django.setup()


def _migrate_quietly() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="chitieu serve", description="Start chitieu's web server (gunicorn)."
    )
    _django_setup()
    from django.conf import settings

    parser.add_argument("--host", default=settings.CHITIEU_HOST)
    parser.add_argument("--port", type=int, default=settings.CHITIEU_PORT)
    parser.add_argument("--workers", type=int, default=settings.CHITIEU_WORKERS)
    parser.add_argument("--no-migrate", action="store_true", help="do not apply pending migrations first")
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start the import worker beside the web server (run `chitieu worker` elsewhere)",
    )
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port must be between 1 and 65535, not {args.port}")
    if not args.no_migrate:
        _migrate_quietly()
    # Gunicorn forks its workers from this process: a database connection opened here would be shared
    # by all of them, and their queries' answers would cross (found by bench/load_fault.py).
    from django.db import connections

    connections.close_all()
    print(f"chitieu: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    worker = None if args.no_worker else start_worker()
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "chitieu.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
        # an upload read by OCR or LibreOffice may take up to the reader's own budget (180 s,
        # chitieu.extraction.reader.TIME_BUDGET): gunicorn's default 30 s would kill the worker first
        "--timeout",
        "210",
    ]
    try:
        run()
    finally:
        stop_worker(worker)
    return 0


def start_worker():
    """The import worker (chitieu/imports/worker.py) as a child of this process: it stops when the
    server stops, and by itself should this process die without stopping it."""
    import subprocess

    cmd = [sys.executable, "-m", "chitieu.cli", "worker", "--parent", str(os.getpid())]
    return subprocess.Popen(cmd, env={**os.environ, "DJANGO_SETTINGS_MODULE": "chitieu.settings"})


def stop_worker(worker) -> None:
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(15)
    except Exception:
        worker.kill()


def extract(argv: list[str]) -> int:
    from chitieu.extraction.cli import main as extract_main

    return extract_main(argv)


def main(argv: list[str] | None = None) -> int:
    from django.core.exceptions import ImproperlyConfigured

    try:
        return _main(argv)
    except ImproperlyConfigured as exc:
        print(f"chitieu: configuration error: {exc}", file=sys.stderr)
        return 2


def _main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        return 0
    command, rest = argv[0], argv[1:]
    if command == "serve":
        return serve(rest)
    if command == "extract":
        return extract(rest)
    _django_setup()
    from django.core.management import execute_from_command_line

    if command == "demo":
        _migrate_quietly()
    execute_from_command_line(["chitieu", command, *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
