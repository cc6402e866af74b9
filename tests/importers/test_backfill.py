"""`jobtrends backfill hn`: the replica's past monthly threads become one monthly series of the
same source, with the period it covers recorded; ATS sources cannot be backfilled."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from importers.coverage import source_coverage
from spiders.demo.generator import generate_board
from spiders.demo.router import Router
from tests.importers.helpers import jobtrends, query

W = "jobtrends.duckdb"


def _config(work: Path) -> Path:
    path = work / "jobtrends.toml"
    path.write_text("[demo]\npostings = 60\nseed = 3\n", encoding="utf-8")
    return path


def test_backfill_24_months_gives_24_monthly_points(work: Path) -> None:
    cfg = _config(work)
    result = jobtrends("backfill", "hn", "--months", "24", "--config", str(cfg))
    assert result.exit_code == 0, result.output
    months = query(
        work / W,
        "select posted_month, count(*) from postings where source = 'hn' group by 1 order by 1",
    )
    assert len(months) == 24
    assert str(months[0][0]) == "2024-12-01" and str(months[-1][0]) == "2026-11-01"
    assert all(n > 0 for _m, n in months)
    # every posting is dated inside its thread's month
    assert source_coverage(work / "data/raw") == {
        ("hn", "whoishiring"): ("2024-12-01", "2026-11-30")
    }
    assert "24 month(s) 2024-12-01 .. 2026-11-30" in result.stdout
    # a second, shorter backfill adds nothing: the same threads are the same postings
    again = jobtrends("backfill", "hn", "--months", "2", "--config", str(cfg))
    assert again.exit_code == 0, again.output
    assert "new 0," in again.stdout
    assert query(work / W, "select count(distinct posted_month) from postings")[0][0] == 24


def test_backfill_refuses_sources_without_a_past(work: Path) -> None:
    bad = jobtrends("backfill", "greenhouse", "--months", "3")
    assert bad.exit_code == 2 and "only hn" in bad.stderr
    assert jobtrends("backfill", "hn", "--months", "0").exit_code == 2
    assert not (work / W).exists()


def test_replica_title_search_pages_through_past_threads() -> None:
    board = generate_board(seed=3, n_postings=30, n_companies=3, as_of=date(2026, 11, 1))
    router = Router(board, "http://replica")
    path = "/hn/algolia/api/v1/search_by_date"
    q = {"tags": "story,author_whoishiring", "query": "Who is hiring", "hitsPerPage": "10"}
    titles: list[str] = []
    for page in range(3):
        doc = json.loads(router.route(path, {**q, "page": str(page)}).body)
        titles += [h["title"] for h in doc["hits"]]
    assert doc["nbPages"] == 3 and len(titles) == 25 == len(set(titles))
    assert titles[0] == "Ask HN: Who is hiring? (November 2026)"
    assert titles[-1] == "Ask HN: Who is hiring? (November 2024)"
    # the plain listing (what the daily crawl asks) still shows the current month only
    plain = json.loads(router.route(path, {"tags": "story,author_whoishiring"}).body)
    assert [h["title"] for h in plain["hits"]].count("Ask HN: Who is hiring? (November 2026)") == 1
    assert plain["nbHits"] == 3
    # a past thread's tree is served by id, comments in its own month
    past = next(h for h in json.loads(router.route(path, {**q, "page": "1"}).body)["hits"])
    tree = json.loads(router.route(f"/hn/algolia/api/v1/items/{past['objectID']}", {}).body)
    assert tree["title"] == past["title"] and tree["children"]
    assert {c["created_at"][:7] for c in tree["children"]} == {past["created_at"][:7]}


def test_backfill_dates_a_late_comment_into_its_threads_month() -> None:
    from scrapy.http import Request, TextResponse

    from spiders.kinds.hn import HnSpider
    from spiders.source_config import SourceConfig

    spider = HnSpider(source=SourceConfig(kind="hn", board="whoishiring", base_url="http://x"))
    spider.backfill = True
    thread = {
        "id": 7,
        "children": [
            {"id": 8, "text": "Acme | ML Engineer | Berlin", "created_at": "2026-03-30T10:00:00Z"},
            {
                "id": 9,
                "text": "Bolt | Data Engineer | Remote",
                "created_at": "2026-04-02T09:00:00Z",
            },
        ],
    }
    url = "http://x/api/v1/items/7"
    response = TextResponse(
        url, body=json.dumps(thread).encode(), encoding="utf-8", request=Request(url)
    )
    posted = {p.company: p.posted_at for p in spider.parse_thread(response, month="2026-03")}
    assert posted == {"Acme": "2026-03-30T10:00:00Z", "Bolt": "2026-03-01T00:00:00Z"}
    spider.backfill = False  # the daily crawl keeps the comment's own time
    posted = {p.company: p.posted_at for p in spider.parse_thread(response, month="2026-03")}
    assert posted["Bolt"] == "2026-04-02T09:00:00Z"
