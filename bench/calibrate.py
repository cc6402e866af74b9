"""How much parallel CPU the machine gives right now: one pure-Python loop, 1 vs 2 processes.

Why: the 2-process and 2-worker speed-ups can only be as good as the cores they get; on a shared
or noisy 2-vCPU machine two busy processes may get well under 2x, and this row says so.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

from bench.results import Row

LOOPS = 20_000_000


def _spin(loops: int) -> float:
    started = time.perf_counter()
    acc = 0
    for i in range(loops):
        acc += i * i
    return time.perf_counter() - started


def measure(loops: int = LOOPS) -> dict[str, Any]:
    """Throughput of two processes spinning at once relative to one alone (2.0 = two full cores)."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_spin, [1, 1])  # start both workers before timing
        one = pool.apply(_spin, (loops,))
        started = time.perf_counter()
        pool.map(_spin, [loops, loops])
        both = time.perf_counter() - started
    return {"one_s": one, "two_s": both, "scaling": 2 * one / both if both else None}


def calibration_rows(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "cpu.single_core_mloops_s",
            "machine: pure-Python loop speed, 1 process",
            LOOPS / r["one_s"] / 1e6 if r.get("one_s") else None,
            "M/s",
            note="vs baseline: how much faster or slower the machine itself is than then",
        ),
        Row(
            "cpu.parallel_scaling",
            "machine: 2 busy processes / 1 (pure-Python loop)",
            r["scaling"],
            "x",
            note="2.0 = two free cores; bounds every speed-up below",
        ),
    ]
