"""The Parquet lake: hive partitions DuckDB reads in place, and a lossless round trip."""

from __future__ import annotations

from pathlib import Path

import duckdb
from scale_lakes import RUN_A, RUN_B, posting

from pipelines.lake_parquet import (
    convert_lake,
    duckdb_source,
    iter_partition_records,
    partition_dir,
    partitions,
    write_partition,
)


def test_duckdb_reads_partitioned_lake_in_place(small_lake, tmp_path: Path) -> None:
    lake, written = small_lake
    root = tmp_path / "lake_parquet"
    parts = convert_lake(lake, root)
    assert {p.parent for p in parts} == {partition_dir(root, r, s) for r, s in written}
    con = duckdb.connect()
    rows = con.execute(
        f"select run_id, source, count(*) from {duckdb_source(root)} group by all order by all"
    ).fetchall()
    assert rows == sorted((r, s, len(recs)) for (r, s), recs in written.items())
    # partition pruning: a filter on a partition column reads only that directory
    plan = con.execute(
        f"explain analyze select count(*) from {duckdb_source(root)} where source = 'lever'"
    ).fetchall()
    assert "lever" in str(plan)
    one = con.execute(
        f"select title, locations, salary_raw::json->>'currency' from {duckdb_source(root)} "
        "where run_id = $r and source = 'greenhouse' and source_id = '3'",
        {"r": RUN_A},
    ).fetchone()
    assert one == ("Senior AI Engineer", ["Remote"], "USD")


def test_round_trip_and_idempotent_rewrite(small_lake, tmp_path: Path) -> None:
    lake, written = small_lake
    root = tmp_path / "lake_parquet"
    convert_lake(lake, root)
    convert_lake(lake, root)  # a second conversion replaces, never appends
    assert [p.name for p in partitions(root, [RUN_B])] == ["source=greenhouse"]
    for part in partitions(root):
        run_id = part.parent.name.removeprefix("run_id=")
        source = part.name.removeprefix("source=")
        got = list(iter_partition_records(part))
        want = written[(run_id, source)]
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            assert {k: g.get(k) for k in w} == {k: w[k] for k in w}


def test_large_partition_splits_into_parts(tmp_path: Path, monkeypatch) -> None:
    import pipelines.lake_parquet as lp

    monkeypatch.setattr(lp, "BATCH_ROWS", 10)
    monkeypatch.setattr(lp, "PART_ROWS", 20)
    recs = (posting("lever", i, RUN_A) for i in range(60))
    parts = write_partition(recs, tmp_path, RUN_A, "lever")
    assert [p.name for p in parts] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert duckdb.sql(f"select count(*) from {duckdb_source(tmp_path)}").fetchall() == [(60,)]
