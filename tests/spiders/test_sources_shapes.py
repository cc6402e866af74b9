"""Real-shape cases across kinds: lenient JSON-LD, Workable shapes, places only in locations,
skips counted with their reason, the lake writer keeping what it cannot encode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.records import Posting, compute_content_hash
from spiders.lake import append_jsonl
from spiders.parsers.common import ResponseShapeError, collect_skipped, items_of
from spiders.parsers.jsonld import load_block, parse_jsonld
from spiders.parsers.places import split_locations, tidy
from spiders.parsers.workable import parse_workable


def test_jsonld_unescaped_quote_and_trailing_text_are_read() -> None:
    data, how = load_block('{"@type": "JobPosting", "title": "The "Core" team lead"} trailing')
    assert how == "repaired"
    assert data["title"] == 'The "Core" team lead'


def test_jsonld_block_that_cannot_be_read_is_a_counted_skip() -> None:
    html = (
        '<html><head><script type="application/ld+json">JobPosting: see below</script>'
        '<script type="application/ld+json">{"@type": "JobPosting", "title": "SRE",'
        '"identifier": "x-1"}</script></head><body></body></html>'
    )
    with collect_skipped() as notes:
        out = parse_jsonld(html, board="b", page_url="https://b.example/jobs/1")
    assert [p.title for p in out] == ["SRE"]
    assert [reason for reason, _ in notes.skipped] == ["unreadable JSON-LD block"]


def test_jsonld_broken_block_without_jobposting_is_only_ignored() -> None:
    html = '<html><head><script type="application/ld+json">&lt;&lt;</script></head></html>'
    with collect_skipped() as notes:
        assert parse_jsonld(html, board="b", page_url="https://b.example/") == []
    assert notes.skipped == []
    assert sum(notes.ignored.values()) == 1


def test_workable_unknown_shape_is_a_named_error_not_an_empty_board() -> None:
    with pytest.raises(ResponseShapeError, match="workable: unknown response shape"):
        parse_workable({"data": {"postings": []}}, board="acme")
    with pytest.raises(ResponseShapeError):
        parse_workable([], board="acme")


def test_workable_widget_empty_board_is_empty() -> None:
    assert parse_workable({"name": "Acme", "jobs": []}, board="acme") == []


def test_items_of_missing_key_is_unknown_shape_null_is_empty() -> None:
    assert items_of({"jobs": None}, "jobs") == []
    with pytest.raises(ResponseShapeError):
        items_of({"results": []}, "jobs")


def test_workable_widget_shortcode_in_two_countries_is_one_posting() -> None:
    job = {"shortcode": "AB12", "title": "Analyst", "telecommuting": False}
    payload = {
        "name": "Acme",
        "jobs": [
            {**job, "locations": [{"city": "Oslo", "country": "Norway", "countryCode": "NO"}]},
            {**job, "locations": [{"city": "Bergen", "country": "Norway", "countryCode": "NO"}]},
        ],
    }
    with collect_skipped() as notes:
        out = parse_workable(payload, board="acme")
    assert len(out) == 1
    assert out[0].locations == ["Oslo, Norway", "Bergen, Norway"]
    assert out[0].country_codes == ["NO"]
    assert notes.ignored == {"same shortcode listed again (locations merged)": 1}


def test_places_only() -> None:
    places, employment, visa = split_locations(
        ["Australia Locations", "Multiple Locations", "Permanent (Full-time)", "Visa possible"]
    )
    assert places == ["Australia"]
    assert employment == ["Permanent (Full-time)"]
    assert visa == ["Visa possible"]
    assert tidy(" Lyon, , France, ") == "Lyon, France"


def test_lake_writer_replaces_lone_surrogates(tmp_path: Path) -> None:
    path = tmp_path / "hn.jsonl"
    record = Posting(source="hn", board="b", source_id="1", title="Data \ud800 Engineer")
    record.content_hash = compute_content_hash(record)
    replaced = append_jsonl(path, record.to_dict())
    assert replaced == 1
    line = json.loads(path.read_text(encoding="utf-8"))
    assert line["title"] == "Data \ufffd Engineer"
