"""Unit tests without a crawl: item pipelines, Retry-After parsing, discovery helpers, sources.toml."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from spider_replica import Replica, read_jsonl

from pipelines.records import Posting
from spiders.lake import (
    DedupePipeline,
    LakeWriterPipeline,
    NormalisePipeline,
    ValidatePipeline,
    new_run_id,
)
from spiders.middlewares import retry_after_seconds
from spiders.parsers.common import iso_utc
from spiders.parsers.hn import find_hiring_threads
from spiders.parsers.jsonld import discover_job_links, parse_sitemap
from spiders.run import crawl
from spiders.settings import build_settings
from spiders.source_config import SourceConfig, SourceConfigError
from spiders.sources_file import check_source, load_sources, make_source, save_sources


def posting(**kw: object) -> dict:
    base = {"source": "lever", "board": "acme", "source_id": "1", "title": "  ML   Engineer "}
    return Posting(**{**base, **kw}).to_dict()  # type: ignore[arg-type]


def test_pipelines_normalise_validate_dedupe_store(tmp_path: Path) -> None:
    norm, valid, dedupe = NormalisePipeline(), ValidatePipeline(), DedupePipeline()
    writer = LakeWriterPipeline(tmp_path, "RUN1")
    item = valid.process_item(
        norm.process_item(posting(workplace_type="Remote", locations=["Paris", "Paris", ""]))
    )
    assert item["title"] == "ML Engineer" and item["workplace_type"] == "unknown"
    assert item["locations"] == ["Paris"] and item["content_hash"]
    writer.process_item(dedupe.process_item(item))
    with pytest.raises(DropItem, match="duplicate posting lever:acme:1"):
        dedupe.process_item(dict(item))
    with pytest.raises(DropItem, match="missing title"):
        valid.process_item(norm.process_item(posting(title="  ")))
    rows = read_jsonl(tmp_path / "RUN1" / "lever.jsonl")
    assert len(rows) == 1 and rows[0]["run_id"] == "RUN1"


def test_run_id_format() -> None:
    import re

    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", new_run_id())


def test_retry_after_parsing() -> None:
    now = datetime(2026, 11, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds("Sun, 01 Nov 2026 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Sun, 01 Nov 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_iso_utc_variants() -> None:
    assert iso_utc(1790000000123) == iso_utc(1790000000) == "2026-09-21T14:13:20Z"
    assert iso_utc("2026-09-11 15:16:33 UTC") == "2026-09-11T15:16:33Z"
    assert iso_utc("2026-07-17T08:48:22-04:00") == "2026-07-17T12:48:22Z"
    assert iso_utc("Fri, 11 Sep 2026 07:30:48 +0000") == "2026-09-11T07:30:48Z"
    assert iso_utc("2026-05-29") == "2026-05-29T00:00:00Z"
    assert iso_utc("not a date") is None and iso_utc(None) is None


def test_discovery_helpers() -> None:
    html = (
        '<a href="/careers/x/jobs/1">1</a><a href="https://other.example/careers/x/jobs/2">2</a>'
        '<a href="/careers/x/jobs/">self</a><link rel="next" href="?page=2">'
    )
    jobs, nexts = discover_job_links(html, page_url="https://x.example/careers/x/jobs")
    assert jobs == ["https://x.example/careers/x/jobs/1"]
    assert nexts == ["https://x.example/careers/x/jobs?page=2"]
    index = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://x.example/jobs.xml</loc></sitemap></sitemapindex>"
    )
    assert parse_sitemap(index.encode()) == ([], ["https://x.example/jobs.xml"])


def test_find_hiring_threads_skips_other_whoishiring_posts() -> None:
    payload = {
        "hits": [
            {
                "objectID": "3",
                "title": "Ask HN: Freelancer? Seeking freelancer? (May 2026)",
                "created_at_i": 3,
            },
            {"objectID": "1", "title": "Ask HN: Who is hiring? (April 2026)", "created_at_i": 1},
            {"objectID": "2", "title": "Ask HN: Who is hiring? (May 2026)", "created_at_i": 2},
        ]
    }
    assert [t["id"] for t in find_hiring_threads(payload, limit=2)] == ["2", "1"]


def test_user_agent_names_contact() -> None:
    assert (
        build_settings({"CONTACT_URL": "https://example.org/bot"})["USER_AGENT"]
        == "jobtrends/0.1 (+https://example.org/bot)"
    )
    assert build_settings()["ROBOTSTXT_OBEY"] is True


def test_sources_file_roundtrip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nkind = "greenhouse"\nboard = "anthropic"\ntitle_keywords = ["engineer"]\n\n'
        '[[source]]\nkind = "lever"\nboard = "mistral"\nregion = "eu"\n\n'
        '[[source]]\nkind = "recruitee"\nboard = "polderai"\n\n'
        '[[source]]\nkind = "jsonld"\nboard = "sirius"\nstart_url = "https://sirius.example/careers/jobs"\n'
    )
    sources = load_sources(path)
    assert [s.base_url for s in sources] == [
        "https://boards-api.greenhouse.io",
        "https://api.eu.lever.co",
        "https://polderai.recruitee.com",
        "https://sirius.example/careers",
    ]
    assert sources[0].title_keywords == ("engineer",)
    save_sources(tmp_path / "out.toml", sources)
    assert load_sources(tmp_path / "out.toml") == sources
    assert load_sources(tmp_path / "missing.toml") == []


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({"kind": "greenhose", "board": "x"}, "kind 'greenhose' is not one of"),
        ({"kind": "lever"}, "board is missing"),
        ({"kind": "lever", "board": "x", "title_keywords": "ai"}, "title_keywords must be a list"),
        ({"kind": "lever", "board": "x", "base_url": "ftp://x"}, "only http:// and https://"),
        ({"kind": "jsonld", "board": "x"}, "jsonld needs start_url"),
        ({"kind": "lever", "board": "x", "bored": 1}, "unknown key(s) bored"),
    ],
)
def test_source_errors_are_one_line(entry: dict, fragment: str) -> None:
    with pytest.raises(SourceConfigError) as info:
        make_source(entry, where="sources.toml entry #1")
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith("sources.toml entry #1")


def test_duplicate_and_malformed_files(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[[source]]\nkind="lever"\nboard="a"\n[[source]]\nkind="lever"\nboard="a"\n')
    with pytest.raises(SourceConfigError, match="listed twice"):
        load_sources(path)
    path.write_text("[[source]\nkind=")
    with pytest.raises(SourceConfigError, match="malformed TOML"):
        load_sources(path)


def test_check_source(replica: Replica) -> None:
    replica.json("/greenhouse/v1/boards/acme/jobs", {"jobs": []})
    replica.json("/greenhouse/v1/boards/nope/jobs", {"status": 404}, status=404)
    ok, msg = check_source(
        SourceConfig(kind="greenhouse", board="acme", base_url=replica.url("/greenhouse"))
    )
    assert ok and "OK" in msg
    ok, msg = check_source(
        SourceConfig(kind="greenhouse", board="nope", base_url=replica.url("/greenhouse"))
    )
    assert not ok and "HTTP 404" in msg and "board token" in msg


def test_example_sources_file_is_valid() -> None:
    sources = load_sources(Path(__file__).resolve().parents[2] / "sources.example.toml")
    assert len(sources) >= 5


def test_crawl_with_no_sources(tmp_path: Path) -> None:
    assert crawl([], tmp_path, new_run_id()) == []


def test_title_keyword_pattern() -> None:
    from spiders.base import keyword_pattern

    pat = keyword_pattern(["ai", "data scien*", "machine learning"])
    assert pat is not None
    hits = [
        t
        for t in (
            "AI Engineer",
            "Maintenance Lead",
            "Senior Data Scientist",
            "Machine Learning Eng",
            "Chair",
        )
        if pat.search(t)
    ]
    assert hits == ["AI Engineer", "Senior Data Scientist", "Machine Learning Eng"]
    assert keyword_pattern([]) is None


def test_replica_source_layout() -> None:
    from spiders.sources_file import replica_source

    root = "http://127.0.0.1:8123"
    assert replica_source("greenhouse", "acme", root).base_url == f"{root}/greenhouse"
    assert replica_source("recruitee", "acme", root).base_url == f"{root}/recruitee/acme"
    site = replica_source("jsonld", "acme", root)
    assert (site.base_url, site.start_url) == (f"{root}/careers/acme", f"{root}/careers/acme/jobs")
