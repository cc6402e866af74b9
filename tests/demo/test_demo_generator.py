"""The generator: determinism, size, coverage, planted drift, salary forms and time shifts."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from html import unescape

from spiders.demo import PLANTED_FALLERS, PLANTED_RISERS, ROLE_SLUGS, DemoBoard, generate_board
from spiders.demo.skills import PHRASES


def _fingerprint(board: DemoBoard) -> str:
    data = [(j.truth(), j.description_html) for j in board.jobs]
    return json.dumps(data, sort_keys=True, default=str)


def test_same_seed_same_board_and_different_seed_differs() -> None:
    a = generate_board(seed=3, n_postings=150, n_companies=6)
    b = generate_board(seed=3, n_postings=150, n_companies=6)
    c = generate_board(seed=4, n_postings=150, n_companies=6)
    assert _fingerprint(a) == _fingerprint(b)
    assert _fingerprint(a) != _fingerprint(c)


def test_default_board_size_roles_and_span() -> None:
    board = generate_board()
    assert len(board.jobs) >= 3000
    assert len(board.companies) >= 40
    assert {j.role for j in board.jobs} == set(ROLE_SLUGS) and len(ROLE_SLUGS) == 17
    assert {c.kind for c in board.companies} == {"greenhouse", "lever", "ashby", "jsonld"}
    first = min(j.posted_at for j in board.jobs)
    as_of = datetime(2026, 11, 1, tzinfo=UTC)
    assert first < as_of - timedelta(days=715)
    months = {(j.posted_at.year, j.posted_at.month) for j in board.jobs if j.posted_at < as_of}
    assert len(months) >= 24
    keys = [j.posting_key for j in board.jobs]
    assert len(keys) == len(set(keys))
    share_none = sum(j.salary is None for j in board.jobs) / len(board.jobs)
    assert 0.25 < share_none < 0.35
    open_now = board.snapshot()
    assert 0.3 * len(board.jobs) < len(open_now) < 0.7 * len(board.jobs)


def test_planted_drift_is_visible_in_truth() -> None:
    board = generate_board(n_postings=1500)
    end = datetime(2026, 11, 1, 23, 59, 59, tzinfo=UTC)
    early = [j for j in board.jobs if j.posted_at < end - timedelta(days=548)]
    late = [j for j in board.jobs if end - timedelta(days=183) <= j.posted_at <= end]

    def share(jobs: list, slug: str) -> float:
        return sum(slug in j.skills for j in jobs) / len(jobs)

    for slug in PLANTED_RISERS:
        assert share(late, slug) > 1.5 * share(early, slug) + 0.02, slug
    for slug in PLANTED_FALLERS:
        assert share(late, slug) < share(early, slug), slug


def test_truth_mentions_appear_in_description(small_board: DemoBoard) -> None:
    for job in small_board.jobs:
        text = unescape(re.sub(r"<[^>]+>", " ", job.description_html))
        assert set(job.mentions) == set(job.skills)
        for slug, (phrase, section) in job.mentions.items():
            assert phrase in PHRASES[slug] and phrase in text, (job.job_id, slug, phrase)
            assert section in ("responsibilities", "requirements", "nice_to_have")
        words = len(text.split())
        assert 450 <= words <= 1500, (job.job_id, words)


def test_salary_forms_cover_currencies_periods_and_channels() -> None:
    board = generate_board(seed=7, n_postings=1200)
    sal = [j.salary for j in board.jobs if j.salary]
    assert {s.currency for s in sal} >= {"USD", "GBP", "EUR", "INR", "CAD"}
    assert {s.period for s in sal} == {"year", "month", "hour"}
    assert {s.channel for s in sal} == {"structured", "text"}
    texts = " ".join(s.text for s in sal if s.text)
    for pattern in (
        r"\$\d+K - \$\d+K",
        r"\b\d+k-\d+k\b",
        r"£[\d,]+ - £[\d,]+ per annum",
        r"€\d+\.\d{3} - €\d+\.\d{3}",
        r"₹\d+ LPA - ₹\d+ LPA",
        r"\$\d+/hr",
    ):
        assert re.search(pattern, texts), pattern
    for j in board.jobs:  # text salaries are shown verbatim in the description
        if j.salary and j.salary.text:
            assert j.salary.text in unescape(j.description_html)
    us_senior = [
        j.salary.annual_usd[0]
        for j in board.jobs
        if j.salary
        and j.salary.currency == "USD"
        and j.salary.period == "year"
        and j.role == "llm-engineer"
        and j.seniority == "senior"
    ]
    assert us_senior and min(us_senior) >= 240_000


def test_snapshot_time_shift_shows_new_and_closed_postings() -> None:
    board = generate_board(seed=7, n_postings=1000)
    day1 = {j.posting_key for j in board.snapshot()}
    day2 = {j.posting_key for j in board.snapshot(date(2026, 11, 8))}
    assert day2 - day1, "a later day should list new postings"
    assert day1 - day2, "a later day should drop postings that closed"
    closed = [
        j for j in board.jobs if j.closed_at and j.closed_at < datetime(2026, 1, 1, tzinfo=UTC)
    ]
    assert closed and all(j.posting_key not in day1 for j in closed)
    assert Counter(j.listed for j in board.jobs if j.kind == "ashby")[False] > 0
