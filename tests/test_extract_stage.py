"""The extract stage's cache: a lake file counts as extracted only as it was then; lines
appended later (a late crawl group, a retried board) are extracted on the next pass."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.extract_stage import extract_lake, iter_lake_records
from pipelines.records import Posting, compute_content_hash, posting_key


def _line(source_id: str, title: str) -> str:
    posting = Posting(
        source="lever",
        board="acme",
        source_id=source_id,
        title=title,
        description_text="You will build RAG pipelines in Python and evaluate LLM outputs.",
    )
    posting.content_hash = compute_content_hash(posting)
    return json.dumps(posting.to_dict()) + "\n"


def test_a_grown_lake_file_is_extracted_again_for_its_new_postings(tmp_path: Path) -> None:
    lake_file = tmp_path / "raw" / "20261122T000000Z-abcdef" / "lever.jsonl"
    lake_file.parent.mkdir(parents=True)
    lake_file.write_text(_line("1", "ML Engineer") + _line("2", "AI Engineer"), encoding="utf-8")
    derived = tmp_path / "extracted"

    (out,), first = extract_lake([lake_file], derived, "tv")
    assert first.extracted == 2 and first.files_cached == 0
    _, again = extract_lake([lake_file], derived, "tv")
    assert again.files_cached == 1 and again.extracted == 0
    _, forced = extract_lake([lake_file], derived, "tv", force=True)
    assert forced.extracted == 2 and len(list(iter_lake_records(out))) == 2

    with lake_file.open("a", encoding="utf-8") as fh:
        fh.write(_line("3", "LLM Engineer"))
    known = {(r["posting_key"], r["content_hash"]) for r in iter_lake_records(out)}
    _, grown = extract_lake([lake_file], derived, "tv", known_hashes=known)
    assert grown.files_cached == 0 and grown.extracted == 1 and grown.skipped_unchanged == 2
    # the earlier extractions stay in the derived file: reextract swaps in the union of them all
    keys = [r["posting_key"] for r in iter_lake_records(out)]
    assert keys == [posting_key("lever", "acme", i) for i in ("1", "2", "3")]
    _, settled = extract_lake([lake_file], derived, "tv", known_hashes=known)
    assert settled.files_cached == 1


def test_a_scale_out_unit_of_a_grown_lake_file_is_not_taken_as_done(tmp_path: Path) -> None:
    from flows.scale import extract_unit

    lake_file = tmp_path / "raw" / "20261122T000000Z-abcdef" / "lever.jsonl"
    lake_file.parent.mkdir(parents=True)
    lake_file.write_text(_line("1", "ML Engineer"), encoding="utf-8")
    derived = tmp_path / "extracted"
    assert extract_unit(lake_file, derived, "tv")["extracted"] == 1
    assert extract_unit(lake_file, derived, "tv")["files_cached"] == 1
    with lake_file.open("a", encoding="utf-8") as fh:
        fh.write(_line("2", "AI Engineer"))
    grown = extract_unit(lake_file, derived, "tv")
    assert grown["files_cached"] == 0 and grown["extracted"] == 1  # the earlier one is kept
    assert len(list(iter_lake_records(Path(grown["output"])))) == 2
    forced = extract_unit(lake_file, derived, "tv", force=True)
    assert forced["extracted"] == 2
