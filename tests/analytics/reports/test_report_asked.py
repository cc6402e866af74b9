"""Asked vs mentioned, end to end through the real loaders: boilerplate repeated across a
company's postings is company text whatever the extractor said, and reports count asked skills."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import duckdb
import numpy as np
import polars as pl
import pytest

from analytics.db import connect
from analytics.load import load_dims, load_extractions, load_raw
from analytics.reports import ReportContext, ReportParams
from analytics.reports.skill_share import skill_share_frame
from pipelines.records import compute_content_hash, posting_key

REQUIRED = [f"skill-{i:02d}" for i in range(12)]
BLURB_SKILL = "site-reliability-engineering"
TEMPLATE_SKILL = "communication"
TITLES = ["AI Engineer", "Senior AI Engineer", "Applied AI Engineer", "AI Engineer, Platform"]


def _record(company: str, i: int, title: str, city: str = "Austin, TX") -> dict[str, Any]:
    at = datetime(2026, 3, 1) + timedelta(days=i)
    return {
        "source": "greenhouse",
        "board": company.lower().replace(" ", "-"),
        "source_id": str(i),
        "title": title,
        "company": company,
        "locations": [city],
        "country_codes": ["US"],
        "posted_at": at.isoformat() + "Z",
        "fetched_at": at.isoformat() + "Z",
        "description_text": f"{title} at {company} #{i}",
    }


def _mention(slug: str, sentence: str, section: str, start: int, **extra: Any) -> dict[str, Any]:
    return {
        "slug": slug,
        "text": slug,
        "start": start,
        "end": start + len(slug),
        "section": section,
        "sentence": sentence,
        **extra,
    }


def _extraction(rec: dict[str, Any], skills: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "posting_key": posting_key(rec["source"], rec["board"], rec["source_id"]),
        "content_hash": compute_content_hash(rec),
        "role": "ai-engineer",
        "seniority": "mid",
        "skills": skills,
        "taxonomy_version": "t1",
    }


def _company_postings(
    company: str, rng: np.random.Generator, first: int = 0, n: int = 4
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Postings of one company: a blurb sentence naming SRE in every posting (the extractor
    wrongly says asked, as a sentence classifier might), unique requirement sentences."""
    recs, exts = [], []
    blurb = f"At {company} we value clear writing, calm on-call rotations and site reliability."
    for i in range(first, first + n):
        rec = _record(company, i, TITLES[i % len(TITLES)])
        skills = [_mention(BLURB_SKILL, blurb, "other", 5, asked=True)]
        for k, slug in enumerate(REQUIRED):
            if rng.random() < 0.2 + 0.05 * (12 - k):
                sentence = f"You have shipped {slug} work at scale ({company} {i} {k})."
                skills.append(_mention(slug, sentence, "requirements", 100 + 10 * k, asked=True))
        recs.append(rec)
        exts.append(_extraction(rec, skills))
    return recs, exts


def _load(con: duckdb.DuckDBPyConnection, recs: list, exts: list) -> None:
    load_raw(con, recs, "20260401T000000Z-aaaaaa")
    load_extractions(con, exts)


@pytest.fixture
def wh() -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(":memory:")
    skills = [{"slug": s, "name": s, "category": "x", "is_core": False} for s in REQUIRED]
    skills += [
        {"slug": BLURB_SKILL, "name": "SRE", "category": "practice", "is_core": False},
        {"slug": TEMPLATE_SKILL, "name": "Communication", "category": "soft", "is_core": False},
    ]
    load_dims(con, skills, [{"slug": "ai-engineer", "name": "AI Engineer", "is_ai_role": True}])
    yield con
    con.close()


def test_planted_boilerplate_skill_never_enters_a_roles_top_10(wh) -> None:
    rng = np.random.default_rng(3)
    recs, exts = [], []
    for c in range(6):
        r, e = _company_postings(f"Company {c}", rng)
        recs += r
        exts += e
    _load(wh, recs, exts)
    asked = skill_share_frame(ReportContext(wh, ReportParams(top_n=10)))
    top = asked.filter(pl.col("role") == "ai-engineer", ~pl.col("is_headline"))
    assert BLURB_SKILL not in asked["skill_slug"].to_list()
    assert top.height == 10  # the role's top 10 is full of asked skills
    # the same data with every mention counted puts the blurb skill first: the test can fail
    every = skill_share_frame(ReportContext(wh, ReportParams(top_n=10, mentions="all")))
    assert every.row(0, named=True)["skill_slug"] == BLURB_SKILL
    reasons = dict(
        wh.execute(
            "select skill_slug = $s, list(distinct asked_reason) from skill_mentions group by 1",
            {"s": BLURB_SKILL},
        ).fetchall()
    )
    assert reasons == {True: ["boilerplate"], False: ["section"]}
    pairs = wh.sql("select skill_slug, asked from posting_skills").pl()
    assert not pairs.filter(pl.col("skill_slug") == BLURB_SKILL)["asked"].any()


def test_boilerplate_found_across_load_batches(wh) -> None:
    """The third posting of a company turns the sentence its first two share into boilerplate."""
    rng = np.random.default_rng(4)
    recs, exts = _company_postings("Solo", rng, n=2)
    _load(wh, recs, exts)
    flags = "select bool_or(asked) from posting_skills where skill_slug = $s"
    assert wh.execute(flags, {"s": BLURB_SKILL}).fetchall()[0][0] is True
    recs, exts = _company_postings("Solo", rng, first=2, n=1)
    _load(wh, recs, exts)
    assert wh.execute(flags, {"s": BLURB_SKILL}).fetchall()[0][0] is False


def test_one_text_split_into_many_postings_keeps_its_requirements(wh) -> None:
    """One job listed in five cities, or one multi-role comment split per role, repeats every
    sentence: that is one text, not company text."""
    sentence = "Hands-on experience with skill-00 in production systems."
    recs, exts = [], []
    for i, city in enumerate(["Austin", "Boston", "Denver", "Miami", "Seattle"]):
        rec = _record("Cities Inc", i, TITLES[i % 2], city)
        recs.append(rec)
        exts.append(
            _extraction(rec, [_mention("skill-00", sentence, "requirements", 9, asked=True)])
        )
    _load(wh, recs, exts)
    assert wh.sql("select bool_and(asked) from skill_mentions").fetchall()[0][0] is True
    assert wh.sql("select count(*) from boilerplate_sentences").fetchall()[0][0] == 0


def test_template_across_companies_is_not_asked_outside_asked_sections(wh) -> None:
    """An EEO-style sentence in five companies' postings is a template; the same words under a
    requirements heading stay asked."""
    template = "We are an equal opportunity employer and value communication across every team."
    recs, exts = [], []
    for c in range(5):
        for i in range(4):  # the template in one posting of four: not company boilerplate
            rec = _record(f"Firm {c}", i, TITLES[i])
            section = "requirements" if (c, i) == (0, 1) else "benefits"
            skills = [_mention(TEMPLATE_SKILL, template, section, 3, asked=True)] if i < 2 else []
            recs.append(rec)
            exts.append(_extraction(rec, skills))
    _load(wh, recs, exts)
    rows = wh.sql("select section, asked, asked_reason from skill_mentions order by 1").fetchall()
    assert ("requirements", True, "section") in rows
    assert ("benefits", False, "template") in rows
    assert len(rows) == 10


def test_mentions_without_a_verdict_count_as_asked(wh) -> None:
    rec = _record("Quiet", 1, "AI Engineer")
    ext = _extraction(rec, [_mention("skill-01", "Some sentence here.", "requirements", 1)])
    _load(wh, [rec], [ext])
    row = wh.sql("select asked, asked_reason from skill_mentions").fetchall()[0]
    assert row == (True, "unclassified")
    assert wh.sql("select asked, asked_mentions from posting_skills").fetchall()[0] == (True, 1)


def test_extractor_verdict_not_asked_is_kept(wh) -> None:
    rec = _record("Quiet", 1, "AI Engineer")
    mention = _mention("skill-01", "Our product uses it.", "about_company", 1, asked=False)
    _load(wh, [rec], [_extraction(rec, [mention])])
    assert wh.sql("select asked, asked_reason from skill_mentions").fetchall()[0] == (
        False,
        "section",
    )
    assert wh.sql("select asked from posting_skills").fetchall()[0] == (False,)
    with pytest.raises(ValueError, match="mentions must be"):
        ReportParams(mentions="some")


def test_first_load_after_the_migration_refreshes_every_posting(wh) -> None:
    """A warehouse migrated to 0006 never looked for boilerplate: the next load does, for all."""
    rng = np.random.default_rng(5)
    recs, exts = _company_postings("Old Co", rng)
    _load(wh, recs, exts)
    wh.execute("delete from boilerplate_sentences; delete from asked_refresh_state")
    wh.execute("update posting_skills_core set asked = true, asked_mentions = mentions")
    flags = "select bool_or(asked) from posting_skills where skill_slug = $s"
    assert wh.execute(flags, {"s": BLURB_SKILL}).fetchall()[0][0] is True
    rec = _record("New Co", 99, "AI Engineer")
    _load(wh, [rec], [_extraction(rec, [])])  # an unrelated posting
    assert wh.execute(flags, {"s": BLURB_SKILL}).fetchall()[0][0] is False
    assert wh.sql("select count(*) from asked_refresh_state").fetchall()[0][0] == 1


def test_every_skill_mart_counts_asked_skills_by_default() -> None:
    """A skill only ever mentioned (never asked) is absent from shares, trends, co-occurrence,
    fingerprints and premiums unless --mentions all."""
    from datetime import date

    from report_seed import make_db, posting

    postings, mentions, salaries = [], [], []
    for i in range(240):
        pid = f"p{i}"
        role = "ai-engineer" if i % 2 else "data-engineer"
        postings.append(posting(pid, role, "senior", date(2025 + i // 120, 1 + i % 12, 3)))
        mentions += [
            {"posting_id": pid, "skill_slug": "python", "asked": True},
            {"posting_id": pid, "skill_slug": "rag", "asked": i % 3 == 0},
        ]
        if i % 4 == 1:  # half the AI engineers' postings name it, none asks for it
            mentions.append(
                {"posting_id": pid, "skill_slug": "mcp", "asked": False, "asked_reason": "section"}
            )
        salaries.append({"posting_id": pid, "annual_mid_usd": 100_000 + 1_000 * (i % 50)})
    con = make_db(postings, mentions, salaries)
    marts = {
        "fct_skill_share": "skill_slug",
        "fct_skill_trend_windows": "skill_slug",
        "fct_skill_share_monthly": "skill_slug",
        "fct_skill_cooccurrence": "skill_b",
        "fct_role_fingerprints": "skill_slug",
        "fct_skill_premium": "skill_slug",
    }
    params = {"min_pair_support": 5, "min_cell_n": 1, "min_premium_n": 5}
    for mentions_mode, present in (("asked", False), ("all", True)):
        ctx = ReportContext(con, ReportParams(mentions=mentions_mode, **params))
        for mart, column in marts.items():
            frame = ctx.mart(mart)
            slugs = set(frame[column].to_list())
            if mart == "fct_skill_cooccurrence":
                slugs |= set(frame["skill_a"].to_list())
            assert ("mcp" in slugs) is present, (mart, mentions_mode)
