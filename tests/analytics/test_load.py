"""Loaders: counts, idempotency, versions, extraction replacement, flow runs."""

from __future__ import annotations

import json

import pytest
from warehouse_seeds import RUN1, RUN2, lake_postings, load_run, scalar, seed_extractions

from analytics.load import (
    LoadStats,
    coverage,
    load_extractions,
    load_raw,
    pending_extractions,
    record_flow_run,
    replace_derived,
)

TABLES = (
    "raw_postings",
    "posting_versions",
    "postings_core",
    "extractions",
    "skill_mentions_core",
    "salaries_core",
    "crawl_runs",
)


def counts(con) -> dict[str, int]:
    return {t: scalar(con, f"select count(*) from {t}") for t in TABLES}


def test_first_load_counts_everything_new(con):
    stats = load_raw(con, lake_postings(RUN1), RUN1)
    assert stats == LoadStats(new=8, updated=0, unchanged=0, versions=8)
    assert scalar(con, "select count(*) from postings where is_open") == 8


def test_loading_the_same_lake_twice_is_idempotent(con):
    for run in (RUN1, RUN2):
        load_run(con, run)
    load_extractions(con, seed_extractions())
    first = counts(con)
    snapshot = con.execute("select * from postings_core order by posting_id").fetchall()
    for run in (RUN1, RUN2):
        again = load_run(con, run)
        assert again.new == 0 and again.versions == 0
    load_extractions(con, seed_extractions())
    assert counts(con) == first
    assert con.execute("select * from postings_core order by posting_id").fetchall() == snapshot


def test_changed_content_is_a_new_version_and_an_update(con):
    load_run(con, RUN1)
    stats = load_raw(con, lake_postings(RUN2), RUN2)
    assert stats == LoadStats(new=0, updated=1, unchanged=2, versions=1)
    assert (
        scalar(
            con, "select count(*) from posting_versions where posting_id = 'greenhouse:acme:101'"
        )
        == 2
    )
    first, last = con.execute(
        "select first_seen_at, last_seen_at from postings_core where posting_id = 'greenhouse:acme:102'"
    ).fetchall()[0]
    assert (first.day, last.day) == (1, 8)


def test_an_older_lake_loaded_late_does_not_overwrite_newer_content(con):
    load_run(con, RUN2)
    newer = scalar(
        con, "select content_hash from postings_core where posting_id = 'greenhouse:acme:101'"
    )
    load_raw(con, lake_postings(RUN1), RUN1)
    assert (
        scalar(
            con, "select content_hash from postings_core where posting_id = 'greenhouse:acme:101'"
        )
        == newer
    )
    assert (
        scalar(
            con,
            "select day(first_seen_at) from postings_core where posting_id = 'greenhouse:acme:101'",
        )
        == 1
    )


def test_duplicate_rows_within_one_batch_collapse(con):
    rows = lake_postings(RUN1)
    stats = load_raw(con, rows + rows, RUN1)
    assert stats.new == 8 and stats.versions == 8


def test_extractions_replace_rows_of_the_same_posting(con):
    load_run(con, RUN1)
    exts = seed_extractions()
    load_extractions(con, exts)
    assert scalar(con, "select count(*) from skill_mentions") == 10
    assert scalar(con, "select count(*) from salaries") == 3
    redo = [dict(exts[0], skills=[exts[0]["skills"][0]], salary=None, role="ai-engineer")]
    load_extractions(con, redo)
    assert (
        scalar(con, "select count(*) from skill_mentions where posting_id = 'greenhouse:acme:101'")
        == 1
    )
    assert (
        scalar(con, "select count(*) from salaries where posting_id = 'greenhouse:acme:101'") == 0
    )
    assert (
        scalar(con, "select role from postings where posting_id = 'greenhouse:acme:101'")
        == "ai-engineer"
    )
    assert scalar(con, "select count(*) from extractions") == 6


def test_a_runs_extractions_in_batches_replace_only_their_postings(con):
    """load_extraction_batches (the load flow's path) ends where one load_extractions call per
    extraction ends: other postings keep their rows, a later extraction of a posting wins."""
    from analytics.db import connect
    from analytics.load import load_extraction_batches

    load_run(con, RUN1)
    exts = seed_extractions()
    load_extractions(con, exts)
    redo = dict(exts[0], skills=[exts[0]["skills"][0]], salary=None, role="data-scientist")
    final = dict(redo, role="ai-engineer")
    got = load_extraction_batches(con, [redo, exts[1], final], batch_size=2)
    assert got["extractions"] == 2

    one_by_one = connect(":memory:")
    load_run(one_by_one, RUN1)
    for ext in [*exts, redo, exts[1], final]:
        load_extractions(one_by_one, [ext])
    for table in ("extractions", "skill_mentions_core", "posting_skills_core", "salaries_core"):
        cols = "* exclude (extracted_at)" if table == "extractions" else "*"
        query = f"select {cols} from {table} order by all"
        assert con.execute(query).fetchall() == one_by_one.execute(query).fetchall(), table
    role = "select role from postings where posting_id = $pid"
    assert scalar(con, role, pid=exts[0]["posting_key"]) == "ai-engineer"


def test_salary_fields_survive_the_round_trip(con):
    load_run(con, RUN1)
    load_extractions(con, seed_extractions())
    row = con.execute(
        "select s.flags, s.is_estimate, s.salary_source, s.annual_mid_usd, c.annualisation->>'hours_per_year', "
        "c.fx_rate_date from salaries s join salaries_core c using (posting_id) "
        "where posting_id = 'greenhouse:acme:103'"
    ).fetchall()[0]
    assert row[0] == ["min_gt_max"] and row[1] is True and row[2] == "estimate"
    assert row[3] == 200000.0 and row[4] == "2080" and str(row[5]) == "2026-03-01"


def test_replace_derived_swaps_all_extraction_tables(con):
    load_run(con, RUN1)
    load_extractions(con, seed_extractions())
    fresh = [dict(e, taxonomy_version="2027.1.0") for e in seed_extractions()[:2]]
    replace_derived(con, fresh)
    assert scalar(con, "select count(*) from extractions") == 2
    assert scalar(con, "select list(distinct taxonomy_version) from skill_mentions") == ["2027.1.0"]
    assert scalar(con, "select count(*) from salaries") == 1


def test_replace_derived_streams_batches_and_a_later_extraction_wins(con):
    load_run(con, RUN1)
    exts = seed_extractions()
    older = dict(exts[0], taxonomy_version="2026.1.0", role="data-scientist")
    newer = dict(exts[0], taxonomy_version="2027.1.0")
    got = replace_derived(con, [older, *exts[1:], newer], batch_size=2)
    assert got["extractions"] == len(exts)
    assert scalar(con, "select count(*) from extractions") == len(exts)
    pid = con.execute("select posting_id from extractions order by all").fetchall()
    assert len({r[0] for r in pid}) == len(exts)
    row = con.execute(
        "select taxonomy_version, role from extractions where taxonomy_version in "
        "('2026.1.0', '2027.1.0')"
    ).fetchall()
    assert row == [("2027.1.0", newer["role"])]
    from analytics.datatests import run_data_tests

    failing = set(run_data_tests(con))
    assert not failing & {
        "unique_posting_skills",
        "unique_skill_mentions",
        "unique_salaries_posting_id",
    }


def test_replace_derived_is_all_or_nothing(con, monkeypatch):
    import pytest

    import analytics.load as load_mod

    load_run(con, RUN1)
    load_extractions(con, seed_extractions())
    before = counts(con)
    # a failure after the first tables were already swapped must roll all of them back
    monkeypatch.setitem(load_mod.DERIVED, "missing_table", "stg_salaries")
    with pytest.raises(Exception, match="missing_table"):
        replace_derived(con, seed_extractions()[:1])
    assert counts(con) == before


def test_pending_extractions_and_coverage(con):
    load_run(con, RUN1)
    assert pending_extractions(con).height == 8
    load_extractions(con, seed_extractions())
    assert pending_extractions(con).height == 2
    ext_cov, sal_cov = coverage(con)
    assert ext_cov == 6 / 8 and sal_cov == 3 / 8
    load_run(con, RUN2)  # 101 changed content: its extraction is stale now
    assert "greenhouse:acme:101" in pending_extractions(con)["posting_id"].to_list()


def test_record_flow_run_upserts(con):
    record_flow_run(
        con, run_id=RUN1, flow="daily", state="Running", started_at="2026-03-01T06:00:00Z"
    )
    record_flow_run(
        con,
        run_id=RUN1,
        flow="daily",
        state="Completed",
        started_at="2026-03-01T06:00:00Z",
        finished_at="2026-03-01T06:10:00Z",
        postings_new=8,
        extraction_coverage=0.75,
        errors={"hn:whoishiring": "HTTP 503"},
    )
    rows = con.execute(
        "select state, postings_new, errors->>'hn:whoishiring', finished_at from flow_runs"
    ).fetchall()
    assert len(rows) == 1 and rows[0][:3] == ("Completed", 8, "HTTP 503")
    assert rows[0][3].hour == 6 and rows[0][3].minute == 10


def test_load_accepts_a_polars_frame(con):
    import polars as pl

    stats = load_raw(con, pl.DataFrame(lake_postings(RUN2)), RUN2)
    assert stats.new == 3


def test_a_lake_file_staged_by_duckdb_loads_what_the_line_reader_loads(tmp_path):
    """The same lake files through stage_lake_file (DuckDB's JSON reader, typed in SQL) and
    through dicts end in identical warehouse rows; torn and junk lines are skipped, not fatal,
    and a line without a content hash gets the spiders' hash."""
    from warehouse_seeds import SEEDS

    from analytics.db import connect
    from analytics.load import merge_staged_raw, stage_lake_file, staged_posting_ids

    lake_dir = SEEDS / "lake" / RUN1
    by_dicts, by_sql = connect(":memory:"), connect(":memory:")
    load_raw(by_dicts, lake_postings(RUN1), RUN1)
    staged = 0
    for lake_file in sorted(p for p in lake_dir.glob("*.jsonl") if not p.name.startswith("_")):
        lines = lake_file.read_text("utf-8").splitlines()
        first = json.loads(lines[0])
        del first["content_hash"]
        lines[0] = json.dumps(first)
        messy = tmp_path / lake_file.name
        messy.write_text("\n".join(lines) + '\n[1, 2]\n"junk"\n{"source": "gre', "utf-8")
        staged += stage_lake_file(by_sql, messy, RUN1)
    assert staged == len(lake_postings(RUN1))
    seen = staged_posting_ids(by_sql)
    assert sum(len(ids) for ids in seen.values()) == staged
    merge_staged_raw(by_sql)
    for table in ("raw_postings", "posting_versions", "postings_core"):
        cols = "* exclude (loaded_at)" if table == "raw_postings" else "*"
        query = f"select {cols} from {table} order by all"
        assert by_sql.execute(query).fetchall() == by_dicts.execute(query).fetchall(), table


def test_the_parquet_lake_loads_what_its_jsonl_files_load(tmp_path):
    """A run converted to the Parquet lake and staged from its partitions (read in place) ends
    in the same warehouse rows as the run's JSONL files; an empty partition is a named error."""
    from warehouse_seeds import SEEDS

    from analytics.db import connect
    from analytics.load import merge_staged_raw, stage_lake_file
    from pipelines.lake_parquet import convert_lake, partitions

    convert_lake(SEEDS / "lake", tmp_path / "pq", [RUN1])
    units = partitions(tmp_path / "pq", [RUN1])
    by_jsonl, by_parquet = connect(":memory:"), connect(":memory:")
    load_raw(by_jsonl, lake_postings(RUN1), RUN1)
    staged = sum(stage_lake_file(by_parquet, unit) for unit in units)
    assert len(units) >= 2 and staged == len(lake_postings(RUN1))
    merge_staged_raw(by_parquet)
    for table in ("raw_postings", "posting_versions", "postings_core"):
        cols = "* exclude (loaded_at)" if table == "raw_postings" else "*"
        query = f"select {cols} from {table} order by all"
        assert by_parquet.execute(query).fetchall() == by_jsonl.execute(query).fetchall(), table
    empty = tmp_path / "pq" / "run_id=x" / "source=lever"
    empty.mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match="no part-"):
        stage_lake_file(by_parquet, empty)


@pytest.mark.parametrize(
    ("table", "message"),
    [("postings_core", "1 extra postings_core rows"), ("raw_postings", "1 extra raw_postings")],
)
def test_a_repeated_key_fails_the_load_and_rolls_it_back(con, table, message):
    from analytics.db import connect
    from analytics.load import GrainError

    load_run(con, RUN1)
    # a posting the next run sees again with the same content: its key and its version repeat
    scratch = connect(":memory:")
    load_raw(scratch, lake_postings(RUN2), RUN2)
    rerun = set(scratch.execute("select posting_id, content_hash from postings_core").fetchall())
    stored = con.execute("select posting_id, content_hash from postings_core").fetchall()
    key = next(k for k, h in stored if (k, h) in rerun)
    con.execute(f"insert into {table} select * from {table} where posting_id = ?", [key])
    before = counts(con)
    with pytest.raises(GrainError, match=message):
        load_run(con, RUN2)
    assert counts(con) == before
