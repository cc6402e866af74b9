"""The `jobtrends` command line: one front door to every stage. Each command's help has an example."""

from __future__ import annotations

import sys

import typer

from flows.app import EPHEMERAL_STARTUP_TIMEOUT_S, app
from flows.commands import data as _data  # noqa: F401  (registers commands)
from flows.commands import groups as _groups  # noqa: F401
from flows.commands import importing as _importing  # noqa: F401
from flows.commands import pipeline as _pipeline  # noqa: F401
from flows.commands import sources as _sources  # noqa: F401

__all__ = ["app", "main"]

#: commands that start Prefect's temporary server, crawl subprocesses or worker processes
SUBPROCESS_COMMANDS = frozenset(
    {"run", "serve", "process-run", "crawl-group", "reextract", "import"}
)


def main() -> None:
    from datetime import UTC, datetime

    from flows.errors import run_with_clear_errors
    from flows.prefect_server import settle_temporary_server

    started = datetime.now(UTC)
    if len(sys.argv) > 1 and sys.argv[1] in SUBPROCESS_COMMANDS:
        from flows.watchdog import start_watchdog

        start_watchdog()  # a killed command leaves no Prefect server or crawl behind
    try:
        code = run_with_clear_errors(app)
    except RuntimeError as exc:
        if "ephemeral Prefect API server" not in str(exc):
            raise
        typer.secho(
            "error: Prefect's temporary server did not start in time; raise "
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (jobtrends' default is "
            f"{EPHEMERAL_STARTUP_TIMEOUT_S} s) or point PREFECT_API_URL at a running server",
            fg=typer.colors.RED,
            err=True,
        )
        code = 2
    finally:
        settle_temporary_server(started)  # a clean stop of Prefect's temporary server
    sys.exit(code)


if __name__ == "__main__":
    main()
