"""Import files into one lake run of source `import`: `<lake>/<run_id>/import.jsonl`, one crawl
record per board and the boards' coverage, written so an interrupted import leaves no half run.

Why one run per import: the run is what extract, load and reports already process, and its crawl
records (listing_complete false: a file proves nothing about what else is open) close nothing.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import polars as pl

from importers import IMPORT_SOURCE
from importers.coverage import month_end, write_coverage
from importers.fields import JOBSPY_COLUMNS, ColumnMap, MappingError, build_map, looks_like_jobspy
from importers.frames import lake_frames, ndjson
from importers.readers import FileReader, ImportFileError, file_format
from importers.rows import Rejected, board_part, lake_row
from spiders.lake import append_jsonl, new_run_id

LAKE_FILE = f"{IMPORT_SOURCE}.jsonl"
REJECTS_FILE = "_import_rejects.jsonl"
#: error lines printed per import; every reject is kept in the run's _import_rejects.jsonl
SHOW_REJECTS = 20
DRY_RUN_ROWS = 5
_SHOWN = ("board", "source_id", "title", "company", "locations", "workplace_type", "posted_at",
          "salary_raw", "url")  # fmt: skip


@dataclass(slots=True)
class BoardTally:
    items: int = 0
    rejected: int = 0
    first: str | None = None
    last: str | None = None
    files: set[str] = field(default_factory=set)


@dataclass(slots=True)
class ImportResult:
    """What an import wrote (before load): rows read, written, rejected, per board."""

    run_id: str
    files: list[str] = field(default_factory=list)
    rows: int = 0
    written: int = 0
    rejected: int = 0
    rejects: list[tuple[str, int, str]] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    boards: dict[str, BoardTally] = field(default_factory=dict)

    def reject(self, lake_run: Path, rejects: list[tuple[str, int, str]]) -> None:
        """Count, keep the first few for the screen, and write every one to the run's file."""
        for file, row, reason in rejects:
            self.rejected += 1
            self.reasons[_kind(reason)] += 1
            if len(self.rejects) < SHOW_REJECTS:
                self.rejects.append((file, row, reason))
            append_jsonl(lake_run / REJECTS_FILE, {"file": file, "row": row, "reason": reason})


def _kind(reason: str) -> str:
    """'duplicate id li-1 (first kept)' -> 'duplicate id'; 'unreadable row: ...' -> 'unreadable row'."""
    return "duplicate id" if reason.startswith("duplicate id") else reason.split(":")[0]


def file_rows(good: list[tuple[int, str]], bad: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rejects of one file in file order with their row numbers in the file: `good` are numbered
    among the rows the reader returned, `bad` are rows the reader could not split (already
    numbered in the file), so each good number moves up past the bad rows before it."""
    out: list[tuple[int, str]] = []
    bad_rows = sorted({row for row, _ in bad})
    k = 0
    for n, reason in good:
        while k < len(bad_rows) and bad_rows[k] <= n + k:
            k += 1
        out.append((n + k, reason))
    out += [(row, f"unreadable row: {reason}") for row, reason in bad]
    return sorted(out)


def column_map(reader: FileReader, fmt: str, maps: dict[str, str]) -> ColumnMap:
    """The file's mapping; a JobSpy file must have JobSpy's columns, any file a title and a key."""
    if fmt == "jobspy" and not looks_like_jobspy(reader.columns):
        missing = [c for c in JOBSPY_COLUMNS if c not in {x.lower() for x in reader.columns}]
        raise ImportFileError(
            f"{reader.path}: not a JobSpy export (missing {', '.join(missing)}); "
            "use --format csv with --map"
        )
    cmap = build_map(reader.columns, maps)
    if "title" not in cmap.targets:
        raise MappingError(
            f"{reader.path}: no column maps to title (columns: {', '.join(reader.columns)}); "
            "pass --map COLUMN=title"
        )
    if "source_id" not in cmap.targets and "url" not in cmap.targets:
        raise MappingError(
            f"{reader.path}: no id or url column to key postings by; pass --map COLUMN=source_id "
            "or --map COLUMN=url"
        )
    return cmap


def dry_run(
    paths: list[Path],
    *,
    fmt: str,
    source: str | None,
    maps: dict[str, str],
    echo: Callable[[str], None],
) -> None:
    """Print each file's mapping and its first rows as they would load; write nothing."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for path in paths:
        with FileReader(path, file_format(path, fmt)) as reader:
            cmap = column_map(reader, fmt, maps)
            board = board_part(source or path.stem)
            echo(f"{path} ({reader.kind}, board {board}): columns -> fields")
            for line in cmap.lines():
                echo(line)
            shown = 0
            for batch in reader.batches(DRY_RUN_ROWS):
                for n, row in enumerate(batch, start=1):
                    try:
                        rec = lake_row(row, cmap, board=board, run_id="dry-run", fetched_at=now)
                        echo(
                            f"  row {n}: "
                            + json.dumps({k: rec.get(k) for k in _SHOWN}, default=str)
                        )
                    except Rejected as exc:
                        echo(f"  row {n}: REJECTED ({exc})")
                shown += len(batch)
                break
            if not shown:
                echo("  (no rows)")


def import_files(
    paths: Iterable[Path],
    lake: Path,
    *,
    fmt: str = "auto",
    source: str | None = None,
    maps: dict[str, str] | None = None,
    run_id: str | None = None,
    workers: int = 1,
) -> ImportResult:
    """Read every file into one new lake run; rows that cannot be keyed are rejected with a reason
    (`workers` > 1 maps batches in that many processes).

    The lake file is written as `import.jsonl.part` and renamed when every file is read, so a
    failed import leaves no lake file that a later run would half-load."""
    paths, maps = list(paths), dict(maps or {})
    result = ImportResult(run_id=run_id or new_run_id())
    run_dir = lake / result.run_id
    started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    readers = [(p, FileReader(p, file_format(p, fmt))) for p in paths]  # bad format: fail early
    run_dir.mkdir(parents=True, exist_ok=True)
    part = run_dir / f"{LAKE_FILE}.part"
    seen: set[int] = set()
    try:
        with part.open("wb") as out:
            for path, reader in readers:
                with reader:
                    _import_one(
                        path, reader, (fmt, source, maps), result, out, seen, started, workers
                    )
        os.replace(part, run_dir / LAKE_FILE)
    finally:
        part.unlink(missing_ok=True)
    finished = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    _write_records(lake, result, started, finished)
    return result


def _import_one(
    path: Path,
    reader: FileReader,
    how: tuple[str, str | None, dict[str, str]],
    result: ImportResult,
    out: BinaryIO,
    seen: set[int],
    fetched_at: str,
    workers: int,
) -> None:
    """Stream one file into the open lake file, batch by batch (lake_frame does the rows)."""
    fmt, source, maps = how
    cmap = column_map(reader, fmt, maps)
    board = board_part(source or path.stem) or "import"
    name = str(path)
    result.files.append(name)
    offset = 0
    pending: list[tuple[int, str]] = []
    frames = lake_frames(
        reader.arrow_batches(),
        cmap,
        workers,
        board=board,
        run_id=result.run_id,
        fetched_at=fetched_at,
    )
    for n_rows, frame, rejects in frames:
        for i, reason, rboard in rejects:
            pending.append((offset + i + 1, reason))
            result.boards.setdefault(rboard, BoardTally()).rejected += 1
        keep = []
        for i, rboard, sid in frame.select("_row", "board", "source_id").iter_rows():
            key = hash((rboard, sid))
            keep.append(key not in seen)
            if key in seen:  # one lake line per posting per run, as the spiders keep it
                pending.append((offset + i + 1, f"duplicate id {sid} (first kept)"))
                result.boards.setdefault(rboard, BoardTally()).rejected += 1
            seen.add(key)
        frame = frame.filter(pl.Series(keep, dtype=pl.Boolean)).drop("_row")
        offset += n_rows
        if frame.height:
            out.write(ndjson(frame))
            result.written += frame.height
            _tally(result, frame, name)
    bad = reader.bad_lines()
    result.rows += offset + len({row for row, _ in bad})
    result.reject(
        Path(out.name).parent, [(name, row, why) for row, why in file_rows(sorted(pending), bad)]
    )


def _tally(result: ImportResult, frame: pl.DataFrame, name: str) -> None:
    """Per board: postings written and their first and last posted day."""
    per = frame.group_by("board").agg(
        pl.len().alias("n"),
        pl.col("posted_at").str.slice(0, 10).min().alias("first"),
        pl.col("posted_at").str.slice(0, 10).max().alias("last"),
    )
    for rboard, n, first, last in per.iter_rows():
        tally = result.boards.setdefault(rboard, BoardTally())
        tally.items += n
        tally.files.add(name)
        if first:
            tally.first = first if tally.first is None else min(tally.first, first)
            tally.last = last if tally.last is None else max(tally.last, last)


def _write_records(lake: Path, result: ImportResult, started: str, finished: str) -> None:
    """One crawl record per board (never closing anything) and the boards' coverage."""
    coverage = []
    for board, tally in sorted(result.boards.items()):
        rec = {
            "run_id": result.run_id,
            "source": IMPORT_SOURCE,
            "board": board,
            "started_at": started,
            "finished_at": finished,
            "pages": len(tally.files),
            "items": tally.items,
            "errors": tally.rejected,
            "status": "partial" if tally.rejected else "ok",
            "listing_complete": False,
            "error_messages": [f"{tally.rejected} row(s) rejected"] if tally.rejected else [],
            "files": sorted(tally.files),
        }
        append_jsonl(lake / result.run_id / "_crawl_runs.jsonl", rec)
        if tally.first and tally.last:
            end = month_end(datetime.fromisoformat(tally.last).date()).isoformat()
            coverage.append(
                {
                    "source": IMPORT_SOURCE,
                    "board": board,
                    "coverage_start": tally.first[:8] + "01",
                    "coverage_end": end,
                    "how": "import",
                    "postings": tally.items,
                }
            )
    write_coverage(lake, result.run_id, coverage)
