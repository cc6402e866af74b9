"""Evaluate asked-vs-mentioned skills against a gold JSONL file (metrics as in the shared
`score.py asked`): which skills each job ASKS FOR, over every taxonomy slug.

Gold rows: id, title, description_text (or description_html), asked: [slug], mentioned_only: [slug].
A skill counts as asked when any of its mentions is asked (`asked: true`), exactly like the
`jobtrends extract` output read by the scorer. `jobtrends eval --asked FILE` calls `run_asked_eval`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipelines.evaluate import Gold, by_source, load_gold

#: how many of the most-asked gold skills the share error is checked on
TOP_SHARES = 20


def asked_slugs(skills: Iterable[dict[str, Any] | str]) -> set[str]:
    """Skills an extraction counts as asked: any mention with `asked: true` (a plain slug string
    counts as asked, as in the scorer)."""
    out: set[str] = set()
    for s in skills:
        if isinstance(s, str):
            out.add(s)
        elif s.get("asked") is True:
            out.add(str(s.get("slug")))
    return out


def evaluate_asked(
    gold_path: str | Path | Gold, predictions: dict[str, set[str]]
) -> dict[str, Any]:
    """Micro P/R/F1 of asked skills, mentioned-only skills counted, and share errors of the
    TOP_SHARES most-asked gold skills (points of the posting share; largest first)."""
    gold = load_gold(gold_path)
    tp = fp = fn = counted = n_only = 0
    g_share: Counter[str] = Counter()
    p_share: Counter[str] = Counter()
    counted_slugs: Counter[str] = Counter()
    for gid, g in gold.items():
        gs, ps = set(g["asked"]), set(predictions.get(gid) or ())
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
        only = set(g.get("mentioned_only") or ()) - gs
        n_only += len(only)
        counted += len(only & ps)
        counted_slugs.update(only & ps)
        g_share.update(gs)
        p_share.update(ps)
    n = len(gold) or 1
    errors = sorted(
        ((abs(p_share[s] - k) * 100 / n, s) for s, k in g_share.most_common(TOP_SHARES)),
        reverse=True,
    )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "postings": len(gold),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "mentioned_only_counted": counted,
        "mentioned_only": n_only,
        "counted_slugs": counted_slugs.most_common(),
        "share_errors": [
            {"slug": s, "gold": g_share[s] / n, "pipeline": p_share[s] / n, "diff_pts": e}
            for e, s in errors
        ],
        "max_share_error_pts": errors[0][0] if errors else 0.0,
    }


def predict_asked(gold: Gold) -> dict[str, set[str]]:
    """Asked skills the analyser finds for every gold posting (title + description)."""
    from pipelines.extract import record_text
    from pipelines.nlp import get_analyser

    items = [(str(g.get("title") or ""), record_text(g), g.get("company")) for g in gold.values()]
    results = get_analyser().analyse_many(items)
    return {gid: asked_slugs(res["skills"]) for gid, res in zip(gold, results, strict=True)}


def _line(name: str, m: dict[str, Any]) -> str:
    share = m["mentioned_only_counted"] / m["mentioned_only"] if m["mentioned_only"] else 0.0
    return (
        f"{name:12s} n={m['postings']:3d} P={m['precision']:.4f} R={m['recall']:.4f} "
        f"F1={m['f1']:.4f} mentioned-only counted={m['mentioned_only_counted']}/"
        f"{m['mentioned_only']} ({share:.0%}) max share error={m['max_share_error_pts']:.1f} pts"
    )


class GoldFormatError(ValueError):
    """A gold file that is not asked-skills JSONL (the message names the row and the fix)."""


def load_asked_gold(path: str | Path) -> Gold:
    """Gold rows, checked: every row needs an `asked` list (and text to extract from)."""
    import json

    try:
        gold = load_gold(path)
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldFormatError(
            f"{path} is not JSON lines with an 'id' on each line ({exc}); "
            "pass an asked-skills gold file such as ../shared/eval/asked_dev.jsonl"
        ) from exc
    for gid, row in gold.items():
        if not isinstance(row.get("asked"), list):
            raise GoldFormatError(
                f"{path}: row {gid} has no 'asked' list; each line needs id, title, "
                "description_text (or description_html), asked and mentioned_only"
            )
    return gold


def run_asked_eval(path: str | Path) -> str:
    """Score the analyser's asked skills on a gold file: overall, per source, share errors."""
    gold = load_asked_gold(path)
    pred = predict_asked(gold)
    overall = evaluate_asked(gold, pred)
    lines = [f"== asked: {path}", _line("all", overall)]
    for src, rows in by_source(gold).items():
        lines.append(_line(src, evaluate_asked(rows, pred)))
    lines.append(f"share errors, {TOP_SHARES} most-asked skills (largest first):")
    for e in overall["share_errors"][:8]:
        lines.append(
            f"  {e['slug']:24s} gold={e['gold']:.2f} pipeline={e['pipeline']:.2f} "
            f"diff={e['diff_pts']:.1f} pts"
        )
    top = ", ".join(f"{s} {k}" for s, k in overall["counted_slugs"][:8])
    lines.append(f"mentioned-only skills counted most: {top or '-'}")
    lines.append(
        f"mentioned-only skills counted as asked: {overall['mentioned_only_counted']}/"
        f"{overall['mentioned_only']}"
    )
    lines.append(f"asked_micro_f1={overall['f1']:.4f}")
    return "\n".join(lines)
