"""The raw lake as hive-partitioned Parquet: <root>/run_id=<id>/source=<kind>/part-NNNNN.parquet.

Why: JSONL is right for crash-safe appends while crawling, but a columnar, compressed copy is what
DuckDB (read_parquet with hive_partitioning, partition pruning on run_id/source) and object
storage (S3/GCS via pyarrow filesystems, DuckDB httpfs) read in place; each partition is also
one unit of distributed extraction (flows/scale.py). The JSONL lake stays the source of truth;
conversion is idempotent (a partition is rewritten whole, atomically via a temp name).

The JSONL files are read by the one lake reader (pipelines.lake_read): a torn, corrupt,
non-object, invalid-UTF-8 or keyless line, or one filed under another source, is not copied but
counted and named in the partition's `_skipped.jsonl`, which the loader reads back, so the board
it may belong to closes nothing from that run. A field of the wrong type (a number as title, a
string as locations) is left empty and counted; conversion never fails on a line's content.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.extract_stage import lake_files
from pipelines.lake_read import LakeSkip, LakeSkips, read_lake_file

#: Columns stored in each file; run_id and source live in the partition path, not the file.
SCHEMA = pa.schema(
    [
        ("board", pa.string()),
        ("source_id", pa.string()),
        ("url", pa.string()),
        ("apply_url", pa.string()),
        ("title", pa.string()),
        ("company", pa.string()),
        ("locations", pa.list_(pa.string())),
        ("country_codes", pa.list_(pa.string())),
        ("workplace_type", pa.string()),
        ("workplace_raw", pa.string()),
        ("employment_type", pa.string()),
        ("department", pa.string()),
        ("posted_at", pa.string()),
        ("updated_at", pa.string()),
        ("description_html", pa.string()),
        ("description_text", pa.string()),
        ("salary_raw", pa.string()),  # JSON text: the source's structure varies per kind
        ("salary_text", pa.string()),
        ("fetched_at", pa.string()),
        ("content_hash", pa.string()),
    ]
)
#: rows per Arrow batch / row group: bounded memory whatever the lake file size
BATCH_ROWS = 5_000
#: rows per part file, so one huge source still splits into parallel units
PART_ROWS = 50_000


def partition_dir(root: Path, run_id: str, source: str) -> Path:
    return root / f"run_id={run_id}" / f"source={source}"


#: the partition's lake lines not copied, one LakeSkip per line (read back by the loader)
SKIPS_FILE = "_skipped.jsonl"
_LISTS = ("locations", "country_codes")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _column_value(name: str, rec: dict[str, Any], emptied: Counter[str] | None = None) -> Any:
    """The column value of a lake record; a value of another type than the column's is left
    empty (counted in `emptied` as "<field> is a <type>"), never stringified into garbage."""
    value = rec.get(name)
    if name == "salary_raw":  # the source's own structure: any JSON value, kept as JSON text
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)
    if name in _LISTS:
        if value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return list(value or [])
        if isinstance(value, list):
            bad = next(v for v in value if not isinstance(v, str))
            if emptied is not None:
                emptied[f"{name} holds a {type(bad).__name__}"] += 1
            return []
    elif value is None or isinstance(value, str):
        return value
    elif name == "source_id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # the lake reader's rule: a whole-number id is a key
    if emptied is not None:
        emptied[f"{name} is a {type(value).__name__}"] += 1
    return [] if name in _LISTS else None


def _encodable(value: Any, emptied: Counter[str] | None) -> Any:
    """A string Arrow can store: lone surrogates (a broken \\u escape) become U+FFFD, as the
    lake writer does."""
    if isinstance(value, list):
        return [_encodable(v, emptied) for v in value]
    if isinstance(value, str) and _SURROGATE.search(value):
        if emptied is not None:
            emptied["unencodable characters replaced"] += 1
        return _SURROGATE.sub("\ufffd", value)
    return value


def _batch(records: list[dict[str, Any]], emptied: Counter[str] | None = None) -> pa.RecordBatch:
    arrays = []
    for f in SCHEMA:
        values = [_column_value(f.name, r, emptied) for r in records]
        try:
            arrays.append(pa.array(values, type=f.type))
        except (pa.ArrowException, UnicodeEncodeError):  # rare: only then look at each string
            arrays.append(pa.array([_encodable(v, emptied) for v in values], type=f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def write_partition(
    records: Iterable[dict[str, Any]],
    root: Path,
    run_id: str,
    source: str,
    emptied: Counter[str] | None = None,
) -> list[Path]:
    """Write one (run_id, source) partition from a record stream; returns its part files."""
    out = partition_dir(root, run_id, source)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("part-*.parquet"), out / SKIPS_FILE]:
        stale.unlink(missing_ok=True)
    parts: list[Path] = []
    writer: pq.ParquetWriter | None = None
    tmp: Path | None = None
    rows_in_part = 0
    buffer: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer, tmp, rows_in_part
        if not buffer:
            return
        if writer is None:
            tmp = out / f".part-{len(parts):05d}.tmp"
            writer = pq.ParquetWriter(tmp, SCHEMA, compression="zstd")
        writer.write_batch(_batch(buffer, emptied), row_group_size=BATCH_ROWS)
        rows_in_part += len(buffer)
        buffer.clear()
        if rows_in_part >= PART_ROWS:
            close_part()

    def close_part() -> None:
        nonlocal writer, tmp, rows_in_part
        if writer is None or tmp is None:
            return
        writer.close()
        final = out / f"part-{len(parts):05d}.parquet"
        tmp.replace(final)
        parts.append(final)
        writer, tmp, rows_in_part = None, None, 0

    for rec in records:
        buffer.append(rec)
        if len(buffer) >= BATCH_ROWS:
            flush()
    flush()
    close_part()
    return parts


def _write_skips(out: Path, skips: LakeSkips) -> list[Path]:
    """Name the lines not copied in the partition's SKIPS_FILE; a partition whose every line
    was skipped gets an empty part file, so it is still listed and its skips still loaded."""
    tmp = out / f".{SKIPS_FILE}.tmp"
    tmp.write_text("".join(json.dumps(d) + "\n" for d in skips.as_dicts()), encoding="utf-8")
    tmp.replace(out / SKIPS_FILE)
    if any(out.glob("part-*.parquet")):
        return []
    pq.write_table(SCHEMA.empty_table(), out / ".part-00000.tmp", compression="zstd")
    (out / ".part-00000.tmp").replace(out / "part-00000.parquet")
    return [out / "part-00000.parquet"]


def convert_lake(
    lake: Path,
    root: Path,
    run_ids: Iterable[str] | None = None,
    skips: LakeSkips | None = None,
    emptied: Counter[str] | None = None,
) -> list[Path]:
    """Convert <lake>/<run_id>/<source>.jsonl files to Parquet partitions; returns part files.

    Lines not copied are added to `skips` and written to each partition's SKIPS_FILE; fields
    left empty are counted in `emptied`."""
    parts: list[Path] = []
    for lake_file in lake_files(lake, run_ids):
        run_id, source = lake_file.parent.name, lake_file.stem
        file_skips = LakeSkips()
        records = read_lake_file(lake_file, file_skips, own_source=True)
        parts += write_partition(records, root, run_id, source, emptied)
        if len(file_skips):
            parts += _write_skips(partition_dir(root, run_id, source), file_skips)
        if skips is not None:
            skips.extend(file_skips)
    return parts


def partition_skips(part_dir: Path) -> LakeSkips:
    """The lake lines the conversion of this partition did not copy, as named then (none
    without a SKIPS_FILE). A damaged line of that file is itself a skip of the partition's
    source, so the loader still keeps that source's boards open."""
    skips = LakeSkips()
    path = part_dir / SKIPS_FILE
    if not path.exists():
        return skips
    source = part_dir.name.removeprefix("source=")
    damaged = LakeSkips()
    for rec in read_lake_file(path, damaged, keys=("file", "reason", "source", "board")):
        line = rec.get("line")
        number = line if isinstance(line, int) and not isinstance(line, bool) else 0
        skips.add(LakeSkip(rec["file"], number, rec["reason"], rec["source"], rec["board"]))
    for bad in damaged.items:
        skips.add(LakeSkip(bad.file, bad.line, bad.reason, source, bad.board))
    return skips


def partitions(root: Path, run_ids: Iterable[str] | None = None) -> list[Path]:
    """Partition directories (run_id=*/source=*) that hold at least one part file."""
    wanted = set(run_ids) if run_ids is not None else None
    out = []
    for part_dir in sorted(root.glob("run_id=*/source=*")):
        run_id = part_dir.parent.name.removeprefix("run_id=")
        if (wanted is None or run_id in wanted) and any(part_dir.glob("part-*.parquet")):
            out.append(part_dir)
    return out


def iter_partition_records(part_dir: Path) -> Iterator[dict[str, Any]]:
    """Posting dicts of one partition, batch by batch (the lake's JSONL shape, salary_raw decoded)."""
    run_id = part_dir.parent.name.removeprefix("run_id=")
    source = part_dir.name.removeprefix("source=")
    for part in sorted(part_dir.glob("part-*.parquet")):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=1_000):
            for rec in batch.to_pylist():
                if rec.get("salary_raw") is not None:
                    rec["salary_raw"] = json.loads(rec["salary_raw"])
                rec["run_id"], rec["source"] = run_id, source
                yield rec


def duckdb_source(root: Path | str) -> str:
    """A DuckDB table expression over the whole Parquet lake (local path or s3://... URI)."""
    base = str(root).rstrip("/")
    return f"read_parquet('{base}/*/*/*.parquet', hive_partitioning = true)"
