"""Seeded demo job market: `generate_board()` builds companies, postings and their hidden truth.

Why: the whole pipeline (crawl -> extract -> load -> report) needs a realistic, repeatable input
whose right answers are known, including trends over time and postings that open and close.
"""

from __future__ import annotations

import random
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta

from .models import Company, DemoBoard, DemoJob
from .salary import draw_salary
from .skills import PLANTED_FALLERS, PLANTED_RISERS, pick_skills
from .text import blurb, build_description
from .vocab import COMPANY_NAMES, LOCATIONS, REMOTE_LOCATIONS, ROLE_FAMILY, TITLES

__all__ = ["generate_board", "make_job", "PLANTED_RISERS", "PLANTED_FALLERS", "ROLE_SLUGS"]

MAIN_KINDS = ("greenhouse", "lever", "ashby", "jsonld")
_KIND_SHARE = (0.34, 0.25, 0.22, 0.19)
_REGION_SHARE = {"US": 0.5, "UK": 0.14, "EU": 0.18, "CA": 0.08, "IN": 0.1}
#: base role weights; (start, end) multipliers give a mild drift in role mix over the window
ROLE_WEIGHTS = {
    "prompt-engineer": 3,
    "context-engineer": 4,
    "ai-engineer": 12,
    "llm-engineer": 6,
    "ai-agent-engineer": 6,
    "founding-ai-engineer": 4,
    "ai-architect": 4,
    "ai-platform-engineer": 6,
    "harness-engineer": 2,
    "ai-product-manager": 5,
    "ai-safety-eval-engineer": 4,
    "ml-engineer": 12,
    "research-scientist": 4,
    "data-scientist": 7,
    "data-engineer": 6,
    "software-engineer": 10,
    "other": 7,
}
ROLE_SLUGS: tuple[str, ...] = tuple(ROLE_WEIGHTS)
_ROLE_TREND = {
    "ai-agent-engineer": (0.4, 1.6),
    "context-engineer": (0.4, 1.6),
    "harness-engineer": (0.2, 1.8),
    "prompt-engineer": (1.3, 0.7),
    "ml-engineer": (1.15, 0.85),
    "data-scientist": (1.2, 0.8),
}
_SENIORITY = {"intern": 3, "entry": 14, "mid": 30, "senior": 33, "staff_plus": 15, "unknown": 5}
_INTERN_ROLES = {
    "ml-engineer",
    "research-scientist",
    "data-scientist",
    "software-engineer",
    "ai-engineer",
    "data-engineer",
}
_STRUCTURED_SHARE = {"greenhouse": 0.6, "lever": 0.55, "ashby": 0.6, "jsonld": 0.55}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def make_title(rng: random.Random, role: str, seniority: str) -> tuple[str, str]:
    """Title with seniority words; returns (title, seniority as the title/text signals it)."""
    base = rng.choice(TITLES[role])
    if role == "ai-architect":  # architect titles are senior by definition
        return (rng.choice(("", "", "Principal ", "Lead ")) + base), "staff_plus"
    if seniority == "intern" and role not in _INTERN_ROLES:
        seniority = "entry"
    plain = "," not in base and "(" not in base
    if seniority == "intern":
        return base + rng.choice((" Intern", " Intern (Summer 2027)")), seniority
    if seniority == "entry":
        if plain and rng.random() < 0.3:
            return base + " I", seniority
        return rng.choice(("Junior ", "Associate ", "Jr. ", "Graduate ")) + base, seniority
    if seniority == "mid":
        return (base + " II" if plain and rng.random() < 0.3 else base), seniority
    if seniority == "senior":
        if plain and rng.random() < 0.15:
            return base + " III", seniority
        return rng.choice(("Senior ", "Senior ", "Sr. ")) + base, seniority
    if seniority == "staff_plus":
        return rng.choice(("Staff ", "Principal ", "Lead ")) + base, seniority
    return base, seniority  # unknown: no level word and no years in the text


def _source_id(rng: random.Random, kind: str, used: set[str]) -> str:
    while True:
        if kind == "greenhouse":
            sid = str(rng.randrange(4_000_000_000, 8_999_999_999))
        elif kind in ("lever", "ashby"):
            sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        else:
            sid = str(rng.randrange(100_000, 999_999))
        if sid not in used:
            used.add(sid)
            return sid


def _locations(rng: random.Random, region: str) -> tuple[list[str], list[str], str]:
    if rng.random() < 0.2:
        loc, cc = REMOTE_LOCATIONS[region]
        return [loc], [cc] if cc else [], "remote"
    places = list(LOCATIONS[region])
    picks = rng.sample(places, k=2 if rng.random() < 0.15 else 1)
    workplace = "hybrid" if rng.random() < 0.55 else "onsite"
    return [p[0] for p in picks], sorted({p[1] for p in picks if p[1]}), workplace


def make_job(
    rng: random.Random,
    company: Company,
    posted_at: datetime,
    t: float,
    *,
    job_id: str,
    used_ids: set[str],
    role: str | None = None,
    structured_share: float = 0.0,
) -> DemoJob:
    """One posting of `company` posted at `posted_at`; t in [0, 1] drives the planted drift."""
    if role is None:
        w = {
            r: ROLE_WEIGHTS[r] * (a + (b - a) * t)
            for r, (a, b) in ((r, _ROLE_TREND.get(r, (1.0, 1.0))) for r in ROLE_WEIGHTS)
        }
        role = _pick(rng, w)
    title, seniority = make_title(rng, role, _pick(rng, _SENIORITY))
    emp = (
        "INTERN"
        if seniority == "intern"
        else _pick(rng, {"FULL_TIME": 94, "CONTRACTOR": 4, "PART_TIME": 2})
    )
    locations, ccs, workplace = _locations(rng, company.region)
    region = company.region
    salary = draw_salary(
        rng, role, seniority, region, structured_share=structured_share, employment_type=emp
    )
    skills = pick_skills(rng, role, t)
    desc = build_description(
        rng,
        company=company.name,
        about=company.about,
        role=role,
        seniority=seniority,
        skills=skills,
        salary_text=salary.text if salary else None,
    )
    updated = posted_at + timedelta(hours=rng.randint(0, 24 * 20))
    return DemoJob(
        job_id=job_id,
        company=company,
        source_id=_source_id(rng, company.kind, used_ids),
        title=title,
        role=role,
        seniority=seniority,
        skills=skills,
        mentions=desc.mentions,
        description_html=desc.html,
        locations=locations,
        country_codes=ccs,
        workplace_type=workplace,
        employment_type=emp,
        department=ROLE_FAMILY.get(role, ("eng", "Engineering"))[1],
        posted_at=posted_at,
        closed_at=None,
        salary=salary,
        years=desc.years,
        updated_at=updated,
    )


def make_companies(
    rng: random.Random,
    n: int,
    kinds: tuple[str, ...] = MAIN_KINDS,
    shares: tuple[float, ...] = _KIND_SHARE,
    offset: int = 0,
) -> list[Company]:
    """`n` companies with kinds split by `shares`; names repeat with a suffix beyond the list."""
    counts = [int(n * s) for s in shares]
    for i in range(n - sum(counts)):
        counts[i % len(counts)] += 1
    kind_list = [k for k, c in zip(kinds, counts, strict=True) for _ in range(c)]
    rng.shuffle(kind_list)
    out: list[Company] = []
    per_kind: dict[str, int] = {}
    for i, kind in enumerate(kind_list):
        j = i + offset
        name = COMPANY_NAMES[j % len(COMPANY_NAMES)]
        if j >= len(COMPANY_NAMES):
            name += f" {j // len(COMPANY_NAMES) + 1}"
        region = _pick(rng, _REGION_SHARE)
        tz = {"US": -5, "CA": -5, "UK": 0, "EU": 1, "IN": 5}[region] + rng.choice((0, 1))
        variant = per_kind.get(kind, 0)
        per_kind[kind] = variant + 1
        out.append(
            Company(
                name=name,
                board=slugify(name),
                kind=kind,
                region=region,
                about=blurb(rng, name, rng.randrange(1000)),
                tz_hours=tz,
                variant=variant % 5,
            )
        )
    return out


def _posted(
    rng: random.Random, start: datetime, span: timedelta, future: timedelta, p_future: float
) -> tuple[datetime, float]:
    """Posting time; volume grows over the window (density 1 -> 2), a few fall after as_of."""
    if rng.random() < p_future:
        return start + span + future * rng.random(), 1.0
    t = -1 + (1 + 3 * rng.random()) ** 0.5
    return start + span * t, t


def generate_board(
    seed: int = 7,
    n_postings: int = 3000,
    n_companies: int = 45,
    as_of: date = date(2026, 11, 1),
    months: int = 24,
    future_days: int = 14,
    evergreen_share: float = 0.4,
) -> DemoBoard:
    """Deterministic board: same arguments give the same companies, jobs, text and truth.

    Postings are spread over `months` before `as_of` (plus a few in the `future_days` after it,
    so a later snapshot shows new postings). `evergreen_share` of postings never close; the rest
    close 10-240 days after posting, so older snapshots hold postings that later disappear.
    """
    from .side import build_side_boards  # local import: side.py imports from this module

    rng = random.Random(f"demo-board:{seed}")
    companies = make_companies(rng, n_companies)
    weights = [1.0 / (i + 3) ** 0.6 for i in range(len(companies))]
    rng.shuffle(weights)
    end = datetime.combine(as_of, time(23, 59, 59), tzinfo=UTC)
    span = timedelta(days=round(months * 30.44))
    start = end - span
    future = timedelta(days=future_days)
    p_future = future_days / span.days if future_days else 0.0
    used: set[str] = set()
    jobs: list[DemoJob] = []
    for i in range(n_postings):
        company = companies[i] if i < len(companies) else rng.choices(companies, weights)[0]
        posted, t = _posted(rng, start, span, future, p_future)
        posted = posted.replace(microsecond=rng.randrange(0, 1000) * 1000)
        job = make_job(
            rng,
            company,
            posted,
            t,
            job_id=f"J{i:05d}",
            used_ids=used,
            structured_share=_STRUCTURED_SHARE[company.kind],
        )
        if job.updated_at and job.updated_at > max(end, posted):
            job.updated_at = max(end, posted)
        # each company's first posting stays open so no board is empty by accident
        if i >= len(companies) and rng.random() >= evergreen_share:
            job.closed_at = posted + timedelta(days=10 + min(230.0, rng.expovariate(1 / 45)))
        if company.kind == "ashby" and rng.random() < 0.04:
            job.listed = False
        jobs.append(job)
    jobs.sort(key=lambda j: (j.posted_at, j.job_id))
    board = DemoBoard(seed=seed, as_of=as_of, months=months, companies=companies, jobs=jobs)
    build_side_boards(board, random.Random(f"demo-side:{seed}"))
    return board
