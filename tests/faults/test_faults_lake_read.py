"""The lake is read tolerantly and loudly, by one reader for extraction and load: a torn, corrupt,
non-object, invalid-UTF-8 or keyless line is skipped with its file, line and reason, never fails
the run, and the board it may belong to closes nothing from that run (other boards still do)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from analytics.db import connect
from flows.load import load_stage
from pipelines.extract_stage import extract_lake, lake_files
from pipelines.records import Posting, compute_content_hash

pytestmark = pytest.mark.faults
R1, R2 = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
DESCRIPTION = "You will build retrieval pipelines in Python and evaluate LLM outputs with SQL."


def line(source: str, board: str, source_id: str) -> bytes:
    posting = Posting(
        source=source,
        board=board,
        source_id=source_id,
        title=f"AI Engineer {source_id}",
        company=board.title(),
        description_text=DESCRIPTION,
    )
    posting.content_hash = compute_content_hash(posting)
    return (json.dumps(posting.to_dict()) + "\n").encode()


def crawl_record(run_id: str, source: str, board: str, items: int) -> dict[str, Any]:
    day = run_id[:8]
    at = f"{day[:4]}-{day[4:6]}-{day[6:8]}T06:0"
    return {
        "run_id": run_id,
        "source": source,
        "board": board,
        "started_at": at + "0:00Z",
        "finished_at": at + "5:00Z",
        "pages": 1,
        "items": items,
        "errors": 0,
        "status": "ok",
        "listing_complete": True,
        "error_messages": [],
    }


def write_run(lake: Path, run_id: str, files: dict[str, bytes], boards: dict[str, int]) -> None:
    folder = lake / run_id
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    records = [crawl_record(run_id, *key.split(":"), n) for key, n in boards.items()]
    (folder / "_crawl_runs.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )


#: damage -> (the bytes inserted among acme's lines, reason, the damaged line names acme)
DAMAGE: dict[str, tuple[bytes, str, bool]] = {
    "torn": (line("greenhouse", "acme", "4")[:90], "torn line", True),
    "corrupt": (line("greenhouse", "acme", "4")[:90] + b"\n", "corrupt JSON", True),
    "bad-utf8": (
        line("greenhouse", "acme", "4").replace(b"AI Engineer", b"AI \xff\xfe Engineer"),
        "invalid UTF-8",
        True,
    ),
    "not-object": (b"[1, 2, 3]\n", "not a JSON object (list)", False),
    "no-id": (b'{"source": "greenhouse", "board": "acme", "title": "x"}\n', "no source_id", True),
    "bool-id": (
        b'{"source": "greenhouse", "board": "acme", "source_id": true, "title": "x"}\n',
        "source_id is a bool",
        True,
    ),
}


def open_ids(warehouse: Path) -> set[str]:
    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute("select posting_id from postings_core where is_open").fetchall()
    finally:
        con.close()
    return {r[0] for r in rows}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_line_is_skipped_named_and_keeps_its_board_open(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    request.node.faults_injected = 1
    damage, reason, names_acme = DAMAGE[kind]
    lake, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    gh = b"".join(line("greenhouse", "acme", i) for i in "12345")
    gh += b"".join(line("greenhouse", "beta", i) for i in "123")
    write_run(
        lake,
        R1,
        {
            "greenhouse.jsonl": gh,
            "lever.jsonl": line("lever", "gamma", "1") + line("lever", "gamma", "2"),
        },
        {"greenhouse:acme": 5, "greenhouse:beta": 3, "lever:gamma": 2},
    )
    # day 2: acme 4 and 5 are still listed but line 4 is damaged (and 5 follows a torn line's
    # glue or is simply absent); beta 3 and gamma 2 were really taken down
    gh2 = b"".join(line("greenhouse", "acme", i) for i in "123")
    gh2 += b"".join(line("greenhouse", "beta", i) for i in "12")
    gh2 += damage  # the last line: a torn one has no newline
    write_run(
        lake,
        R2,
        {"greenhouse.jsonl": gh2, "lever.jsonl": line("lever", "gamma", "1")},
        {"greenhouse:acme": 5, "greenhouse:beta": 2, "lever:gamma": 1},
    )
    derived_root = tmp_path / "extracted"
    for run in (R1, R2):
        derived, stats = extract_lake(lake_files(lake, [run]), derived_root, "t1")
        loaded = load_stage(warehouse, lake, run, derived)

    # extraction and load skipped the same line, for the same named reason
    expected = f"{lake / R2 / 'greenhouse.jsonl'}:6: {reason}"
    assert stats.lake_lines_skipped == 1 and stats.skip_reasons == {reason: 1}
    assert stats.skipped_lines[0]["line"] == 6 and stats.skipped_lines[0]["reason"] == reason
    assert loaded["lake_lines_skipped"] == 1 and loaded["skipped_lines"] == [expected]
    assert stats.postings == 6  # the 6 good lines reach extraction
    assert loaded["unchanged"] == 6

    still_open = open_ids(warehouse)
    assert {"greenhouse:acme:4", "greenhouse:acme:5"} <= still_open  # never closed by a bad line
    assert "lever:gamma:2" not in still_open  # a clean board still closes what vanished
    beta_closed = "greenhouse:beta:3" not in still_open
    assert beta_closed == names_acme  # an unattributable line keeps every greenhouse board open
    con = connect(warehouse, read_only=True)
    try:
        rec = con.execute(
            "select listing_complete, error_messages from crawl_runs "
            "where run_id = $r and board = 'acme'",
            {"r": R2},
        ).fetchone()
    finally:
        con.close()
    assert rec[0] is False and any("lake line(s) skipped" in m for m in rec[1])


def test_a_clean_file_takes_the_fast_path_and_skips_nothing(tmp_path: Path) -> None:
    """Blank lines are not damage; a file DuckDB reads whole is staged by DuckDB alone."""
    lake, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    data = line("greenhouse", "acme", "1") + b"\n" + line("greenhouse", "acme", "2")
    write_run(lake, R1, {"greenhouse.jsonl": data}, {"greenhouse:acme": 2})
    derived, stats = extract_lake(lake_files(lake, [R1]), tmp_path / "extracted", "t1")
    loaded = load_stage(warehouse, lake, R1, derived)
    assert stats.lake_lines_skipped == 0 and loaded["lake_lines_skipped"] == 0
    assert loaded["new"] == 2 and stats.extracted == 2


def test_a_keyless_parquet_row_is_counted_not_fatal(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A Parquet partition has no lines to name: its keyless rows are dropped and counted
    (they were dropped silently before)."""
    request.node.faults_injected = 1
    import pyarrow as pa
    import pyarrow.parquet as pq

    from analytics.staging import stage_lake_file
    from pipelines.lake_read import LakeSkips

    part = tmp_path / f"run_id={R1}" / "source=lever"
    part.mkdir(parents=True)
    from pipelines.lake_parquet import SCHEMA

    rows = [{"board": "gamma", "source_id": "1", "title": "a"}, {"board": "gamma", "title": "b"}]
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    pq.write_table(table, part / "part-00000.parquet")
    con = connect(":memory:")
    skips = LakeSkips()
    assert stage_lake_file(con, part, R1, skips) == 1
    assert [(s.source, s.reason) for s in skips.items] == [
        ("lever", "1 Parquet row(s) without keys")
    ]
    assert con.execute("select count(*) from load_batch").fetchone()[0] == 1
