"""The `jobtrends` command line: one front door to every stage. Each command's help has an example."""

from __future__ import annotations

import sys

from flows.app import app
from flows.commands import data as _data  # noqa: F401  (registers commands)
from flows.commands import groups as _groups  # noqa: F401
from flows.commands import importing as _importing  # noqa: F401
from flows.commands import pipeline as _pipeline  # noqa: F401
from flows.commands import sources as _sources  # noqa: F401

__all__ = ["app", "main"]


def main() -> None:
    from datetime import UTC, datetime

    from flows.errors import run_with_clear_errors
    from flows.prefect_server import settle_temporary_server

    started = datetime.now(UTC)
    try:
        code = run_with_clear_errors(app)
    finally:
        settle_temporary_server(started)  # a clean stop of Prefect's temporary server
    sys.exit(code)


if __name__ == "__main__":
    main()
