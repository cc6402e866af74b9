"""Small, dependency-light statistics used on already-aggregated mart rows.

Why here and not in SQL: DuckDB has no normal CDF and no seeded resampling that is easy to
read; these formulas run on counts the marts aggregated, so business logic stays in SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Z95 = 1.959963984540054


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials; (0, 0) when n is 0.

    >>> tuple(round(x, 4) for x in wilson_interval(5, 10))
    (0.2366, 0.7634)
    """
    if n <= 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def wilson_arrays(k: Sequence[int], n: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised ``wilson_interval`` over count columns."""
    pairs = [wilson_interval(int(a), int(b)) for a, b in zip(k, n, strict=True)]
    if not pairs:
        return np.array([]), np.array([])
    lo, hi = zip(*pairs, strict=True)
    return np.array(lo), np.array(hi)


def two_proportion_z(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """Pooled two-proportion z-test (group 2 minus group 1); returns (z, two-sided p).

    >>> z, p = two_proportion_z(10, 100, 30, 100)
    >>> round(z, 3), p < 0.001
    (3.536, True)
    """
    if n1 <= 0 or n2 <= 0:
        return (0.0, 1.0)
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return (0.0, 1.0)
    z = (k2 / n2 - k1 / n1) / se
    return (z, math.erfc(abs(z) / math.sqrt(2)))


def bootstrap_median_ci(
    values: Sequence[float], *, samples: int = 2000, seed: int = 20260301, level: float = 0.95
) -> tuple[float | None, float | None]:
    """Percentile bootstrap CI of the median; a fresh seeded generator per call keeps every
    cell reproducible regardless of the order cells are computed in."""
    arr = np.sort(np.asarray([v for v in values if v is not None], dtype=float))
    if arr.size == 0:
        return (None, None)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, arr.size, size=(samples, arr.size))
    medians = np.median(arr[idx], axis=1)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(medians, [tail, 100 - tail])
    return (float(lo), float(hi))
