"""Hypothesis settings for the parser property tests, and a count of the inputs fuzzed.

`make test` runs the "fast" profile (derandomized when CI is set); `HYPOTHESIS_PROFILE=deep` (make test-faults users) fuzzes 10x.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from prop_kit import FUZZED

settings.register_profile(
    "fast",
    max_examples=150,
    deadline=None,
    # CI replays the same examples each run (a red CI names a code change, not a lucky draw);
    # local runs and the deep profile keep exploring new inputs
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FUZZED:
        terminalreporter.write_sep("-", "inputs fuzzed")
        total = sum(FUZZED.values())
        detail = ", ".join(f"{k} {v}" for k, v in sorted(FUZZED.items()))
        terminalreporter.write_line(f"{total} generated inputs ({detail})")
