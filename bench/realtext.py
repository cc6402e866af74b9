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

from bench.measure import ROOT, emit, maxrss_mb, run_child

#: records per process-pool task in pipelines.extract_stage._extract_stream
STREAM_CHUNK = 256

#: where the team's labelled real postings live next to a checkout (absent on users' machines)
SHARED_EVAL = ROOT.parent / "shared" / "eval"
STAGES = ("html", "normalise", "sections", "skills", "asked", "role", "seniority", "salary", "json")


#: extracted once before timing: its pay makes the process load the FX reference rates (~1 s,
#: once per process), which is start-up, not a posting's cost
WARM_UP = {
    "title": "warm up",
    "description_text": "Python and SQL.\nSalary: €60,000 - €70,000 per year.",
    "posted_at": "2026-01-05",
}


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


def _paired_pass(docs: list[dict[str, Any]], tokenizer: Any) -> float | None:
    """Tokenizer / extraction CPU seconds over `docs`, each posting tokenized and then extracted
    back to back (so both timings of a posting share the machine's load of that millisecond)."""
    from pipelines.extract import extract_record, record_text

    tokenize_s = extract_s = 0.0
    for rec in docs:
        t0 = time.process_time()
        tokenizer(record_text(rec))
        t1 = time.process_time()
        extract_record(rec)
        t2 = time.process_time()
        tokenize_s += t1 - t0
        extract_s += t2 - t1
    return tokenize_s / extract_s if extract_s > 0 else None


def paired_ratio(postings: list[dict[str, Any]], limit: int, rounds: int = 7) -> dict[str, Any]:
    """Extraction / tokenizer, per posting paired, in CPU seconds of this process: one first
    read of every distinct posting, then the median of `rounds` re-reads of blocks of them.

    Why paired per posting: on a shared 2-core machine two separate timed passes (one per
    child) drifted 0.6-1.07 apart with the neighbours' load, and block pairs (a whole block
    tokenized, then extracted) still read 0.58-1.01; per-posting pairs agree within ~3%.
    Why the first read apart: both sides keep caches keyed by text (spaCy's tokenizer by
    word, the extractor by line and sentence), and a corpus cycled from a few hundred
    postings is re-read text. The first read shows text neither has seen; the judged
    figure is the re-read median, the lower and so the stricter of the two."""
    import statistics

    import spacy

    from pipelines.extract import extract_record

    tokenizer = spacy.blank("en").tokenizer
    tokenizer("warm up")
    extract_record(WARM_UP)
    first = _paired_pass(postings, tokenizer)
    block = max(1, min(len(postings), limit // rounds))
    ratios: list[float] = []
    for r in range(rounds):
        docs = [postings[(r * block + i) % len(postings)] for i in range(block)]
        ratio = _paired_pass(docs, tokenizer)
        if ratio is not None:
            ratios.append(ratio)
    return {
        "first_read_ratio": first,
        "ratios": ratios,
        "ratio_median": statistics.median(ratios) if ratios else None,
        "block": block,
    }


def unseen_ratio(postings: list[dict[str, Any]], folds: int = 5, rounds: int = 3) -> dict[str, Any]:
    """Extraction / tokenizer on postings neither side has read, per posting paired (CPU s).

    Why: a lake is re-extracted once per taxonomy change, so every posting is read for the
    first time, by a process that has read many others. Re-reading a few hundred postings
    flatters the tokenizer most: its cache keeps every whitespace chunk it has seen, without a
    bound, so a re-read is all hits, while the extractor's caches are bounded (a few thousand
    lines and sentences). Here the postings are shuffled into `folds`; each fold is read by a
    fresh tokenizer and the extractor after both have read all the other folds (common words
    and a company's boilerplate are warm, the fold's own text is not), and the ratio of the
    summed times is taken, median of `rounds` shuffles. It falls as the warm set grows (1.05
    after 238 postings, 1.02 after 451 on the eval corpus), so on a large lake the truth lies
    between it and the re-read ratio; both are judged."""
    import random
    import statistics

    import spacy

    from pipelines.extract import extract_record, record_text

    extract_record(WARM_UP)
    ratios: list[float] = []
    for r in range(rounds):
        order = list(range(len(postings)))
        random.Random(r).shuffle(order)
        tokenize_s = extract_s = 0.0
        for fold in range(folds):
            tokenizer = spacy.blank("en").tokenizer
            for pos, i in enumerate(order):
                if pos % folds != fold:  # the other folds, read (untimed) by both sides
                    tokenizer(record_text(postings[i]))
                    extract_record(postings[i])
            for i in order[fold::folds]:
                t0 = time.process_time()
                tokenizer(record_text(postings[i]))
                t1 = time.process_time()
                extract_record(postings[i])
                t2 = time.process_time()
                tokenize_s += t1 - t0
                extract_s += t2 - t1
        if extract_s > 0:
            ratios.append(tokenize_s / extract_s)
    return {
        "ratios": ratios,
        "ratio_median": statistics.median(ratios) if ratios else None,
        "folds": folds,
    }


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
    else:
        extract_record(WARM_UP)
        started = time.perf_counter()
        for rec in _cycled(postings, limit):
            extract_record(rec)
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
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="one real-text extraction measurement (child)")
    parser.add_argument("mode", choices=["tokenize", "extract", "stages", "paired", "unseen"])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--limit", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    emit(run_mode(args.mode, args.corpus, args.limit, args.workers))


if __name__ == "__main__":
    main()
