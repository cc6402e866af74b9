"""Process hygiene: whatever a `jobtrends` command started dies with it, however it ends.

Why: `jobtrends run` starts Prefect's temporary server (a uvicorn subprocess), one Scrapy
subprocess per crawl and extraction workers. Prefect stops its server at interpreter exit, but a
SIGKILL (or a SIGTERM, which skips Python's exit handlers) of the main process left the server
and a running crawl behind, holding ports, the lake and memory.

How: the command marks its environment with JOBTRENDS_RUN_OWNER (inherited by every descendant,
grandchildren included, whoever spawns them) and starts this module as a watchdog in its own
session, reading a pipe only the command holds. When the command dies, the pipe closes; the
watchdog then stops every process still carrying the mark (SIGTERM, then SIGKILL after a grace
period). No process group games, so Ctrl-C and job control keep working.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

MARK = "JOBTRENDS_RUN_OWNER"
#: seconds between SIGTERM and SIGKILL for the processes left behind
GRACE_S = 3.0


def start_watchdog() -> subprocess.Popen[bytes] | None:
    """Mark this process's environment and start the watchdog (once per process)."""
    if os.environ.get(MARK, "").startswith(f"{os.getpid()}:"):
        return None
    os.environ[MARK] = f"{os.getpid()}:{time.time_ns()}"
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "flows.watchdog", os.environ[MARK]],
            stdin=subprocess.PIPE,  # only we hold its write end: EOF = we are gone
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a kill of our group or a Ctrl-C does not reach it
            close_fds=True,
        )
    except OSError:
        return None  # hygiene is best effort; never stop the command for it


def marked(mark: str) -> list[int]:
    """Pids of live processes (not this one) whose environment carries `mark`."""
    import psutil

    found = []
    for proc in psutil.process_iter(["pid"]):
        if proc.pid == os.getpid():
            continue
        try:
            if proc.environ().get(MARK) == mark:
                found.append(proc.pid)
        except (psutil.Error, OSError):
            continue
    return found


def stop_marked(mark: str, grace: float = GRACE_S) -> int:
    """SIGTERM every marked process, SIGKILL those still there after `grace`; returns count."""
    import signal

    pids = marked(mark)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and marked(mark):
        time.sleep(0.1)
    for pid in marked(mark):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return len(pids)


def stop_children(
    exclude: tuple[str, ...] = ("uvicorn", "flows.watchdog"), grace: float = GRACE_S
) -> int:
    """Stop this process's marked descendants now, except those whose command line contains an
    `exclude` word: Prefect's server must outlive the flow's crash report, and the watchdog
    must outlive us."""
    import signal

    import psutil

    kids = [
        p
        for p in psutil.Process().children(recursive=True)
        if not any(word in " ".join(_cmdline(p)) for word in exclude)
    ]
    for proc in kids:
        try:
            proc.send_signal(signal.SIGTERM)
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(kids, timeout=grace)
    for proc in alive:
        try:
            proc.kill()
        except psutil.Error:
            pass
    return len(kids)


def _cmdline(proc: object) -> list[str]:
    try:
        return proc.cmdline()  # type: ignore[attr-defined]
    except Exception:
        return []


@contextmanager
def children_die_with_us() -> Iterator[None]:
    """Around a flow body: on SIGTERM (Prefect turns it into TerminationSignal) or Ctrl-C, stop
    the crawl and worker subprocesses at once. Prefect's teardown waits for its task threads,
    and a task thread waits for its crawl subprocess: without this a SIGTERM took until the
    crawl ended. The watchdog stops the rest once the process is gone."""
    try:
        yield
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "TerminationSignal":
            stop_children()
        raise


def main(mark: str) -> None:
    """Wait for the owner's end (EOF on stdin), then stop what it left."""
    try:
        while sys.stdin.buffer.read(65536):
            pass
    except OSError:
        pass
    stop_marked(mark)


if __name__ == "__main__":
    main(sys.argv[1])
