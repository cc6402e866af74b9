"""Raw benchmark results -> table rows with the issue's targets, one function per benchmark:
the per-stage ones here (extraction, load, report queries), the flow-level ones in rows_runs.py.

Why separate from the runners: the targets live in one place, next to the numbers they judge.
"""

from __future__ import annotations

from typing import Any

from bench.lake_model import lake_row
from bench.results import Row, check

GIB = 1024.0
#: extraction memory counts as flat when the large run's peak RSS is within this of the small's
FLAT_RSS_FACTOR = 1.15
FLAT_RSS_SLACK_MB = 32.0


def extraction_rows(r: dict[str, Any]) -> list[Row]:
    tok, one, two = r["tokenizer"], r["extract"], r["extract_2p"]
    ratio = one["docs_per_s"] / tok["docs_per_s"] if tok["docs_per_s"] else None
    speedup = two["docs_per_s"] / one["docs_per_s"] if one["docs_per_s"] else None
    n = one["docs"]
    small, large = r["mem_small"], r["mem_large"]
    flat_limit = small["maxrss_mb"] * FLAT_RSS_FACTOR + FLAT_RSS_SLACK_MB
    rows = [
        Row(
            "extract.tokenizer_docs_s",
            f"spaCy bare tokenizer, 1 core ({n:,} postings)",
            tok["docs_per_s"],
            "docs/s",
        ),
        Row(
            "extract.docs_s", f"extraction, 1 process ({n:,} postings)", one["docs_per_s"], "docs/s"
        ),
        Row(
            "extract.ratio_vs_tokenizer",
            "extraction / tokenizer, per core",
            ratio,
            "x",
            ">= 0.6",
            check(ratio, 0.6),
        ),
        Row(
            "extract.docs_s_2p",
            "extraction, 2 processes (_extract_stream)",
            two["docs_per_s"],
            "docs/s",
            note="wall time incl. pool start-up",
        ),
        Row(
            "extract.docs_s_2p_steady",
            "extraction, 2 processes, after pool start-up",
            two.get("steady_docs_per_s"),
            "docs/s",
            note="excludes spawn + first chunk",
        ),
        Row(
            "extract.speedup_2p",
            "2 processes / 1 process",
            speedup,
            "x",
            ">= 1.6",
            check(speedup, 1.6),
        ),
        Row(
            "extract.rss_small_mb",
            f"extraction peak RSS at {small['docs']:,} postings",
            small["maxrss_mb"],
            "MiB",
            higher_is_better=False,
        ),
        Row(
            "extract.rss_large_mb",
            f"extraction peak RSS at {large['docs']:,} postings",
            large["maxrss_mb"],
            "MiB",
            f"flat (<= {flat_limit:.0f})",
            check(large["maxrss_mb"], maximum=flat_limit + 1e-9),
            higher_is_better=False,
        ),
    ]
    pm = r.get("phrasematcher")
    if pm and pm.get("docs_per_s"):
        rows.append(
            Row(
                "extract.phrasematcher_docs_s",
                f"spaCy PhraseMatcher alone, every surface form ({pm['docs']:,} postings)",
                pm["docs_per_s"],
                "docs/s",
                note="tokenize + match only: no context rules, roles, salary",
            )
        )
        rows.append(
            Row(
                "extract.automaton_gain",
                "full extraction (automaton + spaCy on flagged sentences) / PhraseMatcher alone",
                one["docs_per_s"] / pm["docs_per_s"],
                "x",
                note="> 1: the whole extractor outruns spaCy's matching step on its own",
            )
        )
    if r.get("switch") and "extract_noprefilter" in r:
        on, off = r["extract_prefilter"]["docs_per_s"], r["extract_noprefilter"]["docs_per_s"]
        rows.append(
            Row(
                "extract.prefilter_gain",
                f"Aho-Corasick prefilter gain ({r['switch']}=True/False)",
                on / off if off else None,
                "x",
            )
        )
    else:
        rows.append(
            Row(
                "extract.prefilter_gain",
                "Aho-Corasick prefilter gain",
                None,
                "x",
                note="no switch: the automaton is the matcher (vs spaCy matching: see above)",
            )
        )
    return rows


def _paired_note(short: dict[str, Any]) -> str:
    """How the judged load ratio was taken: CPU time, median of paired rounds, wall beside it."""
    wall = short.get("paired_ratios_wall") or []
    if not wall:
        return "paired rounds missing"
    return (
        f"CPU time, median of {short['paired_rounds']} rounds; wall {short['paired_ratio_wall']:.2f} "
        f"(range {min(wall):.2f}-{max(wall):.2f}); loader {short['paired_loader_wall_s']:.2f} s "
        f"vs CTAS {short['paired_floor_wall_s']:.2f} s wall"
    )


def load_rows(r: dict[str, Any]) -> list[Row]:
    short, full = r["short"], r.get("full")
    rows = [
        Row(
            "load.posting_rows_s",
            f"load lake file -> warehouse, new postings ({short['rows']:,}, 200-char text)",
            short["rows_per_s"],
            "rows/s",
            ">= 1,000,000",
            check(short["rows_per_s"], 1_000_000),
            note=(
                f"stage {short['stage_rows_per_s']:,.0f}/s (JSON read + typing), merge into 3 "
                f"tables {short['merge_rows_per_s']:,.0f}/s"
            ),
        ),
        Row(
            "load.parquet_rows_s",
            "load Parquet lake partition -> warehouse, same new postings",
            short.get("parquet_rows_per_s"),
            "rows/s",
            ">= 1,000,000",
            check(short.get("parquet_rows_per_s"), 1_000_000),
            note=f"stage {short.get('parquet_stage_rows_per_s') or 0:,.0f}/s (read in place)",
        ),
        Row(
            "load.ratio_vs_floor",
            "loader / DuckDB's single CTAS of the same lake rows into ONE table (paired)",
            short.get("paired_ratio_cpu"),
            "x",
            ">= 0.6",
            check(short.get("paired_ratio_cpu"), 0.6),
            note=_paired_note(short),
        ),
        Row(
            "load.ratio_vs_arrow_floor",
            "loader rows/s / Arrow floor's on-disk rows/s below (timed apart, unjudged)",
            short["rows_per_s"] / short["floor_disk_rows_per_s"]
            if short.get("floor_disk_rows_per_s")
            else None,
            "x",
            note="the floor gets the rows parsed before its timer; the loader parses the file",
        ),
        Row(
            "load.floor_disk_rows_s",
            "DuckDB floor: same rows from Arrow, one CTAS into ONE on-disk table",
            short.get("floor_disk_rows_per_s"),
            "rows/s",
            note="no staging, joins or checks: the ceiling of any loader on this machine",
        ),
        Row(
            "load.floor_memory_rows_s",
            "same, into one in-memory table (the issue's 3-7M rows/s case)",
            short.get("floor_memory_rows_per_s"),
            "rows/s",
        ),
        Row(
            "load.reload_rows_s",
            "load the same lake again (all unchanged, a daily re-crawl)",
            short["reload_rows_per_s"],
            "rows/s",
        ),
        Row(
            "load.dedup_s",
            f"cross-source dedup of {short['rows']:,} new postings",
            short["dedup_seconds"],
            "s",
            higher_is_better=False,
        ),
        Row(
            "load.extraction_rows_s",
            "load a run's extractions, 20k batches (extraction+mention+salary rows)",
            short["extraction_rows_per_s"],
            "rows/s",
        ),
    ]
    if full:
        rows.append(
            Row(
                "load.full_text_mb_s",
                f"load real-length postings ({full['rows']:,}, lake MiB/s)",
                full["mb_per_s"],
                "MiB/s",
                note=f"{full['rows_per_s']:,.0f} rows/s"
                + (
                    f"; {full['paired_ratio_cpu']:.2f}x the lake CTAS (paired, CPU)"
                    if full.get("paired_ratio_cpu")
                    else ""
                ),
            )
        )
    return rows


def query_rows(r: dict[str, Any]) -> list[Row]:
    n = r["counts"]["postings_core"]
    rows = []
    for name, t in r["marts"].items():
        label = f"mart {name} @ {n / 1e6:g}M postings"
        if name == "_shared":
            label = f"shared report base, built once per report run @ {n / 1e6:g}M"
        if "error" in t:
            rows.append(Row(f"query.{name}", label, None, "s", "< 1 s", False, False, t["error"]))
            continue
        note = f"first run {t['first_s']:.2f}s"
        if t.get("null_params"):
            note += f"; null: {', '.join(t['null_params'])}"
        rows.append(
            Row(
                f"query.{name}",
                label,
                t["median_s"],
                "s",
                "< 1 s",
                check(t["median_s"], maximum=1.0),
                higher_is_better=False,
                note=note,
            )
        )
    timed = [t["median_s"] for t in r["marts"].values() if "median_s" in t]
    rows.append(
        Row(
            "query.all_marts_s",
            "shared base + every mart, one report run's SQL",
            sum(timed),
            "s",
            higher_is_better=False,
        )
    )
    rows.append(
        Row(
            "query.build_s",
            "synthesising the 1M warehouse (SQL)",
            r["build_seconds"],
            "s",
            higher_is_better=False,
            note=f"{r['counts']['skill_mentions_core']:,} mentions",
        )
    )
    return rows


def _spread_note(ratios: list[float] | None, what: str, missing: str) -> str:
    """ "median of N <what>, CPU time, range a-b" for a list of per-round ratios."""
    if not ratios:
        return f"{missing} missing"
    return f"median of {len(ratios)} {what}, CPU time, range {min(ratios):.2f}-{max(ratios):.2f}"


def realtext_rows(r: dict[str, Any]) -> list[Row]:
    """Rows of the real-text extraction bench (issue 20's targets), stage by stage."""
    tok, one, two = r["tokenizer"], r["extract"], r["extract_2p"]
    corpus = f"{one['docs']:,} docs cycled from {one['distinct']} distinct real postings"
    ratio = one["docs_per_s"] / tok["docs_per_s"] if tok["docs_per_s"] else None
    pair = r.get("paired") or {}
    paired = pair.get("ratio_median")
    paired_note = _spread_note(
        pair.get("ratios"),
        f"rounds of {pair.get('block')} docs, paired per block of {pair.get('pair_block')}",
        "paired rounds",
    )
    unseen = r.get("unseen") or {}
    unseen_note = _spread_note(
        unseen.get("ratios"),
        f"shuffles, each posting read once after the other {unseen.get('folds')}-1 folds, paired",
        "unseen folds",
    )
    speedup = two["docs_per_s"] / one["docs_per_s"] if one["docs_per_s"] else None
    rows = [
        Row("real.tokenizer_docs_s", f"spaCy bare tokenizer, real text ({corpus})",
            tok["docs_per_s"], "docs/s"),
        Row("real.docs_s", "extraction, 1 process, real text", one["docs_per_s"], "docs/s"),
        Row("real.ratio_separate_runs", "extraction / tokenizer, real text, separate runs",
            ratio, "x", note="two children timed apart: drifts with the machine's load"),
        Row("real.ratio_unseen", "extraction / tokenizer, real text, unseen postings, per core",
            unseen.get("ratio_median"), "x", ">= 1.0 (stretch 1.5)",
            check(unseen.get("ratio_median"), 1.0), note=unseen_note),
        Row("real.ratio_vs_tokenizer", "extraction / tokenizer, real text, re-read (paired)",
            paired, "x", ">= 1.0", check(paired, 1.0), note=f"{paired_note}; the "
            "tokenizer's best case: its unbounded cache holds every chunk of a re-read"),
        Row("real.ratio_first_read", "extraction / tokenizer, real text, first read (paired)",
            pair.get("first_read_ratio"), "x",
            note=f"each of the {one['distinct']} postings once, caches cold: not judged"),
        Row("real.speedup_2p_wall", "2 processes / 1 process, real text, wall", speedup, "x",
            note="wall time incl. spawning the pool and its first chunk"),
    ]  # fmt: skip
    rows.append(lake_row(r.get("lake"), paired))
    steady = two.get("steady_docs_per_s")
    steady_x = steady / one["docs_per_s"] if steady and one["docs_per_s"] else None
    rows.append(Row("real.speedup_2p", "2 processes / 1 process, real text, after start-up",
                    steady_x, "x", ">= 1.7", check(steady_x, 1.7),
                    note="bounded by the machine row '2 busy processes / 1'"))  # fmt: skip
    for stage, value in r["stages"]["stages"].items():
        target, ok = (">= 1,500", check(value, 1500)) if stage == "salary" else ("", None)
        if isinstance(value, str):
            rows.append(Row(f"real.stage.{stage}", f"stage {stage} alone", None, "docs/s",
                            target, False, note=value[:60]))  # fmt: skip
            continue
        rows.append(Row(f"real.stage.{stage}", f"stage {stage} alone, real text", value,
                        "docs/s", target, ok))  # fmt: skip
    return rows
