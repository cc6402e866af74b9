"""Extraction speed on real-style postings, whole and stage by stage.

Why: the generator's descriptions are short and regular, so extraction looked 1.4-1.7x faster than
spaCy's tokenizer on them while real postings (850 words, benefits blocks, pay paragraphs) ran at
0.4x. This bench reads any postings in the `jobtrends extract` input format (by default the
labelled descriptions in ../shared/eval when they exist), cycles them to a fixed count, and times
the tokenizer, the full extraction (1 and 2 processes) and each stage on the same texts, so the
next bottleneck is visible.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from bench.lake_model import lake_estimate
from bench.measure import ROOT, emit, maxrss_mb, run_child
from bench.paired import WARM_UP, paired_ratio, unseen_ratio

#: records per process-pool task in pipelines.extract_stage._extract_stream
STREAM_CHUNK = 256

#: where the team's labelled real postings live next to a checkout (absent on users' machines)
SHARED_EVAL = ROOT.parent / "shared" / "eval"
STAGES = ("html", "normalise", "sections", "skills", "asked", "role", "seniority", "salary", "json")


def default_corpus() -> list[Path]:
    """The shared eval files with descriptions, when this checkout has them; [] otherwise."""
    if not SHARED_EVAL.is_dir():
        return []
    return sorted(SHARED_EVAL.glob("*.jsonl"))


def load_postings(paths: list[Path]) -> list[dict[str, Any]]:
    """Distinct postings (by description) from `extract`-format JSONL files; bad lines skipped."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(rec, dict):
                    continue
                text = rec.get("description_text") or rec.get("description_html") or ""
                if len(text) < 200 or text in seen:
                    continue
                seen.add(text)
                out.append(rec)
    return out


def _cycled(postings: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    return islice(cycle(postings), n)


def _rate(fn: Callable[[Any], Any], items: list[Any], min_seconds: float = 1.0) -> float:
    """Docs/s of fn over items, repeating the pass until min_seconds have elapsed."""
    done = 0
    started = time.perf_counter()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done / elapsed


def stage_rates(postings: list[dict[str, Any]]) -> dict[str, float | str]:
    """Docs/s of each extraction stage alone, on the same normalised texts."""
    from pipelines.extract import extract_record, record_text
    from pipelines.nlp import get_analyser
    from pipelines.nlp.asked import mark_asked
    from pipelines.nlp.sections import split_sentences
    from pipelines.salary import extract_salary
    from pipelines.textnorm import normalise_text

    analyser = get_analyser()
    raw = [record_text(p) for p in postings]
    texts = [normalise_text(t) for t in raw]
    titles = [normalise_text(str(p.get("title") or "")) for p in postings]
    sentences = [split_sentences(t) for t in texts]
    skills = [analyser.matcher.mentions(t, s) for t, s in zip(texts, sentences, strict=True)]
    results = [extract_record(p) for p in postings]
    idx = list(range(len(postings)))
    stages: dict[str, Callable[[int], Any]] = {
        "html": lambda i: record_text(postings[i]),  # the tokenizer row pays this too
        "normalise": lambda i: normalise_text(raw[i]),
        "sections": lambda i: split_sentences(texts[i]),
        "skills": lambda i: analyser.matcher.mentions(texts[i], sentences[i]),
        "asked": lambda i: mark_asked(
            texts[i], sentences[i], [dict(m) for m in skills[i]], titles[i]
        ),
        "role": lambda i: analyser.titles.role(titles[i], skills[i], has_text=True),
        "seniority": lambda i: analyser.titles.seniority(titles[i], texts[i]),
        "salary": lambda i: extract_salary(postings[i]),
        "json": lambda i: json.dumps(results[i], ensure_ascii=False),
    }
    out: dict[str, float | str] = {}
    for name, fn in stages.items():
        try:
            out[name] = _rate(fn, idx)
        except Exception as exc:  # noqa: BLE001 - a stage whose API moved is reported, not fatal
            out[name] = f"{type(exc).__name__}: {exc}"
    return out


def run_mode(mode: str, corpus: list[Path], limit: int, workers: int) -> dict[str, Any]:
    """Child side: one timed pass of `mode` over `limit` postings cycled from the corpus."""
    postings = load_postings(corpus)
    if not postings:
        raise SystemExit("no postings with descriptions in the corpus")
    result: dict[str, Any] = {"mode": mode, "distinct": len(postings), "workers": workers}
    if mode == "stages":
        result["stages"] = stage_rates(postings)
        return result
    if mode == "paired":
        result.update(paired_ratio(postings, limit))
        return result
    if mode == "unseen":
        result.update(unseen_ratio(postings))
        return result
    if mode == "lake":
        result.update(lake_estimate(postings))
        return result
    from pipelines.extract import extract_record, record_text

    docs = 0
    if mode == "tokenize":
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        tokenizer("warm up")
        started = time.perf_counter()
        for rec in _cycled(postings, limit):
            tokenizer(record_text(rec))
            docs += 1
    elif workers > 1:
        from pipelines.extract_stage import _extract_stream

        extract_record(WARM_UP)
        first_at: float | None = None
        started = time.perf_counter()
        for _ in _extract_stream(_cycled(postings, limit), workers=workers):
            docs += 1
            if first_at is None:
                first_at = time.perf_counter()
        ended = time.perf_counter()
        if first_at is not None and docs > STREAM_CHUNK:
            # after pool start-up and the first chunk: what a long re-extraction sees
            result["steady_docs_per_s"] = (docs - STREAM_CHUNK) / (ended - first_at)
    else:  # in batches, as the extract stage reads a lake (and as 2 processes do above)
        from pipelines.extract import extract_records

        extract_record(WARM_UP)
        started = time.perf_counter()
        for _ in extract_records(_cycled(postings, limit)):
            docs += 1
    seconds = time.perf_counter() - started
    result.update(
        docs=docs, seconds=seconds, docs_per_s=docs / seconds if seconds else 0.0,
        maxrss_mb=maxrss_mb(),
    )  # fmt: skip
    return result


def measure(corpus: list[Path], n: int) -> dict[str, Any]:
    """Parent side: tokenizer, extraction 1 and 2 processes, per-stage rates and the paired
    ratio, each in a child."""
    files = [str(p) for p in corpus]

    def child(mode: str, workers: int = 1) -> dict[str, Any]:
        args = [mode, "--limit", str(n), "--workers", str(workers), *files]
        return run_child("bench.realtext", args)

    return {
        "corpus": [p.name for p in corpus],
        "tokenizer": child("tokenize"),
        "extract": child("extract"),
        "extract_2p": child("extract", 2),
        "stages": child("stages"),
        "paired": child("paired"),
        "unseen": child("unseen"),
        "lake": child("lake"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="one real-text extraction measurement (child)")
    parser.add_argument(
        "mode", choices=["tokenize", "extract", "stages", "paired", "unseen", "lake"]
    )
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--limit", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    emit(run_mode(args.mode, args.corpus, args.limit, args.workers))


if __name__ == "__main__":
    main()
