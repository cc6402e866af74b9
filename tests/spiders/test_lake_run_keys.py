"""The crawl's view of its own run's lake file: read once per process, then only what was added."""

import json
from pathlib import Path

from spiders.lake import _run_lake_keys


def _line(source_id: str, board: str = "acme") -> str:
    rec = {"source": "greenhouse", "board": board, "source_id": source_id, "title": "ML Engineer"}
    return json.dumps(rec) + "\n"


def test_keys_follow_appends_and_count_each_bad_line_once(tmp_path: Path) -> None:
    path = tmp_path / "greenhouse.jsonl"
    path.write_text(_line("1") + _line("2"), encoding="utf-8")
    keys, skips = _run_lake_keys(path)
    assert len(keys) == 2 and len(skips) == 0
    with path.open("a", encoding="utf-8") as fh:  # another board's postings, then a torn line
        fh.write(_line("3", board="other") + '{"source": "greenhouse", "bo')
    keys, skips = _run_lake_keys(path)
    assert len(keys) == 3 and skips.by_reason() == {"torn line": 1}
    with path.open("a", encoding="utf-8") as fh:  # a retried write glued onto the torn line
        fh.write(_line("4"))
    keys, skips = _run_lake_keys(path)
    assert len(keys) == 4  # the glued record is read from where the torn line ended
    assert skips.by_reason() == {"torn line": 1}  # and the torn line is not counted twice


def test_a_replaced_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "greenhouse.jsonl"
    path.write_text(_line("1") + _line("2") + _line("3"), encoding="utf-8")
    assert len(_run_lake_keys(path)[0]) == 3
    replacement = tmp_path / "new.jsonl"
    replacement.write_text(_line("9"), encoding="utf-8")
    replacement.replace(path)  # a new file under the same name: nothing of the old one is kept
    keys, _ = _run_lake_keys(path)
    assert len(keys) == 1
