"""A report folder is built beside its place and renamed into it, so a crash, a kill or a full
disk mid-build leaves the previous reports whole (or none), never a mix of two builds or a
truncated file.

A folder jobtrends built (it holds MARKER) or an empty/new one is swapped whole: one atomic
rename exchange on Linux (renameat2 RENAME_EXCHANGE), else two renames. A folder holding other
files (`report --out` into a folder of one's own) keeps them: the finished files are moved in one
by one (each an atomic rename, the index last), never deleting what jobtrends did not write.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

MARKER = ".jobtrends-reports"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the call is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_stale(out_dir: Path) -> None:
    """Remove work folders of builds of this folder that were killed (their pid is gone)."""
    for stale in out_dir.parent.glob(f".{out_dir.name}.*-*"):
        pid = stale.name.rpartition("-")[2]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _ours(out_dir: Path) -> bool:
    return not out_dir.exists() or (out_dir / MARKER).exists() or not any(out_dir.iterdir())


def _move_in(work: Path, out_dir: Path) -> None:
    """Move each finished entry over its namesake, index files last (links resolve once shown)."""
    entries = sorted(work.iterdir(), key=lambda p: (p.name.startswith("index."), p.name))
    for entry in entries:
        target = out_dir / entry.name
        if entry.is_dir() and target.is_dir():
            shutil.rmtree(target)
        os.replace(entry, target)


@contextmanager
def staged_dir(out_dir: Path) -> Iterator[Path]:
    """Yield an empty work folder next to `out_dir`; on success put its content in place."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(f"report folder {out_dir} is a file; pass a folder path")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _clear_stale(out_dir)
    work = out_dir.parent / f".{out_dir.name}.build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if not _ours(out_dir):
        _move_in(work, out_dir)
        shutil.rmtree(work, ignore_errors=True)
        return
    (work / MARKER).write_text("built by jobtrends; this folder is replaced whole\n", "utf-8")
    if not out_dir.exists():
        os.replace(work, out_dir)
        return
    if not _exchange(work, out_dir):
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        os.replace(out_dir, old)
        os.replace(work, out_dir)
        work = old
    with suppress(OSError):
        shutil.rmtree(work)
