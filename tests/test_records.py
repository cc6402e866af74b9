"""The posting record's dict form: what every stage after the spiders reads."""

from __future__ import annotations

from dataclasses import asdict

from pipelines.records import Posting, compute_content_hash


def test_to_dict_matches_asdict_and_owns_its_mutable_values():
    pay = {"min": 150000, "max": 200000, "ranges": [{"unit": "YEAR"}]}
    posting = Posting(
        source="lever",
        board="acme",
        source_id="7",
        title="ML Engineer",
        locations=["Berlin"],
        country_codes=["DE"],
        salary_raw=pay,
    )
    data = posting.to_dict()
    assert data == asdict(posting)
    assert list(data) == list(asdict(posting))  # same key order: lake lines stay comparable
    data["locations"].append("Paris")
    data["salary_raw"]["ranges"][0]["unit"] = "HOUR"
    assert posting.locations == ["Berlin"]
    assert pay["ranges"][0]["unit"] == "YEAR"
    assert Posting.from_dict(posting.to_dict()) == posting
    assert compute_content_hash(posting) == compute_content_hash(asdict(posting))
