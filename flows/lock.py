"""One writer per warehouse: overlapping runs fail fast with a clear message instead of corrupting."""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunLocked(RuntimeError):
    """Another jobtrends run is writing to the same warehouse."""


#: lock files held on behalf of a run that will take the lock again in this process -> depth:
#: the CLI takes the lock before the flow starts (so a second run is refused before it crawls)
#: and the flow, which also runs scheduled without the CLI, takes it again; a second flock from
#: the same process would wait for itself. Only a lock taken with `for_flow=True` is shared.
_HELD: dict[str, int] = {}


@contextmanager
def warehouse_lock(
    warehouse: Path, wait_seconds: float = 0.0, *, for_flow: bool = False
) -> Iterator[None]:
    """Hold `<warehouse>.lock` for the duration of a run; the kernel frees it if the process dies.
    `for_flow=True` (the CLI's run guard): the flow started inside may take it again."""
    lock_path = Path(f"{warehouse}.lock")
    key = str(lock_path.resolve())
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fh = lock_path.open("a+")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                fh.seek(0)
                holder = fh.read().strip() or "unknown"
                fh.close()
                raise RunLocked(
                    f"warehouse {warehouse} is being written by another jobtrends run ({holder}); "
                    "wait for it to finish or use another --warehouse"
                ) from None
            time.sleep(0.5)
    fh.seek(0)
    fh.truncate()
    fh.write(
        json.dumps(
            {"pid": os.getpid(), "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        )
    )
    fh.flush()
    if for_flow:
        _HELD[key] = 1
    try:
        yield
    finally:
        if for_flow:
            _HELD.pop(key, None)
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
