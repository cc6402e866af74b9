"""Known failures become one line naming the problem and the fix, with exit code 2; a run's
outcome becomes its exit code and its Prefect state name (documented in docs/robustness.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import typer

#: exit codes of `jobtrends run` / `process-run` (and any command: 1 unexpected, 2 bad input)
EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_NOTHING_STORED = 4

#: Prefect state name of each outcome (`serve` shows these; NothingStored is a Failed state)
STATE_NAMES = {EXIT_OK: "Completed", EXIT_PARTIAL: "Partial", EXIT_NOTHING_STORED: "NothingStored"}


class NothingStored(RuntimeError):
    """A run that stored no posting: every board failed, listed nothing, or the lake is unusable.
    Carries the run's result so the CLI can still print its summary."""

    def __init__(self, message: str, result: Mapping[str, Any]) -> None:
        super().__init__(message)
        self.result = dict(result)


def run_outcome(
    crawl_errors: Mapping[str, str], load_stats: Mapping[str, Any]
) -> tuple[int, str, str]:
    """(exit code, state name, one-line reason) of a processed run: nothing stored when no
    posting of the run reached the warehouse, partial when a source failed or lake lines were
    skipped, else complete."""
    stored = sum(int(load_stats.get(k, 0) or 0) for k in ("new", "updated", "unchanged"))
    skipped = int(load_stats.get("lake_lines_skipped", 0) or 0)
    if stored == 0:
        why = (
            f"{len(crawl_errors)} source(s) failed" if crawl_errors else "no board listed a posting"
        )
        return EXIT_NOTHING_STORED, STATE_NAMES[EXIT_NOTHING_STORED], f"nothing stored: {why}"
    if crawl_errors or skipped:
        parts = [f"{len(crawl_errors)} source(s) failed"] if crawl_errors else []
        parts += [f"{skipped} lake line(s) skipped"] if skipped else []
        return EXIT_PARTIAL, STATE_NAMES[EXIT_PARTIAL], "partial: " + ", ".join(parts)
    return EXIT_OK, STATE_NAMES[EXIT_OK], f"complete: {stored} postings stored"


def known_errors() -> tuple[type[BaseException], ...]:
    from flows.config import ConfigError
    from flows.lock import RunLocked
    from spiders.source_config import SourceConfigError

    errors: list[type[BaseException]] = [ConfigError, RunLocked, SourceConfigError]
    try:
        from analytics.db import WarehouseLocked
        from analytics.migrate import SchemaTooNew

        errors += [WarehouseLocked, SchemaTooNew]
    except ImportError:
        pass
    return tuple(errors)


def run_with_clear_errors(app: typer.Typer) -> int:
    try:
        code = app(standalone_mode=False)
    except known_errors() as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 1
    except Exception as exc:  # click usage errors (typer vendors click) carry their own exit code
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return int(exc.exit_code)
        raise
    return code if isinstance(code, int) else 0
