"""The column-at-a-time import (importers.frames) makes the lake rows the row-at-a-time mapping
(importers.rows, the spiders' normaliser and content hash) makes: same values, same hashes,
same rejects, for CSV, Parquet and JSON lines with typed, messy and mangled cells."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from importers.demo_jobspy import jobspy_rows, write_jobspy_csv
from importers.fields import build_map
from importers.frames import lake_frame, ndjson
from importers.readers import FileReader
from importers.rows import Rejected, lake_row


def _both(path: Path, kind: str) -> tuple[list[dict], list[dict], list, list]:
    with FileReader(path, kind) as reader:
        cmap = build_map(reader.columns, {})
        batch = next(reader.arrow_batches(1000))
    one_by_one, rejected = [], []
    for i, row in enumerate(batch.to_pylist()):
        try:
            one_by_one.append(lake_row(row, cmap, board="b", run_id="R", fetched_at="F"))
        except Rejected as exc:
            rejected.append((i, str(exc), exc.board))
    frame, rejects = lake_frame(batch, cmap, board="b", run_id="R", fetched_at="F")
    columnar = [json.loads(x) for x in ndjson(frame.drop("_row")).decode().splitlines()]
    return columnar, one_by_one, rejects, rejected


@pytest.mark.parametrize("kind", ["csv", "parquet", "jsonl"])
def test_columnar_rows_equal_row_by_row(tmp_path: Path, kind: str) -> None:
    if kind == "csv":
        path = write_jobspy_csv(tmp_path / "j.csv", n_jobs=20, broken=True)
    else:
        frame = pl.DataFrame(jobspy_rows(n_jobs=8)).with_columns(
            pl.col("date_posted").str.to_date(),
            pl.col("is_remote") == "True",
            pl.col("min_amount").cast(pl.Float64, strict=False),
        )
        path = tmp_path / f"j.{kind}"
        frame.write_parquet(path) if kind == "parquet" else frame.write_ndjson(path)
    columnar, one_by_one, rejects, rejected = _both(path, kind)
    assert rejects == rejected
    assert len(columnar) == len(one_by_one) > 0
    for got, want in zip(columnar, one_by_one, strict=True):
        assert {k: v for k, v in got.items() if k != "extra"} == {
            k: want.get(k) for k in got if k != "extra"
        }


def test_messy_cells_map_alike(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "id,title,company,location,date,remote,salary_min,salary_max,currency,period\n"
        '1,  Data   Scientist ,ZÃ¼rich AG,ZÃ¼rich,2026-01-02 10:00:00,hybrid,"$120,000",,usd,Yearly\n'
        "2,ML Eng,,N/A,yesterday,true,0,0,,\n"
        ",No Key,,,,,,,,\n",
        encoding="utf-8",
    )
    columnar, one_by_one, rejects, rejected = _both(path, "csv")
    assert rejects == rejected == [(2, "no id or url", "b")]
    assert columnar == [{k: w.get(k) for k in c} for c, w in zip(columnar, one_by_one, strict=True)]
    first, second = columnar
    assert first["title"] == "Data Scientist" and first["company"] == "Zürich AG"
    assert first["locations"] == ["Zürich"] and first["workplace_type"] == "hybrid"
    assert first["salary_raw"] == {
        "min": 120000.0,
        "max": None,
        "currency": "USD",
        "period": "yearly",
    }
    assert second["locations"] == [] and second["posted_at"] is None  # unreadable date: no guess
    assert second["workplace_type"] == "remote" and second["salary_raw"] is None  # 0/0 = no pay


def test_worker_processes_write_the_same_lake_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    import importers.readers
    from importers.run import import_files

    monkeypatch.setattr(importers.readers, "BATCH_ROWS", 7)  # several batches in flight
    path = write_jobspy_csv(tmp_path / "j.csv", n_jobs=20, broken=True)
    one = import_files([path], tmp_path / "one", source="s", run_id="R")
    two = import_files([path], tmp_path / "two", source="s", run_id="R", workers=2)
    assert (one.written, one.rejected, one.rejects) == (two.written, two.rejected, two.rejects)
    assert one.rejects and one.written > 3 * 7
    files = [(tmp_path / d / "R" / "import.jsonl").read_bytes() for d in ("one", "two")]
    assert len(files[0].splitlines()) == one.written
    stamp = re.compile(rb'"fetched_at":"[^"]*"')  # each import stamps its own fetch time
    assert stamp.sub(b"", files[0]) == stamp.sub(b"", files[1])


@pytest.mark.parametrize("columnar", [False, True])
def test_one_place_given_as_a_string_is_a_list_of_one(columnar: bool) -> None:
    """Some sources write a single location as a string: it stays whole, not split into letters."""
    from analytics.frames import postings_frame

    recs = [
        {"source": "s", "board": "b", "source_id": "1", "title": "T", "locations": "Remote"},
        {"source": "s", "board": "b", "source_id": "2", "title": "T", "locations": None},
    ]
    given = pl.DataFrame(recs) if columnar else recs
    df = postings_frame(given, "run-1").sort("source_id")
    assert df["locations"].to_list() == [["Remote"], []]
