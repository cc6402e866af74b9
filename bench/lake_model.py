"""Extraction / tokenizer on a large lake, estimated from the corpus (a model, not a measure).

Why: the measured real-text ratios bracket the truth for a lake re-extraction. Re-read postings
are all hits in spaCy's tokenizer cache (its best case); unseen postings after a few hundred
others still miss many chunks (its worse case on a big lake). What decides the tokenizer's
speed is how many of a posting's whitespace chunks it has met before: a hit costs a lookup, a
miss the whole prefix/suffix/infix search. How many chunks are new after n postings follows
the growth of the corpus vocabulary, Heaps' law V(n) = K * n^beta, so at n postings a posting
brings dV/dn = K * beta * n^(beta - 1) new chunks. With the hit and miss costs timed on this
machine, the tokenizer's cost per posting at lake size n is html + hit * chunks + miss * dV/dn
(html: the HTML-to-text step both sides pay, as in the paired ratios).
The extractor's memos are bounded (lines and sentences, a few thousand): its cost per posting
reads the same re-read or first read (3.55 vs 3.54 ms on the eval corpus), and a bigger lake
does not speed it up (memos eight times larger did not move the unseen ratio). So the lake's
ratio is the measured re-read ratio times the tokenizer's cost there over its re-read cost.

Limits: chunks are `str.split()` pieces (spaCy also splits on its own rules inside a chunk,
but caches by the chunk); the vocabulary fit comes from a few hundred postings of a few
sources, and a lake of many sources brings more new names and numbers, so the estimate is
more likely high than low.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Sequence
from typing import Any

from bench.results import Row

#: lake sizes the estimate is printed for (postings)
LAKE_SIZES = (10_000, 100_000, 1_000_000)


def heaps_fit(chunk_lists: Sequence[Sequence[str]], shuffles: int = 20) -> tuple[float, float]:
    """(K, beta) of V(n) = K * n^beta, least squares in log space over a few corpus prefixes,
    each the mean over `shuffles` orders of the postings."""
    n_total = len(chunk_lists)
    sizes = sorted({n for n in (25, 50, 100, 200, 400, n_total) if 2 <= n <= n_total})
    if len(sizes) < 2:
        raise ValueError("need at least 2 postings to fit the vocabulary growth")
    distinct = dict.fromkeys(sizes, 0.0)
    for s in range(shuffles):
        order = list(range(n_total))
        random.Random(s).shuffle(order)
        seen: set[str] = set()
        for k, i in enumerate(order, start=1):
            seen.update(chunk_lists[i])
            if k in distinct:
                distinct[k] += len(seen) / shuffles
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(distinct[n], 1.0)) for n in sizes]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    beta = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return math.exp(my - beta * mx), beta


def new_chunks_per_posting(k: float, beta: float, n: int) -> float:
    """dV/dn at n postings: the chunks the (n+1)th posting brings that no earlier one had."""
    return k * beta * n ** (beta - 1)


def tokenizer_costs(postings: Sequence[dict[str, Any]]) -> dict[str, float]:
    """CPU s per posting of HTML to text, per chunk met before and extra per chunk not met before,
    for spaCy's bare tokenizer. Each posting is read by a fresh-per-pass tokenizer and at once
    read again (all hits), so the two timings of a posting share the machine's load; the miss
    cost is the summed difference over the chunks the first reads had not met."""
    import spacy

    from pipelines.extract import record_text

    tokenizer = spacy.blank("en").tokenizer
    seen: set[str] = set()
    html_s = first_s = again_s = 0.0
    chunks = misses = 0
    for rec in postings:
        t0 = time.process_time()
        text = record_text(rec)
        t1 = time.process_time()
        tokenizer(text)
        t2 = time.process_time()
        tokenizer(text)
        t3 = time.process_time()
        html_s += t1 - t0
        first_s += t2 - t1
        again_s += t3 - t2
        pieces = text.split()
        chunks += len(pieces)
        new = set(pieces) - seen
        misses += len(new)
        seen |= new
    n = len(postings)
    return {
        "html_s": html_s / n,
        "hit_s": again_s / chunks if chunks else 0.0,
        "miss_s": max(first_s - again_s, 0.0) / misses if misses else 0.0,
    }


def lake_estimate(
    postings: Sequence[dict[str, Any]], sizes: Sequence[int] = LAKE_SIZES
) -> dict[str, Any]:
    """The model's inputs and, per lake size, `tokenizer_vs_reread`: the tokenizer's cost of a
    posting there (the lake's share of new chunks) over its cost re-reading it, HTML included.
    The extractor's cost does not change with the lake (bounded memos), so the lake's ratio
    is the measured re-read ratio times this (lake_row)."""
    from pipelines.extract import record_text

    chunk_lists = [record_text(p).split() for p in postings]
    k, beta = heaps_fit(chunk_lists)
    runs = [tokenizer_costs(postings) for _ in range(3)]
    costs = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    per_posting = statistics.fmean(len(c) for c in chunk_lists)
    reread_s = costs["html_s"] + costs["hit_s"] * per_posting
    lakes = {}
    for n in sizes:
        new = new_chunks_per_posting(k, beta, n)
        lake_s = reread_s + costs["miss_s"] * new
        lakes[str(n)] = {"new_chunks": new, "tokenizer_vs_reread": lake_s / reread_s}
    return {
        "heaps_k": k,
        "heaps_beta": beta,
        "chunks_per_posting": per_posting,
        "html_us": costs["html_s"] * 1e6,
        "hit_us": costs["hit_s"] * 1e6,
        "miss_us": costs["miss_s"] * 1e6,
        "lakes": lakes,
    }


def lake_row(result: dict[str, Any] | None, reread_ratio: float | None) -> Row:
    """The estimate as one unjudged bench row: the paired re-read ratio scaled to the largest
    lake size; the smaller sizes and the model's inputs in the note."""
    key, label = "real.ratio_lake_estimate", "extraction / tokenizer, estimated for a lake"
    if not result or not result.get("lakes") or not reread_ratio:
        return Row(key, label, None, "x", note="lake model or re-read ratio missing")
    lakes = result["lakes"]
    ratio = {n: reread_ratio * v["tokenizer_vs_reread"] for n, v in lakes.items()}
    largest = max(lakes, key=int)
    others = ", ".join(f"{int(n):,}: {r:.2f}" for n, r in ratio.items() if n != largest)
    note = (
        f"model, not judged: the re-read ratio x the tokenizer's extra cost for "
        f"{lakes[largest]['new_chunks']:.1f} new of {result['chunks_per_posting']:.0f} chunks a "
        f"posting (Heaps beta {result['heaps_beta']:.2f}; {result['hit_us']:.1f} us a known "
        f"chunk, +{result['miss_us']:.0f} us a new one); {others}"
    )
    return Row(key, f"{label} of {int(largest):,} postings", ratio[largest], "x", note=note)
