"""Salary eval: run extract_salary on a gold file and score it like shared score.py does."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from pipelines.salary import extract_salary


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 0.005 * max(abs(float(b)), 1.0)


def _good(gs: dict[str, Any] | None, ps: dict[str, Any] | None) -> bool:
    if gs is None:
        return not ps or (ps.get("min") is None and ps.get("max") is None)
    if not ps:
        return False
    return (
        _close(ps.get("min"), gs["min"])
        and _close(ps.get("max"), gs["max"])
        and (ps.get("currency") or "").upper() == gs["currency"]
        and ps.get("period") == gs["period"]
    )


_BENEFIT = ("benefit", "stipend", "allowance", "budget", "401", "insurance", "reimburs", "meal")
_LANG = re.compile(
    r"\b(?:und|der|die|das|mit|les|des|une|pour|para|com|uma|och|og|het|een)\b", re.I
)


def miss_class(g: dict[str, Any], ps: dict[str, Any] | None) -> str:
    """Why a prediction missed, in the classes the salary issue tracks."""
    gs = g["gold"]
    if gs is None:
        raw = str((ps or {}).get("raw") or "").lower()
        return "benefit" if any(w in raw for w in _BENEFIT) else "spurious"
    if not ps:
        return "missing"
    if "ote" in (ps.get("flags") or []):
        return "OTE"
    if (ps.get("currency") or "").upper() != gs["currency"]:
        return "currency"
    if ps.get("period") != gs["period"]:
        return "period"
    text = f"{g.get('salary_text') or ''} {g.get('description_text') or ''}"[:3000]
    return "language" if len(_LANG.findall(text)) >= 5 else "range"


def score(gold: list[dict[str, Any]], pred: dict[str, dict[str, Any] | None]) -> str:
    """Per-source exact match, first 12 misses, headline `salary_exact=` last (score.py format)."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        ok = 0
        by: dict[str, list[int]] = {}
        by_src: dict[str, list[int]] = {}  # the dev files' own source field: split checks by source
        wrong: list[str] = []
        classes: dict[str, list[str]] = {}
        for g in gold:
            gid = str(g["id"])
            gs, ps = g["gold"], pred.get(gid)
            good = _good(gs, ps)
            b = by.setdefault(gid.split("-")[0], [0, 0])
            src = by_src.setdefault(str(g["src"]), [0, 0]) if g.get("src") else [0, 0]
            b[1] += 1
            src[1] += 1
            if good:
                ok += 1
                b[0] += 1
                src[0] += 1
            else:
                classes.setdefault(miss_class(g, ps), []).append(gid)
            if not good and len(wrong) < 12:
                shown = ps and {k: ps.get(k) for k in ("min", "max", "currency", "period")}
                wrong.append((g.get("salary_text") or "(html)")[:60] + f"  gold={gs} pred={shown}")
        for s, (a, n) in sorted(by.items()):
            print(f"  {s}: {a}/{n} = {a / n:.3f}")
        for s, (a, n) in sorted(by_src.items()):
            print(f"  src {s}: {a}/{n}")
        for w in wrong:
            print("  miss:", w)
        for cls, ids in sorted(classes.items(), key=lambda kv: -len(kv[1])):
            print(f"  misses {cls}: {len(ids)}  {' '.join(ids[:8])}")
        print("missing predictions: 0")
        print(f"salary_exact={ok / max(len(gold), 1):.4f}")
    return buf.getvalue()


def run_salary_eval(path: str | Path) -> str:
    """Score extract_salary on a gold jsonl (lines: id, salary_text/description_html, gold)."""
    gold = [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    pred = {str(g["id"]): extract_salary(g) for g in gold}
    return score(gold, pred)


if __name__ == "__main__":
    import sys

    print(run_salary_eval(sys.argv[1]), end="")
