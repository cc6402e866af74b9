"""The replica serves the messy shapes the crawler must meet: HN headers in every separator
style, slightly invalid JSON-LD blocks, Workable's newer careers-page API. A crawl of each gets
every posting out (compared with the replica's truth), with no skip."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from spiders.demo import DemoBoard, DemoServer, generate_board
from spiders.demo.render_jsonld import flaw_for
from spiders.demo.side import hn_style
from spiders.run import crawl
from spiders.source_config import SourceConfig

FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}


@pytest.fixture(scope="module")
def board() -> DemoBoard:
    return generate_board(seed=11, n_postings=200, n_companies=8)


def _crawl(sources: list[SourceConfig], lake: Path) -> list[dict[str, Any]]:
    return crawl(sources, lake, "run-shapes", FAST)


def _lines(lake: Path, kind: str) -> list[dict[str, Any]]:
    import json

    path = lake / "run-shapes" / f"{kind}.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_hn_header_styles_all_postings_out(board: DemoBoard, tmp_path: Path) -> None:
    assert board.hn is not None
    styles = Counter(hn_style(jobs[0].company, len(jobs)) for _c, jobs, _r in board.hn.comments)
    assert len(styles) >= 4, styles  # the replica really serves several header styles
    with DemoServer(board) as srv:
        (rec,) = _crawl([s for s in srv.sources() if s.kind == "hn"], tmp_path)
        at = srv._router.at  # type: ignore[union-attr]
    truth = Counter(j.title for _c, jobs, _r in board.hn.comments for j in jobs if j.is_open(at))
    got = Counter(p["title"] for p in _lines(tmp_path, "hn"))
    assert got == truth
    assert rec["skipped"] == {} and rec["listing_complete"] is True
    assert rec["ignored"].get("reply", 0) > 0


def test_invalid_jsonld_pages_still_give_their_postings(board: DemoBoard, tmp_path: Path) -> None:
    with DemoServer(board) as srv:
        sources = [s for s in srv.sources() if s.kind == "jsonld"]
        records = _crawl(sources, tmp_path)
        at = srv._router.at  # type: ignore[union-attr]
    open_jobs = [j for s in sources for j in board.company_jobs(s.board, at)]
    assert any(flaw_for(j) for j in open_jobs)  # some pages carry invalid JSON-LD
    got = {(p["board"], p["source_id"]) for p in _lines(tmp_path, "jsonld")}
    assert len(got) == len(open_jobs)
    assert all(r["skipped"] == {} and r["listing_complete"] for r in records)
    lenient = sum(
        r["ignored"].get("JSON-LD block read leniently (invalid JSON)", 0) for r in records
    )
    assert lenient == sum(1 for j in open_jobs if flaw_for(j))


def test_workable_newer_api_with_detail_calls(board: DemoBoard, tmp_path: Path) -> None:
    with DemoServer(board) as srv:
        wk = next(s for s in srv.sources() if s.kind == "workable")
        v3 = SourceConfig(
            kind="workable",
            board=wk.board,
            base_url=wk.base_url,
            start_url=f"{wk.base_url}/api/v3/accounts/{wk.board}/jobs",
        )
        (rec,) = _crawl([v3], tmp_path / "v3")
        (rec_widget,) = _crawl([wk], tmp_path / "widget")
        posts = [m for m, p, _s in srv.requests if "/api/v3/" in p]
    assert posts and set(posts) == {"POST"}
    new = {p["source_id"]: p for p in _lines(tmp_path / "v3", "workable")}
    old = {p["source_id"]: p for p in _lines(tmp_path / "widget", "workable")}
    assert rec["status"] == "ok" and rec_widget["status"] == "ok"
    assert set(new) == set(old) and new
    for code, posting in new.items():
        assert posting["title"] == old[code]["title"]
        assert posting["description_html"] == old[code]["description_html"]
        assert posting["locations"] == old[code]["locations"]
