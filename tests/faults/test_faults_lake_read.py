"""The lake is read tolerantly and loudly, by one reader for extraction and load: a torn, corrupt,
non-object, invalid-UTF-8 or keyless line is skipped with its file, line and reason, never fails
the run, and the board it may belong to closes nothing from that run (other boards still do)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fault_kit import wrongly_closed

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
    listed = {"greenhouse:acme:4", "greenhouse:acme:5"}
    assert not wrongly_closed(listed, still_open)  # never closed by a bad line
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


# --- every lake read goes through the one reader: crawl records and the crawl-retry path ---

#: crawl-record damage: a list, a record without its board, a byte that is not UTF-8
BAD_RECORDS = (
    b"[1, 2]\n",
    b'{"source": "lever", "status": "ok", "listing_complete": true}\n',
    json.dumps(crawl_record(R1, "greenhouse", "beta", 2)).encode().replace(b"ok", b"\xffk") + b"\n",
)


def damaged_records(folder: Path) -> Path:
    """A run's _crawl_runs.jsonl with acme's good record first, then the three bad lines."""
    path = folder / "_crawl_runs.jsonl"
    good = json.dumps(crawl_record(R1, "greenhouse", "acme", 2)).encode() + b"\n"
    path.write_bytes(good + b"".join(BAD_RECORDS))
    return path


def test_damaged_crawl_records_are_counted_skips_not_a_failed_load(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The loader and the crawl-retry check read _crawl_runs.jsonl by the lake reader's rules
    (a list line, a board-less record or a bad byte failed the load or the retry check before);
    the skipped lines are counted and named, and the board they name closes nothing."""
    from flows.crawl import crawled_ok

    request.node.faults_injected = len(BAD_RECORDS)
    lake, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    gh = b"".join(line("greenhouse", "acme", i) for i in "12")
    gh += b"".join(line("greenhouse", "beta", i) for i in "12")
    write_run(lake, R1, {"greenhouse.jsonl": gh}, {})
    path = damaged_records(lake / R1)
    assert crawled_ok(lake, R1) == {"greenhouse:acme"}
    loaded = load_stage(warehouse, lake, R1, [])
    assert loaded["new"] == 4 and loaded["crawl_boards"] == 1
    assert loaded["lake_lines_skipped"] == 3
    assert loaded["skipped_lines"] == [
        f"{path}:2: not a JSON object (list)",
        f"{path}:3: no board",
        f"{path}:4: invalid UTF-8",
    ]


@pytest.mark.parametrize(
    "field, value", [("listing_complete", "false"), ("items", "1"), ("error_messages", "x")]
)
def test_a_crawl_record_with_a_wrongly_typed_field_is_skipped_and_closes_nothing(
    field: str, value: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A crawl record is trusted for closures only when its fields have their types: a
    listing_complete of "false" was read as true, items "1" and error_messages "x" were
    coerced, and each closed acme 2 from a record that proves nothing; now the record is a
    named skip, the board has no record and nothing closes."""
    request.node.faults_injected = 1
    lake, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    write_run(lake, R1, {"greenhouse.jsonl": gh_lines("12")}, {"greenhouse:acme": 2})
    load_stage(warehouse, lake, R1, [])
    write_run(lake, R2, {"greenhouse.jsonl": gh_lines("1")}, {})
    record = {**crawl_record(R2, "greenhouse", "acme", 1), field: value}
    path = lake / R2 / "_crawl_runs.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    loaded = load_stage(warehouse, lake, R2, [])
    assert loaded["skipped_lines"] == [f"{path}:1: {field} is a str"]
    assert loaded["closed"] == 0 and loaded["crawl_boards"] == 0
    assert not wrongly_closed({"greenhouse:acme:1", "greenhouse:acme:2"}, open_ids(warehouse))


def gh_lines(ids: str) -> bytes:
    return b"".join(line("greenhouse", "acme", i) for i in ids)


def test_crawl_records_read_from_an_offset_keep_their_line_numbers(tmp_path: Path) -> None:
    """The crawl child's records are the lines it appended (read from the offset before it ran),
    the first one too when it was glued onto a line torn by an earlier killed child."""
    from pipelines.lake_read import LakeSkips, read_crawl_records

    path = damaged_records(tmp_path)
    with path.open("ab") as fh:
        fh.write(b'{"source": "lever", "board": "gam')
    offset = path.stat().st_size
    with path.open("ab") as fh:
        fh.write(json.dumps(crawl_record(R1, "lever", "gamma", 1)).encode() + b"\n{torn")
    skips = LakeSkips()
    got = list(read_crawl_records(path, skips, start=offset))
    assert [r["board"] for r in got] == ["gamma"]
    assert [str(s) for s in skips.items] == [f"{path}:6: torn line"]
    assert list(read_crawl_records(tmp_path / "none.jsonl")) == []


class _Spider:
    """What the pipelines read of a spider (a board's crawl), without Scrapy."""

    def __init__(self, lake: Path, run_id: str, board: str) -> None:
        import logging

        self.lake_dir, self.run_id, self.board = lake, run_id, board
        self.items_stored = 0
        self.ignored: dict[str, int] = {}
        self.logger = logging.getLogger("test.spider")

    def note_ignored(self, reason: str, count: int = 1) -> None:
        self.ignored[reason] = self.ignored.get(reason, 0) + count


def test_a_retried_crawl_writes_again_what_the_lake_cannot_read(
    tmp_path: Path, request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    """A retried crawl skips postings already in the run's lake, but only lines the lake
    reader can use count as stored: acme 2 behind a bad byte and acme 3 on a corrupt line are
    written again (the first was taken as stored before and the loader then skipped it)."""
    from types import SimpleNamespace

    from scrapy.exceptions import DropItem

    from spiders.lake import DedupePipeline

    request.node.faults_injected = 2
    lake = tmp_path / "raw"
    bad_byte = line("greenhouse", "acme", "2").replace(b"AI Engineer", b"AI \xff Engineer")
    data = line("greenhouse", "acme", "1") + bad_byte + line("greenhouse", "acme", "3")[:-30]
    data += b"\n" + line("greenhouse", "beta", "1")
    write_run(lake, R1, {"greenhouse.jsonl": data}, {})
    spider = _Spider(lake, R1, "acme")
    pipe = DedupePipeline(SimpleNamespace(spider=spider))
    passed = []
    for sid in "123":
        item = {"source": "greenhouse", "board": "acme", "source_id": sid}
        try:
            passed.append(pipe.process_item(item)["source_id"])
        except DropItem:
            pass
    assert passed == ["2", "3"] and spider.items_stored == 1
    assert spider.ignored == {
        "unreadable line in this run's lake (invalid UTF-8)": 1,
        "unreadable line in this run's lake (corrupt JSON)": 1,
    }
    where = str(lake / R1 / "greenhouse.jsonl")
    assert f"{where}:2: invalid UTF-8" in caplog.text and f"{where}:3: corrupt JSON" in caplog.text


# --- the JSONL -> Parquet conversion reads by the same rules and never copies garbage ---


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_parquet_conversion_skips_a_damaged_line_and_names_it_to_the_loader(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A damaged line is not copied into the Parquet lake (a keyless or bool-keyed one was
    copied as a row before, the others vanished unnamed); the partition carries its name, so
    staging the partition counts it and its board closes nothing from that run."""
    from analytics.staging import stage_lake_file
    from flows.load import keep_open_where_skipped
    from pipelines.lake_parquet import convert_lake, partitions
    from pipelines.lake_read import LakeSkips

    request.node.faults_injected = 1
    damage, reason, names_acme = DAMAGE[kind]
    lake, root = tmp_path / "raw", tmp_path / "pq"
    gh = b"".join(line("greenhouse", "acme", i) for i in "123") + damage
    gh += b"" if kind == "torn" else line("greenhouse", "beta", "1")  # a torn line is the last
    write_run(lake, R1, {"greenhouse.jsonl": gh}, {"greenhouse:acme": 4, "greenhouse:beta": 1})
    converted = LakeSkips()
    convert_lake(lake, root, [R1], converted)
    expected = [f"{lake / R1 / 'greenhouse.jsonl'}:4: {reason}"]
    assert [str(s) for s in converted.items] == expected
    convert_lake(lake, root, [R1])  # idempotent: the rewrite names the same line once
    (part,) = partitions(root, [R1])
    con = connect(":memory:")
    staged = LakeSkips()
    stage_lake_file(con, part, R1, staged)
    assert [str(s) for s in staged.items] == expected
    rows = con.execute("select posting_id from load_batch order by 1").fetchall()
    beta = [] if kind == "torn" else ["greenhouse:beta:1"]
    assert [r[0] for r in rows] == [f"greenhouse:acme:{i}" for i in "123"] + beta
    records = [crawl_record(R1, "greenhouse", b, 1) for b in ("acme", "beta")]
    kept = {r["board"]: r["listing_complete"] for r in keep_open_where_skipped(records, staged)}
    assert kept == {"acme": False, "beta": names_acme}


def test_parquet_conversion_of_wrongly_typed_fields_never_fails_nor_copies_garbage(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A number as title failed the whole conversion and a string as locations was copied as a
    list of its letters; now such a field is left empty and counted, a lone surrogate is
    replaced, a line filed under another source is skipped by name, every line is accounted."""
    from collections import Counter

    from pipelines.lake_parquet import convert_lake, iter_partition_records, partitions
    from pipelines.lake_read import LakeSkips

    request.node.faults_injected = 4
    lake, root = tmp_path / "raw", tmp_path / "pq"
    odd = json.loads(line("greenhouse", "acme", "2"))
    odd.update(title=5, locations="Remote", country_codes=[1])
    data = line("greenhouse", "acme", "1") + json.dumps(odd).encode() + b"\n"
    data += line("greenhouse", "acme", "3").replace(b"You will", b"You \\ud800 will")
    data += line("lever", "gamma", "1")
    write_run(lake, R1, {"greenhouse.jsonl": data}, {"greenhouse:acme": 3})
    skips, emptied = LakeSkips(), Counter[str]()
    convert_lake(lake, root, [R1], skips, emptied)
    (part,) = partitions(root, [R1])
    got = {r["source_id"]: r for r in iter_partition_records(part)}
    assert sorted(got) == ["1", "2", "3"]
    assert (got["2"]["title"], got["2"]["locations"], got["2"]["country_codes"]) == (None, [], [])
    assert got["3"]["description_text"].startswith("You \ufffd will")
    assert got["1"]["title"] == "AI Engineer 1" and got["1"]["locations"] == []
    assert emptied == {
        "title is a int": 1,
        "locations is a str": 1,
        "country_codes holds a int": 1,
        "unencodable characters replaced": 1,
    }
    where = lake / R1 / "greenhouse.jsonl"
    assert [str(s) for s in skips.items] == [f"{where}:4: source 'lever' in the greenhouse file"]


def test_a_damaged_extraction_line_is_counted_by_the_load(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Derived extraction files are read by the same reader: a damaged line (a disk error, a
    hand edit) was dropped without a word; now the load counts and names it, and the postings
    and the other extractions still load."""
    from flows.progress import load_line

    request.node.faults_injected = 1
    lake, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    write_run(lake, R1, {"greenhouse.jsonl": gh_lines("12")}, {"greenhouse:acme": 2})
    (derived,), _ = extract_lake(lake_files(lake, [R1]), tmp_path / "extracted", "t1")
    good = derived.read_bytes().splitlines(keepends=True)
    derived.write_bytes(good[0][:50] + b"\n" + good[1])
    loaded = load_stage(warehouse, lake, R1, [derived])
    assert loaded["new"] == 2 and loaded["extracted"] == 1
    assert loaded["derived_lines_skipped"] == 1
    assert loaded["derived_skipped_lines"] == [f"{derived}:1: corrupt JSON"]
    assert loaded["lake_lines_skipped"] == 0  # the lake itself is whole: its boards may close
    assert "1 extraction lines skipped" in load_line(loaded)
