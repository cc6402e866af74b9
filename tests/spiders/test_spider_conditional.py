"""Development HTTP cache: unchanged boards are revalidated with conditional requests (304)."""

from __future__ import annotations

import json
from pathlib import Path

from spider_replica import FAST, Replica, read_jsonl
from werkzeug import Request, Response

from spiders.run import crawl, new_run_id
from spiders.source_config import SourceConfig

BOARD = {
    "jobs": [
        {
            "id": 7,
            "title": "AI Engineer",
            "content": "&lt;p&gt;RAG&lt;/p&gt;",
            "company_name": "Acme",
            "location": {"name": "Remote"},
            "absolute_url": "https://example.org/7",
            "updated_at": "2026-10-01T00:00:00Z",
            "first_published": "2026-09-01T00:00:00Z",
        }
    ],
    "meta": {"total": 1},
}


def test_second_crawl_sends_if_none_match_and_uses_the_304(
    replica: Replica, lake: Path, tmp_path: Path
) -> None:
    seen: list[str | None] = []

    def listing(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(
            json.dumps(BOARD),
            content_type="application/json",
            headers={"ETag": '"v1"', "Cache-Control": "max-age=0, must-revalidate"},
        )

    replica.handler("/greenhouse/v1/boards/acme/jobs", listing)
    replica.json("/greenhouse/v1/boards/acme/jobs/7", {**BOARD["jobs"][0], "pay_input_ranges": []})
    src = SourceConfig(kind="greenhouse", board="acme", base_url=replica.url("/greenhouse"))
    settings = {
        **FAST,
        "HTTPCACHE_ENABLED": True,
        "HTTPCACHE_DIR": str(tmp_path / "cache"),
        "HTTPCACHE_IGNORE_HTTP_CODES": [404],
    }
    runs = []
    for _ in range(2):
        run_id = new_run_id()
        records = crawl([src], lake, run_id, settings)
        runs.append((run_id, records))
    assert seen[0] is None and seen[-1] == '"v1"'
    for run_id, records in runs:
        assert records[0]["status"] == "ok"
        assert (
            len(read_jsonl(lake / run_id / "greenhouse.jsonl")) == 1
        )  # the 304 still yields the posting
