"""Extraction throughput next to spaCy's bare tokenizer on the same texts, 1 vs 2 processes.

Why a child process per measurement: each mode streams the same lake file (read -> text ->
tokenize/extract -> discard), so docs/s compare like for like and ru_maxrss is that mode's own
peak: run at two corpus sizes it shows whether memory stays flat (streamed, bounded batches).
"""

from __future__ import annotations

import argparse
import inspect
import os
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from bench.measure import children_maxrss_mb, emit, maxrss_mb, run_child

#: chunk size of pipelines.extract_stage._extract_stream (its default)
STREAM_CHUNK = 256


def _records(lake_file: Path, limit: int) -> Iterator[dict[str, Any]]:
    from pipelines.extract_stage import iter_lake_records

    return islice(iter_lake_records(lake_file), limit)


def prefilter_switch() -> str | None:
    """Name of the nlp package's prefilter switch (a get_analyser keyword), None if it has none."""
    from pipelines import nlp

    params = inspect.signature(nlp.get_analyser).parameters
    for name in ("prefilter", "use_prefilter", "aho_prefilter"):
        if name in params:
            return name
    return None


def _analyser(prefilter: bool) -> Any:
    from pipelines.nlp import get_analyser

    switch = prefilter_switch()
    return get_analyser(**{switch: prefilter}) if switch else get_analyser()


def _phrase_matcher() -> tuple[Any, Any]:
    """spaCy's own dictionary matching over every taxonomy surface form (case-insensitive):
    what finding skill candidates costs when spaCy tokenizes and matches the whole text."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from pipelines.nlp.taxonomy import skill_taxonomy

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = sorted({surface.form for surface in skill_taxonomy().surfaces})
    matcher.add("SKILL", list(nlp.tokenizer.pipe(forms)))
    matcher(nlp.make_doc("warm up with Python and SQL"))
    return nlp, matcher


def run_mode(mode: str, lake_file: Path, limit: int, workers: int) -> dict[str, Any]:
    """Child side: time one streaming pass over the first `limit` postings of lake_file."""
    from pipelines.extract import extract_records, record_text

    docs = tokens = matches = 0
    first_at: float | None = None
    if mode == "tokenize":
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        tokenizer("warm up")
        started = time.perf_counter()
        for rec in _records(lake_file, limit):
            tokens += len(tokenizer(record_text(rec)))
            docs += 1
    elif mode == "phrasematcher":
        matcher_nlp, matcher = _phrase_matcher()
        started = time.perf_counter()
        for rec in _records(lake_file, limit):
            doc = matcher_nlp.make_doc(record_text(rec))
            tokens += len(doc)
            matches += len(matcher(doc))
            docs += 1
    elif mode == "extract" and workers > 1:
        from pipelines.extract_stage import _extract_stream

        _analyser(True).analyse("warm up", "Python and SQL.", None)
        started = time.perf_counter()
        for _ in _extract_stream(_records(lake_file, limit), workers=workers):
            docs += 1
            if first_at is None:
                first_at = time.perf_counter()
    else:
        prefilter = mode != "extract-noprefilter"
        analyser = _analyser(prefilter)
        analyser.analyse("warm up", "Python and SQL.", None)
        if mode == "extract-noprefilter":
            import pipelines.nlp as nlp

            nlp.get_analyser = lambda *a, **k: analyser  # extract_records asks get_analyser()
        started = time.perf_counter()
        for _ in extract_records(_records(lake_file, limit)):
            docs += 1
    ended = time.perf_counter()
    seconds = ended - started
    steady = None
    if mode == "extract" and workers > 1 and first_at is not None and docs > STREAM_CHUNK:
        steady = (docs - STREAM_CHUNK) / (ended - first_at)  # after pool start and first chunk
    return {
        "steady_docs_per_s": steady,
        "mode": mode,
        "workers": workers,
        "docs": docs,
        "tokens": tokens,
        "matches": matches,
        "seconds": seconds,
        "docs_per_s": docs / seconds if seconds else 0.0,
        "maxrss_mb": maxrss_mb(),
        "children_maxrss_mb": children_maxrss_mb(),
    }


def measure(lake_file: Path, speed_n: int, mem_sizes: tuple[int, int]) -> dict[str, Any]:
    """Parent side: tokenizer, extraction 1 and 2 processes (same texts), RSS at two sizes."""
    args = [str(lake_file)]

    def child(mode: str, n: int, workers: int = 1) -> dict[str, Any]:
        extra = ["--workers", str(workers)] if workers > 1 else []
        return run_child("bench.extraction", [mode, *args, "--limit", str(n), *extra])

    out: dict[str, Any] = {
        "tokenizer": child("tokenize", speed_n),
        "extract": child("extract", speed_n),
        "phrasematcher": child("phrasematcher", speed_n),
    }
    out["extract_2p"] = child("extract", speed_n, 2)
    small, large = mem_sizes
    out["mem_small"] = out["extract"] if small == speed_n else child("extract", small)
    out["mem_large"] = out["extract"] if large == speed_n else child("extract", large)
    out["switch"] = _switch_in_child()
    if out["switch"]:
        out["extract_noprefilter"] = child("extract-noprefilter", min(speed_n, small))
        out["extract_prefilter"] = child("extract", min(speed_n, small))
    return out


def _switch_in_child() -> str | None:
    try:
        return prefilter_switch()
    except Exception:  # nlp missing or broken: reported as "no switch"
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description="one extraction measurement (child process)")
    parser.add_argument(
        "mode", choices=["tokenize", "extract", "extract-noprefilter", "phrasematcher"]
    )
    parser.add_argument("lake_file", type=Path)
    parser.add_argument("--limit", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    emit(run_mode(args.mode, args.lake_file, args.limit, args.workers))


if __name__ == "__main__":
    main()
