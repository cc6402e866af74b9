"""The raw lake as hive-partitioned Parquet: <root>/run_id=<id>/source=<kind>/part-NNNNN.parquet.

Why: JSONL is right for crash-safe appends while crawling, but a columnar, compressed copy is what
DuckDB (read_parquet with hive_partitioning, partition pruning on run_id/source) and object
storage (S3/GCS via pyarrow filesystems, DuckDB httpfs) read in place; each partition is also
one unit of distributed extraction (flows/scale.py). The JSONL lake stays the source of truth;
conversion is idempotent (a partition is rewritten whole, atomically via a temp name).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.extract_stage import iter_lake_records, lake_files

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


def _column_value(name: str, rec: dict[str, Any]) -> Any:
    value = rec.get(name)
    if name == "salary_raw":
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)
    if name in ("locations", "country_codes"):
        return [str(v) for v in value] if value else []
    if name == "source_id" and value is not None:
        return str(value)
    return value


def _batch(records: list[dict[str, Any]]) -> pa.RecordBatch:
    arrays = [pa.array([_column_value(f.name, r) for r in records], type=f.type) for f in SCHEMA]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def write_partition(
    records: Iterable[dict[str, Any]], root: Path, run_id: str, source: str
) -> list[Path]:
    """Write one (run_id, source) partition from a record stream; returns its part files."""
    out = partition_dir(root, run_id, source)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.parquet"):
        stale.unlink()
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
        writer.write_batch(_batch(buffer), row_group_size=BATCH_ROWS)
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


def convert_lake(lake: Path, root: Path, run_ids: Iterable[str] | None = None) -> list[Path]:
    """Convert <lake>/<run_id>/<source>.jsonl files to Parquet partitions; returns part files."""
    parts: list[Path] = []
    for lake_file in lake_files(lake, run_ids):
        run_id, source = lake_file.parent.name, lake_file.stem
        parts += write_partition(iter_lake_records(lake_file), root, run_id, source)
    return parts


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
