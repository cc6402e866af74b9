"""Checks a run makes before it crawls: everything that would otherwise fail only after minutes of
crawling (a held warehouse, a newer schema, a folder it cannot write) fails first, in one line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.config import ConfigError, Settings


def writable_folder(path: Path, what: str) -> None:
    """The nearest existing ancestor of `path` must be a writable folder (it is created later)."""
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if probe == path and not path.is_dir():
        raise ConfigError(f"{what} {path} is a file, not a folder; pass a folder path")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise ConfigError(
            f"{what} {path} cannot be written ({probe} is read-only); "
            "fix its permissions or pass another folder"
        )


def check_warehouse_for_write(warehouse: Path, wait_seconds: float) -> None:
    """Open the warehouse for writing once, briefly: another process holding it (a DuckDB
    session, a running load) is waited for up to `wait_seconds`, then refused with one
    WarehouseLocked line; a schema newer than this build is refused (SchemaTooNew)."""
    if not warehouse.exists():
        return
    from analytics.db import connect
    from analytics.migrate import check_not_newer

    con = connect(warehouse, timeout=wait_seconds, migrate=False)
    try:
        check_not_newer(con, f"warehouse {warehouse}")
    finally:
        con.close()


@contextmanager
def run_guard(settings: Settings) -> Iterator[None]:
    """Folders writable, the run lock held (a second run waits `lock_wait_seconds`, then is
    refused), the warehouse free and of a known schema: all before the crawl starts. The lock is
    held until the caller's block ends (the flow takes it again, re-entrantly)."""
    from flows.lock import warehouse_lock

    writable_folder(settings.lake, "lake")
    writable_folder(settings.reports, "reports folder")
    writable_folder(settings.warehouse.parent, "warehouse folder")
    with warehouse_lock(settings.warehouse, settings.lock_wait_seconds, for_flow=True):
        check_warehouse_for_write(settings.warehouse, settings.lock_wait_seconds)
        yield
