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
    from flows.errors import run_with_clear_errors

    sys.exit(run_with_clear_errors(app))


if __name__ == "__main__":
    main()
