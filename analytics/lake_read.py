"""Lake JSONL files -> bounded Polars frames, read columnar by DuckDB's JSON reader.

Why not json.loads per line: a Python loop over dicts caps a load at tens of thousands of rows/s;
DuckDB parses the file in C++ (in parallel) straight into Arrow, which Polars takes zero-copy.
Torn or non-object lines (a crash mid-write, junk) come back as rows without keys and are dropped
by analytics.frames.postings_frame, as the line-by-line reader skips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl

#: lake columns and the DuckDB type each is read as (salary_raw keeps any JSON shape, as text)
LAKE_COLUMNS: dict[str, str] = {
    "source": "varchar",
    "board": "varchar",
    "source_id": "varchar",
    "run_id": "varchar",
    "fetched_at": "varchar",
    "url": "varchar",
    "apply_url": "varchar",
    "title": "varchar",
    "company": "varchar",
    "locations": "varchar[]",
    "country_codes": "varchar[]",
    "workplace_type": "varchar",
    "workplace_raw": "varchar",
    "employment_type": "varchar",
    "department": "varchar",
    "posted_at": "varchar",
    "updated_at": "varchar",
    "description_html": "varchar",
    "description_text": "varchar",
    "salary_raw": "json",
    "salary_text": "varchar",
    "content_hash": "varchar",
}

_COLUMNS_SQL = "{" + ", ".join(f"{k}: '{v}'" for k, v in LAKE_COLUMNS.items()) + "}"


def read_lake_frames(path: Path, batch_rows: int = 20_000) -> Iterator[pl.DataFrame]:
    """Frames of at most `batch_rows` lake rows, streamed: memory follows the batch, not the file."""
    con = duckdb.connect()
    try:
        con.execute("set preserve_insertion_order = true")
        rel = con.sql(
            "select * replace (salary_raw::varchar as salary_raw) from read_json("
            f"$path, format = 'newline_delimited', ignore_errors = true, columns = {_COLUMNS_SQL},"
            " maximum_object_size = 67108864)",
            params={"path": str(path)},
        )
        reader = rel.to_arrow_reader(batch_rows)
        for batch in reader:
            if batch.num_rows:
                yield pl.from_arrow(batch)  # type: ignore[misc]
    finally:
        con.close()
