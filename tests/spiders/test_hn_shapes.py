"""HN "Who is hiring?" comments in 20 shapes -> postings (titles, fields, nothing lost)."""

from __future__ import annotations

from typing import Any

import pytest

from spiders.parsers.common import collect_skipped
from spiders.parsers.hn import parse_hn_comment, parse_hn_thread
from spiders.parsers.hn_header import classify, split_header
from tests.spiders.hn_shapes import SHAPES


def _parse(text: str) -> list[dict[str, Any]]:
    comment = {"id": 61000001, "text": text, "created_at": "2026-12-01T15:00:00.000Z"}
    return [p.to_dict() for p in parse_hn_comment(comment, board="whoishiring")]


def test_twenty_shapes() -> None:
    assert len(SHAPES) == 20
    assert len({name for name, _, _ in SHAPES}) == 20


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s[0])
def test_shape(shape: tuple[str, str, list[dict[str, Any]]]) -> None:
    _, text, expected = shape
    got = _parse(text)
    assert len(got) == len(expected), [p["title"] for p in got]
    for posting, want in zip(got, expected, strict=True):
        for key, value in want.items():
            assert posting[key] == value, (key, posting[key])
        assert posting["title"]
        assert posting["content_hash"]
    if len(got) > 1:  # one posting per role, keyed by role order
        assert [p["source_id"] for p in got] == [f"61000001-{n}" for n in range(1, len(got) + 1)]


def test_no_non_place_text_in_locations() -> None:
    banned = ("remote", "onsite", "hybrid", "full", "part", "contract", "visa", "$", "£", "http")
    for _, text, _ in SHAPES:
        for posting in _parse(text):
            for loc in posting["locations"]:
                assert not any(b in loc.lower() for b in banned), loc
                assert loc.strip(" ,") == loc and loc


def test_separator_chosen_per_header() -> None:
    assert split_header("A | B - C | D")[0] == ["A", "B - C", "D"]
    assert split_header("A - B - C")[0] == ["A", "B", "C"]
    assert split_header("Acme Remote")[1] is None


def test_field_kinds() -> None:
    assert classify("Visa sponsorship available") == "visa"
    # a visa word qualifying a role noun names the job, an offer to a role noun does not
    assert classify("VISA Engineer") == "role" and classify("Relocation Specialist") == "role"
    assert classify("Engineer, VISA Engineer") == "role"
    assert classify("Visa sponsorship for engineers") == "visa"
    assert classify("Engineers, visa sponsorship") == "visa"
    assert classify("No visa sponsorship") == "visa" and classify("H1B transfers") == "visa"
    assert classify("Permanent (Full-time)") == "employment"
    assert classify("$120k-$150k") == "pay"
    assert classify("Remote (EU)") == "work"
    assert classify("Staff Engineer") == "role"
    assert classify("Berlin, Germany") == "location"
    assert classify("acme.example/jobs") == "url"
    assert classify("Full-time + equity") == "employment"  # equity alone is not an amount
    # a title that opens with its work mode is the role (and the work mode is kept too)
    assert classify("Remote Engineer") == "role"
    assert classify("HYBRID ML Engineer") == "role"
    assert classify("Remote (US)") == "work" and classify("Onsite in NYC") == "work"


def test_a_work_mode_title_is_the_posting_role() -> None:
    from spiders.parsers.hn_header import parse_header

    head = parse_header("Acme | Remote ML Engineer | Full-time")
    assert head.roles == ["Remote ML Engineer"] and head.work == ["Remote"]


def test_time_zones_are_not_places() -> None:
    got = _parse("Kite | Platform Engineer | Remote, PT/ET hours preferred | $140k<p>Go.")
    assert got[0]["locations"] == [] and got[0]["workplace_type"] == "remote"
    got = _parse("Kite | SRE | On-site &amp; Remote (within 2h of CET timezone)<p>Go.")
    assert got[0]["locations"] == []


def test_replies_and_discussion_are_ignored_not_skipped() -> None:
    thread = {
        "id": 1,
        "children": [
            {
                "id": 2,
                "text": "Acme | Data Engineer | Remote",
                "children": [{"id": 3, "text": "Is this US only?", "children": []}],
            },
            {"id": 4, "text": "Great thread, thanks!"},
            {"id": 5, "deleted": True},
        ],
    }
    with collect_skipped() as notes:
        out = parse_hn_thread(thread, board="whoishiring")
    assert [p.title for p in out] == ["Data Engineer"]
    assert notes.skipped == []
    assert notes.ignored == {"reply": 1, "no posting header": 1, "deleted or dead comment": 1}


def test_search_hit_reply_is_ignored() -> None:
    hit = {"objectID": "9", "comment_text": "Acme | SRE | Remote", "parent_id": 8, "story_id": 1}
    with collect_skipped() as notes:
        assert parse_hn_comment(hit, board="b") == []
    assert notes.ignored == {"reply": 1}


def test_header_without_role_is_a_counted_skip() -> None:
    with collect_skipped() as notes:
        out = parse_hn_comment(
            {"id": 7, "text": "Acme | Multiple roles | Remote<p>See our site."}, board="b"
        )
    assert out == []
    assert [reason for reason, _ in notes.skipped] == ["no role"]


@pytest.mark.parametrize(
    ("header", "title", "workplace", "locations"),
    [
        (
            "Acme | Senior Backend Engineer (ONSITE) | San Francisco",
            "Senior Backend Engineer",
            "onsite",
            ["San Francisco"],
        ),
        ("Acme | Staff ML Engineer (Remote, US) | $200k", "Staff ML Engineer", "remote", ["US"]),
        ("Acme | Data Scientist (Hybrid - NYC) | Full-time", "Data Scientist", "hybrid", ["NYC"]),
        ("Acme | ML Engineer, onsite | Berlin", "ML Engineer", "onsite", ["Berlin"]),
        ("Acme | On site Engineer | Austin, TX", "On site Engineer", "onsite", ["Austin, TX"]),
        (
            "Acme | 100% Remote Backend Engineer | $150k",
            "100% Remote Backend Engineer",
            "remote",
            [],
        ),
        (
            "Acme | Remote-friendly ML Engineer | Full-time",
            "Remote-friendly ML Engineer",
            "remote",
            [],
        ),
        (
            "Acme | Platform Engineer (on-site, 4 days) | Boston",
            "Platform Engineer",
            "onsite",
            ["Boston"],
        ),
    ],
)
def test_a_role_with_its_work_mode_attached_is_a_posting(
    header: str, title: str, workplace: str, locations: list[str]
) -> None:
    """A role field that also names the work mode ("Engineer (ONSITE)", "Engineer, onsite") used
    to read as a work-mode field: the header had no role and the comment no posting."""
    got = _parse(f"{header}<p>We build evaluation tooling in Python.")
    assert [p["title"] for p in got] == [title]
    assert got[0]["workplace_type"] == workplace and got[0]["locations"] == locations


def test_pay_or_employment_beside_the_work_mode_in_a_role_tail_is_its_own_field() -> None:
    got = _parse("Acme | Senior Engineer ($150k, remote)<p>Python and Go.")
    assert [p["title"] for p in got] == ["Senior Engineer"]
    assert got[0]["workplace_type"] == "remote" and got[0]["salary_text"] == "$150k"
    got = _parse("Acme | Senior Engineer (Contract, Remote) | Lisbon<p>Python and Go.")
    assert [p["title"] for p in got] == ["Senior Engineer"]
    assert got[0]["workplace_type"] == "remote" and got[0]["locations"] == ["Lisbon"]
    assert got[0]["employment_type"] == "Contract"


def test_roles_with_their_work_modes_in_qualifiers_are_roles() -> None:
    got = _parse("Acme | Senior Engineer (Remote) and Product Designer (NYC) | Full-time<p>Go.")
    assert [p["title"] for p in got] == ["Senior Engineer (Remote)", "Product Designer (NYC)"]


def test_a_hiring_field_is_no_place() -> None:
    got = _parse("Acme | Hiring | Berlin | ONSITE<p>- Senior ML Engineer<p>- Data Engineer")
    assert [p["locations"] for p in got] == [["Berlin"], ["Berlin"]]


def test_listed_roles_drop_a_work_mode_tail_and_keep_a_qualifier() -> None:
    got = _parse(
        "Acme | Remote<p>- Data Engineer, onsite<p>- Research Scientist, Language Models"
        "<p>- Software Engineer, NYC"
    )
    assert [p["title"] for p in got] == [
        "Data Engineer",
        "Research Scientist, Language Models",
        "Software Engineer",
    ]


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        (
            "We are hiring a Senior ML Engineer (remote) to build our platform.",
            ["Senior ML Engineer"],
        ),
        ("We're hiring an engineer who loves Go and a designer.", ["engineer", "designer"]),
        (
            "Hiring for: a Staff Engineer, a Product Designer",
            ["Staff Engineer", "Product Designer"],
        ),
    ],
)
def test_a_role_named_in_hiring_prose_is_its_title(body: str, titles: list[str]) -> None:
    """ "We are hiring a Senior ML Engineer to build ..." names the role, not a title that runs
    on into the sentence ("a Senior ML Engineer to build our platform")."""
    assert [p["title"] for p in _parse(f"Acme | Remote<p>{body}")] == titles


def test_a_line_naming_no_role_but_role_is_no_title() -> None:
    got = _parse("Acme | Engineering | Remote<p>Roles: ML Engineer, Data Engineer<p>Role")
    assert [p["title"] for p in got] == ["ML Engineer", "Data Engineer"]
