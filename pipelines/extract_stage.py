"""The extract stage: raw lake files in, derived extraction files out, cached by taxonomy version.

A lake file already extracted with the same taxonomy version is not extracted again; postings whose
content hash was already extracted (known_hashes) are skipped, so daily re-crawls cost nothing.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.batching import chunks
from pipelines.extract import extract_records
from pipelines.lake_read import LakeSkips, read_lake_file
from pipelines.records import posting_key


@dataclass(slots=True)
class ExtractStats:
    files: int = 0
    files_cached: int = 0
    postings: int = 0
    extracted: int = 0
    skipped_unchanged: int = 0
    errors: int = 0
    #: lake lines not read (torn, corrupt, invalid UTF-8, no keys): count, by reason, named
    lake_lines_skipped: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
    skipped_lines: list[dict[str, Any]] = field(default_factory=list)

    def add_skips(self, skips: LakeSkips) -> None:
        self.lake_lines_skipped += len(skips)
        for reason, n in skips.by_reason().items():
            self.skip_reasons[reason] = self.skip_reasons.get(reason, 0) + n
        self.skipped_lines += skips.as_dicts()[:100]  # named up to 100 per file; all counted


def iter_lake_records(path: Path, skips: LakeSkips | None = None) -> Iterator[dict[str, Any]]:
    """JSON objects of one JSONL file (lake or derived); torn, corrupt or non-object lines are
    skipped (counted in `skips` when given). Lake postings are read with their keys checked by
    read_lake_file."""
    return read_lake_file(path, skips, keys=())


def lake_files(lake: Path, run_ids: Iterable[str] | None = None) -> list[Path]:
    """Lake files (<lake>/<run_id>/<source>.jsonl) of the given runs, or of every run."""
    runs = (
        sorted(run_ids)
        if run_ids is not None
        else sorted(p.name for p in lake.glob("*") if p.is_dir())
    )
    files: list[Path] = []
    for run in runs:
        files += sorted(p for p in (lake / run).glob("*.jsonl") if not p.name.startswith("_"))
    return files


def derived_path(derived_root: Path, taxonomy_version: str, lake_file: Path) -> Path:
    return derived_root / taxonomy_version / lake_file.parent.name / lake_file.name


def _extract_chunk(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(extract_records(records))


def _extract_stream(
    records: Iterable[dict[str, Any]], workers: int, chunk_size: int = 256
) -> Iterator[dict[str, Any]]:
    """Extract in-process or over a process pool of raw records (never pickled spaCy Docs)."""
    if workers <= 1:
        yield from extract_records(records)
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending = []
        for chunk in chunks(records, chunk_size):
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) >= workers * 2:  # bounded in-flight work keeps memory flat
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


def extract_lake_file(
    lake_file: Path,
    out_path: Path,
    known_hashes: set[tuple[str, str]] | None = None,
    workers: int = 1,
    stats: ExtractStats | None = None,
    *,
    keep_existing: bool = False,
) -> Path:
    """Write the extractions of one lake file to out_path atomically (tmp file, then rename).

    `keep_existing`: a derived file already there (its lake file has grown since) keeps its
    extractions and only the postings it lacks are extracted and added, so the derived files of
    all runs stay a complete record for `jobtrends reextract` to swap in."""
    stats = stats or ExtractStats()
    known = known_hashes if known_hashes is not None else set()
    seen: set[tuple[str, str]] = set()

    skips = LakeSkips()

    def wanted() -> Iterator[dict[str, Any]]:
        for rec in read_lake_file(lake_file, skips):
            stats.postings += 1
            key = (
                posting_key(rec["source"], rec["board"], str(rec["source_id"])),
                rec.get("content_hash") or "",
            )
            if key in known or key in seen:
                stats.skipped_unchanged += 1
                continue
            seen.add(key)
            yield rec

    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        if keep_existing and out_path.exists():
            for previous in iter_lake_records(out_path):
                seen.add((str(previous.get("posting_key")), previous.get("content_hash") or ""))
                fh.write(json.dumps(previous, ensure_ascii=False, default=str) + "\n")
        for result in _extract_stream(wanted(), workers):
            fh.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
            stats.extracted += 1
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(out_path)
    stats.add_skips(skips)
    known |= seen  # later files of the same call skip what this one extracted
    return out_path


def extract_lake(
    files: list[Path],
    derived_root: Path,
    taxonomy_version: str,
    known_hashes: set[tuple[str, str]] | None = None,
    workers: int = 1,
    force: bool = False,
) -> tuple[list[Path], ExtractStats]:
    """Extract every lake file not yet extracted with this taxonomy version; return derived files."""
    stats = ExtractStats()
    known = set(known_hashes or ())
    outputs: list[Path] = []
    for lake_file in files:
        stats.files += 1
        out = derived_path(derived_root, taxonomy_version, lake_file)
        extract_if_changed(lake_file, out, known, workers, stats, force=force)
        outputs.append(out)
    return outputs, stats


def extract_if_changed(
    lake_file: Path,
    out: Path,
    known_hashes: set[tuple[str, str]] | None,
    workers: int,
    stats: ExtractStats,
    *,
    force: bool = False,
) -> None:
    """Extract one lake file to `out` unless `out` is current for it (derived_is_current); a
    grown file keeps its earlier extractions, `force` redoes all. The one place the cache of the
    extract stage and of the scale-out units is decided."""
    if not force and derived_is_current(out, lake_file):
        stats.files_cached += 1
        return
    size = lake_file.stat().st_size  # before reading: lines appended meanwhile re-run
    extract_lake_file(lake_file, out, known_hashes, workers, stats, keep_existing=not force)
    _size_stamp(out).write_text(str(size), encoding="utf-8")


def _size_stamp(out: Path) -> Path:
    return out.with_name(out.name + ".lake-size")


def derived_is_current(out: Path, lake_file: Path) -> bool:
    """A derived file counts as done only for the lake file as it was then: a run's lake file
    grows when a late crawl group or a retried board appends to it, and the postings appended
    must be extracted too (the ones already in the warehouse are skipped by known hashes)."""
    stamp = _size_stamp(out)
    if not (out.exists() and stamp.exists()):
        return False
    try:
        return int(stamp.read_text(encoding="utf-8")) == lake_file.stat().st_size
    except (OSError, ValueError):
        return False


def iter_derived(files: Iterable[Path], skips: LakeSkips | None = None) -> Iterator[dict[str, Any]]:
    """The extraction records of derived files; a damaged line is counted in `skips` (its
    posting is loaded without an extraction until the next extract)."""
    for path in files:
        if path.exists():
            yield from iter_lake_records(path, skips)
