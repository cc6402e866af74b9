"""Known values for the small statistics helpers."""

import pytest

from analytics.reports.stats import bootstrap_median_ci, two_proportion_z, wilson_interval


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (63, 100, 0.5322, 0.7182),
        (81, 263, 0.2553, 0.3662),
    ],
)
def test_wilson_known_values(k: int, n: int, low: float, high: float) -> None:
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=5e-4)
    assert hi == pytest.approx(high, abs=5e-4)


def test_wilson_empty_sample() -> None:
    assert wilson_interval(0, 0) == (0.0, 0.0)


def test_two_proportion_z_known_value() -> None:
    z, p = two_proportion_z(10, 100, 30, 100)
    assert z == pytest.approx(3.5355, abs=1e-3)
    assert p == pytest.approx(0.000407, rel=1e-2)
    z_down, p_down = two_proportion_z(30, 100, 10, 100)
    assert z_down == pytest.approx(-z) and p_down == pytest.approx(p)


def test_two_proportion_z_degenerate() -> None:
    assert two_proportion_z(0, 0, 5, 10) == (0.0, 1.0)
    assert two_proportion_z(0, 10, 0, 10) == (0.0, 1.0)


def test_bootstrap_is_seeded_and_brackets_the_median() -> None:
    values = [100.0, 110.0, 120.0, 130.0, 140.0, 150.0, 160.0]
    first = bootstrap_median_ci(values, seed=1)
    assert first == bootstrap_median_ci(list(reversed(values)), seed=1)
    lo, hi = first
    assert lo is not None and hi is not None
    assert lo <= 130.0 <= hi
    assert bootstrap_median_ci([]) == (None, None)
