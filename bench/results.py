"""Result rows, the printed table, and the JSON history that makes regressions visible.

Each run writes bench/results/<timestamp>.json and latest.json; when baseline.json exists every
row shows its delta % against it: a move past the machine's own run-to-run noise in the wrong
direction is a REGRESSION, a smaller one is marked "slower?" (check it on a quiet machine).
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
#: a move this large in the wrong direction is printed as a regression: on the shared 2-core
#: machine the same code moved 20-25% between runs (calibration 1.50-2.02x), so 10% flagged noise
REGRESSION_PCT = 25.0
#: a smaller move in the wrong direction is only marked as worth a second look
SUSPECT_PCT = 10.0


@dataclass(slots=True)
class Row:
    """One measured number, its target (if any) and whether it met it."""

    key: str
    label: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    higher_is_better: bool = True
    note: str = ""
    delta_pct: float | None = field(default=None)
    #: "new" when the baseline has no such row
    baseline_note: str = ""


def check(
    value: float | None, minimum: float | None = None, maximum: float | None = None
) -> bool | None:
    if value is None:
        return None
    if minimum is not None and value < minimum:
        return False
    if maximum is not None and value >= maximum:
        return False
    return True


#: the machine-speed row: absolute speeds are compared after scaling by its ratio
CALIBRATION_KEY = "cpu.single_core_mloops_s"
#: units of absolute speed (work per second, or a duration): they move with the machine
_RATE_SUFFIX = "/s"
_TIME_UNITS = frozenset({"s", "min"})


def machine_factor(rows: list[Row], baseline: dict[str, Any] | None) -> float | None:
    """This machine's single-core speed over the baseline's (both calibration rows), or None."""
    if not baseline:
        return None
    now = next((r.value for r in rows if r.key == CALIBRATION_KEY), None)
    then = next(
        (r.get("value") for r in baseline.get("rows", []) if r.get("key") == CALIBRATION_KEY),
        None,
    )
    return now / then if now and then else None


def _scaled(row: Row, old: float, factor: float | None) -> float:
    """The baseline's value as it would read on this machine: a rate scaled by the machine
    factor, a duration divided by it; ratios and memory as they are."""
    if factor is None:
        return old
    if row.unit.endswith(_RATE_SUFFIX):
        return old * factor
    if row.unit in _TIME_UNITS:
        return old / factor
    return old


def compare(rows: list[Row], baseline: dict[str, Any] | None) -> float | None:
    """Fill delta_pct from a baseline run (matched by key); a row the baseline lacks is marked
    new. Absolute speeds are compared after scaling by the two runs' calibration rows, so a
    baseline from a faster or slower machine still shows this code's moves, not the machine's.
    Returns the machine factor used (None when a calibration row is missing)."""
    if not baseline:
        return None
    factor = machine_factor(rows, baseline)
    before = {r["key"]: r.get("value") for r in baseline.get("rows", [])}
    for row in rows:
        old = before.get(row.key)
        if row.value is None:
            continue
        if row.key not in before:
            row.baseline_note = "new"
        elif row.key == CALIBRATION_KEY and factor is not None:
            row.baseline_note = f"machine x{factor:.2f}"  # the scale, not a move of the code
        elif old:
            expected = _scaled(row, old, factor)
            row.delta_pct = (row.value - expected) / abs(expected) * 100
    return factor


def comparable_sizes(now: dict[str, Any], then: dict[str, Any] | None) -> list[str]:
    """Size keys both runs set to different values (a bench that runs at other sizes is not
    comparable); a size only one run has (a bench added since) does not count."""
    if then is None:
        return sorted(now)
    return sorted(k for k in now.keys() & then.keys() if now[k] != then[k])


def _fmt(value: float | None) -> str:
    if value is None:
        return "n/a"
    if abs(value) >= 10_000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def _delta(row: Row) -> str:
    if row.delta_pct is None:
        return row.baseline_note
    worse = -row.delta_pct if row.higher_is_better else row.delta_pct
    flag = " REGRESSION" if worse > REGRESSION_PCT else " slower?" if worse > SUSPECT_PCT else ""
    return f"{row.delta_pct:+.1f}%{flag}"


def render(rows: list[Row], title: str) -> str:
    """Plain fixed-width table (no colour): readable in CI logs and pasted into issues."""
    header = ("benchmark", "value", "unit", "target", "pass", "vs baseline", "note")
    body = [
        (
            r.label,
            _fmt(r.value),
            r.unit,
            r.target,
            {True: "PASS", False: "FAIL", None: "-"}[r.ok],
            _delta(r),
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header) - 1)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            [
                str(c).ljust(w) if i != 1 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=False))
            ]
            + [cells[-1]]
        ).rstrip()

    sep = "-" * (sum(widths) + 2 * len(widths) + 10)
    return "\n".join([title, sep, line(header), sep, *map(line, body), sep])


def host_info() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def save(rows: list[Row], meta: dict[str, Any], raw: dict[str, Any], save_baseline: bool) -> Path:
    """Write <timestamp>.json and latest.json (and baseline.json when asked)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    doc = {
        "timestamp": stamp,
        "host": host_info(),
        **meta,
        "rows": [asdict(r) for r in rows],
        "raw": raw,
    }
    text = json.dumps(doc, indent=2, default=str)
    path = RESULTS / f"{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    if save_baseline:
        (RESULTS / "baseline.json").write_text(text, encoding="utf-8")
    return path


def load_baseline() -> dict[str, Any] | None:
    path = RESULTS / "baseline.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return None


def failed_row(key: str, label: str, exc: BaseException) -> Row:
    return Row(
        key, label, None, "", ok=False, note=f"ERROR {type(exc).__name__}: {str(exc)[-160:]}"
    )
