"""Measurement helpers: child processes that report JSON, and peak RSS of a whole process tree.

Why child processes: peak RSS (ru_maxrss) only means something per process, and each benchmark
must not inherit the memory or warm caches of the ones before it.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent


def maxrss_mb() -> float:
    """Peak RSS of this process in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_maxrss_mb() -> float:
    """Largest peak RSS of any waited-for child (process pools) in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class TreeRssSampler:
    """Polls the summed RSS of a process and all its descendants; keeps the peak (MiB)."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_mb = 0.0
        #: largest single process seen (the tree sum double-counts shared library pages)
        self.peak_single_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> float:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for proc in procs:
            try:
                rss = proc.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            self.peak_single_mb = max(self.peak_single_mb, rss / 2**20)
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeRssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def run_child(
    module: str, args: list[str], timeout: float = 3600, sample_tree: bool = False
) -> dict[str, Any]:
    """Run `python -m module args`; its last stdout line is JSON. Adds wall and tree peak RSS."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=bench_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeRssSampler(proc.pid) if sample_tree else None
    if sampler:
        sampler.__enter__()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError(f"{module} timed out after {timeout:.0f}s: {err[-2000:]}") from None
    finally:
        if sampler:
            sampler.__exit__(None, None, None)
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"{module} {' '.join(args)} failed (rc={proc.returncode}): {err[-3000:]}"
        )
    result = json.loads(lines[-1])
    result["wall_seconds"] = time.perf_counter() - started
    if sampler:
        result["tree_peak_rss_mb"] = sampler.peak_mb
        result["largest_process_rss_mb"] = sampler.peak_single_mb
    return result


def emit(result: dict[str, Any]) -> None:
    """Child side: print the result as the last stdout line."""
    sys.stdout.write(json.dumps(result, default=str) + "\n")
    sys.stdout.flush()
