"""spiders/parsers/hn.py comment splitter: any comment gives no crash; every role posting carries
the whole comment, ids are `<comment id>` or `<comment id>-<n>` (1..k, unique), nothing is lost."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from prop_kit import FUZZED, json_values, nasty_text

from pipelines.records import Posting
from spiders.parsers.hn import parse_hn_comment, parse_hn_thread, split_roles
from spiders.parsers.hn_header import parse_header

pytestmark = pytest.mark.faults
ROLE_WORDS = [
    "Engineer",
    "Developer",
    "Scientist",
    "Researcher",
    "Designer",
    "Manager",
    "SRE",
    "Intern",
]
plain = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs")), max_size=15)
roles = st.builds(lambda a, w: f"{a.strip()} {w}".strip(), plain, st.sampled_from(ROLE_WORDS))
comment_ids = st.integers(1, 10**9)
PROSE_START = re.compile(r"(?i)^(we|our|you|i|if|the|this|join)\b")


def check(postings: list[Posting], comment: dict[str, Any]) -> None:
    cid = str(comment.get("id") or comment.get("objectID"))
    ids = [p.source_id for p in postings]
    assert len(ids) == len(set(ids))
    if len(postings) > 1:
        assert ids == [f"{cid}-{n}" for n in range(1, len(ids) + 1)]
    elif postings:
        assert ids == [cid]
    text = comment.get("text") or comment.get("comment_text")
    for p in postings:  # splitting never loses the comment: each role keeps all of it
        assert p.source == "hn" and p.description_html == text and p.source_id
        assert p.url and p.url.endswith(f"id={cid}")
        assert p.workplace_type in ("remote", "hybrid", "onsite", "unknown")


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "objectID",
                "text",
                "comment_text",
                "created_at",
                "created_at_i",
                "deleted",
                "dead",
                "author",
            ]
        ),
        json_values,
    )
)
def test_any_comment_object(comment: dict[str, Any]) -> None:
    FUZZED["hn"] += 1
    try:
        postings = parse_hn_comment(comment, board="whoishiring")
    except (TypeError, AttributeError) as exc:  # pragma: no cover - reported with the input
        raise AssertionError(f"crash on {comment!r}: {exc!r}") from exc
    if postings and isinstance(comment.get("text") or comment.get("comment_text"), str):
        check(postings, comment)


@given(comment_ids, nasty_text)
def test_any_comment_text(cid: int, text: str) -> None:
    FUZZED["hn"] += 1
    comment = {"id": cid, "text": text, "created_at_i": 1790000000}
    check(parse_hn_comment(comment, board="whoishiring"), comment)


@given(
    comment_ids,
    plain.filter(lambda s: s.strip() and "|" not in s),
    st.lists(roles, min_size=1, max_size=4),
    st.sampled_from(["header", "bullets", "roles-line"]),
    st.lists(plain, max_size=3),
)
def test_role_lists_split_into_one_posting_per_role(
    cid: int, company: str, titles: list[str], style: str, paragraphs: list[str]
) -> None:
    FUZZED["hn"] += 1
    titles = list(dict.fromkeys(" ".join(t.split()) for t in titles))
    assume(all(t and "," not in t and ";" not in t for t in titles))
    # a line opening like prose ("I ...", "We ...", "Join ...") is deliberately not a role
    assume(not any(PROSE_START.match(t) for t in titles))
    esc = [html.escape(p) for p in paragraphs]
    if style == "header":
        head, body = f"{company} | {', '.join(titles)} | Remote (US) | Full-time", esc
    elif style == "bullets":
        head, body = f"{company} | Hiring | Berlin | ONSITE", [f"- {t}" for t in titles] + esc
    else:
        head, body = f"{company} | Engineering | Remote", [f"Roles: {', '.join(titles)}"] + esc
    text = "<p>".join([html.escape(head), *body])
    comment = {"id": cid, "text": text, "created_at": "2026-11-01T12:00:00Z"}
    postings = parse_hn_comment(comment, board="whoishiring")
    check(postings, comment)
    assert postings and all(p.company == " ".join(company.split()) for p in postings)
    if len(titles) > 1:
        assert [p.title for p in postings] == titles


@given(
    st.lists(
        st.one_of(
            json_values, st.builds(lambda i, t: {"id": i, "text": t}, comment_ids, nasty_text)
        ),
        max_size=6,
    )
)
def test_any_thread_children(children: list[Any]) -> None:
    FUZZED["hn"] += 1
    for p in parse_hn_thread({"children": children}, board="whoishiring"):
        assert p.source_id and p.description_html


@given(st.lists(nasty_text, max_size=5), st.lists(nasty_text, max_size=6))
def test_split_roles_any_fields(fields: list[str], body: list[str]) -> None:
    FUZZED["hn"] += 1
    out = split_roles(parse_header(" | ".join(fields)), body)
    assert all(isinstance(r, str) and r == r.strip() and r for r in out)
    assert len(out) == len(set(out))


def test_prose_about_positions_is_not_a_role() -> None:
    body = ["Positions are remote-friendly across the EU.", "- ML Engineer", "- Data Scientist"]
    head = parse_header("Acme | Engineering | Remote")
    assert split_roles(head, body) == ["ML Engineer", "Data Scientist"]
