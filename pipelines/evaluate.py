"""Evaluate skill and title extraction against gold JSONL files (metrics as in the shared score.py).

`jobtrends eval` calls `run_eval`; `evaluate_skills` / `evaluate_titles` score any predictions.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipelines.nlp import get_analyser
from pipelines.nlp.taxonomy import skill_taxonomy

DEFAULT_EVAL_DIR = os.environ.get("JOBTRENDS_EVAL_DIR", "/work/shared/eval")


Gold = dict[str, dict[str, Any]]
_YEAR_SUFFIX = re.compile(r"-(?:19|20)\d\d$")


def load_gold(path: str | Path | Gold) -> Gold:
    """Gold rows keyed by their `id` (as a string, like the scorer); an already loaded dict passes."""
    if isinstance(path, dict):
        return path
    rows: Gold = {}
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows[str(r["id"])] = r
    return rows


def source_of(row: dict[str, Any]) -> str:
    """A gold row's source: its `src` field (year suffix dropped) or the id prefix before '-'.

    >>> source_of({"id": "ghse-t001", "src": "greenhouse-board-2026"}), source_of({"id": "hn-3"})
    ('greenhouse-board', 'hn')
    """
    src = row.get("src")
    if src:
        return _YEAR_SUFFIX.sub("", str(src))
    return str(row["id"]).split("-")[0]


def by_source(gold: Gold) -> dict[str, Gold]:
    """Gold rows grouped by source, sources in name order (so a lagging source is visible)."""
    groups: dict[str, Gold] = {}
    for gid, row in gold.items():
        groups.setdefault(source_of(row), {})[gid] = row
    return dict(sorted(groups.items()))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_skills(
    gold_path: str | Path | Gold, predictions: dict[str, Iterable[str]]
) -> dict[str, Any]:
    """Micro P/R/F1 over the 40 core slugs plus per-skill counts and the worst postings."""
    core = skill_taxonomy().core
    gold = load_gold(gold_path)
    per: dict[str, list[int]] = {}
    tp = fp = fn = 0
    errors = []
    for gid, g in gold.items():
        ps = set(predictions.get(gid) or []) & core
        gs = set(g["gold_skills"])
        for s in ps | gs:
            c = per.setdefault(s, [0, 0, 0])
            k = 0 if s in ps and s in gs else 1 if s in ps else 2
            c[k] += 1
        tp += len(ps & gs)
        fp += len(ps - gs)
        fn += len(gs - ps)
        if ps != gs:
            errors.append({"id": gid, "fp": sorted(ps - gs), "fn": sorted(gs - ps)})
    p, r, f = _prf(tp, fp, fn)
    per_skill = {
        s: dict(zip(("tp", "fp", "fn"), c, strict=True))
        | dict(zip(("p", "r", "f1"), _prf(*c), strict=True))
        for s, c in per.items()
    }
    errors.sort(key=lambda e: -(len(e["fp"]) + len(e["fn"])))
    return {
        "n": len(gold),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "micro_f1": f,
        "per_skill": per_skill,
        "errors": errors,
    }


def evaluate_titles(
    gold_path: str | Path | Gold, predictions: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Role accuracy (all / high-confidence gold), role macro-F1 over gold labels, seniority accuracy."""
    gold = load_gold(gold_path)
    n = ok = okh = nh = sen_ok = 0
    per: dict[str, dict[str, int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for gid, g in gold.items():
        p = predictions.get(gid) or {}
        hit = p.get("role") == g["gold_role"]
        n += 1
        ok += hit
        if g.get("confidence") == "high":
            nh += 1
            okh += hit
        sen_hit = p.get("seniority") == g["gold_seniority"]
        sen_ok += sen_hit
        for lab, key in ((g["gold_role"], "g"), (str(p.get("role")), "p")):
            per.setdefault(lab, {"tp": 0, "g": 0, "p": 0})[key] += 1
        if hit:
            per[g["gold_role"]]["tp"] += 1
        else:
            confusion[(g["gold_role"], str(p.get("role")))] += 1
        if not hit or not sen_hit:
            misses.append(
                {
                    "id": gid,
                    "title": g.get("title"),
                    "gold": (g["gold_role"], g["gold_seniority"]),
                    "pred": (p.get("role"), p.get("seniority")),
                    "confidence": g.get("confidence"),
                }
            )
    per_role = {}
    for lab, c in per.items():
        if c["g"]:
            pr = c["tp"] / c["p"] if c["p"] else 0.0
            rc = c["tp"] / c["g"]
            per_role[lab] = {
                "n": c["g"],
                "p": pr,
                "r": rc,
                "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0,
            }
    return {
        "n": n,
        "role_acc_all": ok / n if n else 0.0,
        "role_acc_high": okh / nh if nh else 0.0,
        "n_high": nh,
        "macro_f1": sum(v["f1"] for v in per_role.values()) / len(per_role) if per_role else 0.0,
        "seniority_acc": sen_ok / n if n else 0.0,
        "per_role": per_role,
        "confusion": confusion.most_common(),
        "misses": misses,
    }


def predict_skills(gold_path: str | Path) -> dict[str, list[str]]:
    """Distinct slugs per gold item, extracted from title + description_text."""
    a = get_analyser()
    gold = load_gold(gold_path)
    items = (
        (g.get("title") or "", g.get("description_text") or "", g.get("company"))
        for g in gold.values()
    )
    return {
        gid: sorted({m["slug"] for m in res["skills"]})
        for gid, res in zip(gold, a.analyse_many(items), strict=True)
    }


def predict_titles(gold_path: str | Path) -> dict[str, dict[str, Any]]:
    """Role and seniority per gold item, from title + company (the titles file has no text)."""
    a = get_analyser()
    gold = load_gold(gold_path)
    items = (
        (g.get("title") or "", g.get("description_text") or "", g.get("company"))
        for g in gold.values()
    )
    return {gid: res for gid, res in zip(gold, a.analyse_many(items), strict=True)}


def _per_source(
    gold: Gold, evaluate: Any, predictions: dict[str, Any], keys: tuple[str, ...]
) -> dict[str, list[str]]:
    """For each headline key, one "by source" line: `source value (n)` per source.

    A figure over the high-confidence titles counts only those; a source with none shows "-"."""
    groups = by_source(gold)
    scored = {src: evaluate(rows, predictions) for src, rows in groups.items()}

    def cell(src: str, res: dict[str, Any], key: str) -> str:
        n = res["n_high"] if key == "role_acc_high" else len(groups[src])
        return f"{src} {res[key]:.3f} (n={n})" if n else f"{src} - (n=0)"

    return {
        k: ["    by source: " + " | ".join(cell(src, res, k) for src, res in scored.items())]
        for k in keys
    }


def _skills_report(
    res: dict[str, Any], worst: int, sources: dict[str, list[str]] | None = None
) -> list[str]:
    sources = sources or {}
    lines = ["Skills (40 core slugs)"]
    rows = sorted(res["per_skill"].items(), key=lambda kv: -(kv[1]["fp"] + kv[1]["fn"]))
    for s, c in rows:
        lines.append(
            f"  {s:24s} tp={c['tp']:3d} fp={c['fp']:3d} fn={c['fn']:3d} "
            f"P={c['p']:.2f} R={c['r']:.2f} F1={c['f1']:.2f}"
        )
    lines.append("  worst postings:")
    for e in res["errors"][:worst]:
        lines.append(f"    {e['id']}: fp={e['fp']} fn={e['fn']}")
    lines.append(f"precision={res['precision']:.4f} recall={res['recall']:.4f}")
    lines.append(f"skills_micro_f1={res['micro_f1']:.4f}")
    lines += sources.get("micro_f1", [])
    return lines


def _titles_report(
    res: dict[str, Any], worst: int, sources: dict[str, list[str]] | None = None
) -> list[str]:
    sources = sources or {}
    lines = ["Titles"]
    for lab, c in sorted(res["per_role"].items()):
        lines.append(f"  {lab:26s} n={c['n']:3d} P={c['p']:.2f} R={c['r']:.2f} F1={c['f1']:.2f}")
    lines.append("  confusions (gold -> predicted):")
    for (g, p), k in res["confusion"][:worst]:
        lines.append(f"    {g} -> {p}: {k}")
    lines.append("  misses:")
    for m in res["misses"][:worst]:
        lines.append(f"    [{m['confidence']}] {m['title']!r}: gold={m['gold']} pred={m['pred']}")
    lines.append(
        f"role_acc_all={res['role_acc_all']:.4f} seniority_acc={res['seniority_acc']:.4f} "
        f"macro_f1={res['macro_f1']:.4f}"
    )
    for key in ("role_acc_all", "seniority_acc", "macro_f1"):
        lines += [f"  {key}" + line[3:] for line in sources.get(key, [])]
    lines.append(f"role_acc_high={res['role_acc_high']:.4f}")
    lines += sources.get("role_acc_high", [])
    return lines


def run_eval(
    skills_path: str | Path | None = None, titles_path: str | Path | None = None, worst: int = 15
) -> str:
    """Extract on the gold files and return a printable report (defaults: $JOBTRENDS_EVAL_DIR dev files)."""
    if skills_path is None and titles_path is None:
        base = Path(DEFAULT_EVAL_DIR)
        skills_path, titles_path = base / "skills_dev.jsonl", base / "titles_dev.jsonl"
    lines = [f"taxonomy_version={get_analyser().version}"]
    if skills_path and Path(skills_path).exists():
        gold, preds = load_gold(skills_path), predict_skills(skills_path)
        per = _per_source(gold, evaluate_skills, preds, ("micro_f1",))
        lines += _skills_report(evaluate_skills(gold, preds), worst, per)
    if titles_path and Path(titles_path).exists():
        gold, tpreds = load_gold(titles_path), predict_titles(titles_path)
        keys = ("role_acc_all", "seniority_acc", "macro_f1", "role_acc_high")
        per = _per_source(gold, evaluate_titles, tpreds, keys)
        lines += _titles_report(evaluate_titles(gold, tpreds), worst, per)
    return "\n".join(lines)
