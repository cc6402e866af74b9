"""SQL data tests (analytics/sql/tests/*.sql return zero rows) on the seed warehouse, and they bite."""

from __future__ import annotations

import pytest

from analytics.datatests import data_test_names, run_data_tests


def test_seed_warehouse_passes_every_data_test(seeded):
    assert len(data_test_names()) >= 10
    assert run_data_tests(seeded) == {}


def test_data_tests_pass_on_an_empty_warehouse(con):
    assert run_data_tests(con) == {}


@pytest.mark.parametrize(
    ("breakage", "failing"),
    [
        (
            "update extractions set role = 'wizard' where posting_id = 'greenhouse:acme:101'",
            "accepted_values_role",
        ),
        (
            "update extractions set seniority = 'godlike' where posting_id = 'greenhouse:acme:101'",
            "accepted_values_seniority",
        ),
        (
            "update salaries_core set period = 'fortnight' where posting_id = 'greenhouse:acme:101'",
            "accepted_values_salary",
        ),
        (
            "update salaries_core set min_amount = 1e9 where posting_id = 'greenhouse:acme:101'",
            "salary_min_le_max",
        ),
        (
            "update postings_core set closed_at = now()::timestamp where posting_id = 'greenhouse:acme:101'",
            "lifecycle_consistent",
        ),
        (
            "update postings_core set dup_group_id = 'greenhouse:acme:102' where posting_id = 'hn:whoishiring-2026-03:hn-4243'",
            None,
        ),
        (
            "update postings_core set dup_group_id = 'nowhere' where posting_id = 'greenhouse:acme:102'",
            "no_duplicate_postings_after_dedup",
        ),
        (
            "insert into salaries_core (posting_id, is_estimate) values ('ghost', false)",
            "mentions_reference_postings",
        ),
        (
            "update postings_core set source = 'myspace' where posting_id = 'greenhouse:acme:102'",
            "accepted_values_source",
        ),
        (
            "update posting_skills_core set asked = false where posting_id = 'greenhouse:acme:101'",
            "posting_skills_asked_matches_mentions",
        ),
    ],
)
def test_each_data_test_catches_its_breakage(seeded, breakage, failing):
    seeded.execute(breakage)
    failures = run_data_tests(seeded)
    if failing is None:  # a legitimate regrouping breaks nothing
        assert failures == {}
    else:
        assert failing in failures


def test_salary_min_gt_max_is_allowed_when_flagged(seeded):
    # the seed estimate has min > max with a flag: it must not fail the test
    assert seeded.execute(
        "select count(*) from salaries where min_amount > max_amount"
    ).fetchall() == [(1,)]
    assert "salary_min_le_max" not in run_data_tests(seeded)
