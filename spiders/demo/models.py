"""Demo board data types: companies, canonical jobs (with hidden truth) and the board itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from .salary import Salary


@dataclass(slots=True, frozen=True)
class Company:
    """One employer; publishes all its postings on exactly one source kind under `board`."""

    name: str
    #: board token / site slug / company identifier on its source
    board: str
    #: greenhouse | lever | ashby | jsonld (main board) or a side kind
    kind: str
    #: home region: US, CA, UK, EU or IN
    region: str
    #: "About us" paragraph, shared by all its postings
    about: str
    #: hours offset used for timestamps this company's ATS renders
    tz_hours: int = 0
    #: jsonld markup variant (0-4) for career sites
    variant: int = 0


@dataclass(slots=True)
class DemoJob:
    """One canonical posting: what is published, and the truth a pipeline should recover."""

    job_id: str
    company: Company
    source_id: str
    title: str
    role: str
    seniority: str
    #: planted skill slugs, in order of appearance importance
    skills: list[str]
    #: slug -> (phrase, section) as planted in the description
    mentions: dict[str, tuple[str, str]]
    description_html: str
    #: raw location strings, primary first
    locations: list[str]
    country_codes: list[str]
    workplace_type: str  # remote | hybrid | onsite
    employment_type: str  # FULL_TIME | PART_TIME | CONTRACTOR | INTERN
    department: str
    posted_at: datetime
    closed_at: datetime | None
    salary: Salary | None
    years: int | None = None
    #: Ashby only: False for unlisted postings (present in the feed, not to be collected)
    listed: bool = True
    #: last edit stamp (between posted_at and the board's as_of)
    updated_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.company.kind

    @property
    def board(self) -> str:
        return self.company.board

    @property
    def posting_key(self) -> str:
        return f"{self.kind}:{self.board}:{self.source_id}"

    def is_open(self, at: datetime) -> bool:
        return self.posted_at <= at and (self.closed_at is None or self.closed_at > at)

    def truth(self) -> dict[str, Any]:
        """Hidden answers for tests and evaluation (role, seniority, skills, salary, dates)."""
        return {
            "posting_key": self.posting_key,
            "job_id": self.job_id,
            "source": self.kind,
            "board": self.board,
            "source_id": self.source_id,
            "company": self.company.name,
            "title": self.title,
            "role": self.role,
            "seniority": self.seniority,
            "skills": list(self.skills),
            "mentions": {k: list(v) for k, v in self.mentions.items()},
            "locations": list(self.locations),
            "country_codes": list(self.country_codes),
            "workplace_type": self.workplace_type,
            "employment_type": self.employment_type,
            "posted_at": iso(self.posted_at),
            "closed_at": iso(self.closed_at) if self.closed_at else None,
            "listed": self.listed,
            "salary": self.salary.as_truth() if self.salary else None,
        }


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_datetime(at: date | datetime) -> datetime:
    """A date means the end of that day (UTC), so postings from that day count as open."""
    if isinstance(at, datetime):
        return at if at.tzinfo else at.replace(tzinfo=UTC)
    return datetime.combine(at, time(23, 59, 59), tzinfo=UTC)


@dataclass(slots=True)
class HnThread:
    """The monthly 'Who is hiring?' story; each comment carries one or more demo jobs."""

    story_id: int
    title: str
    created_at: datetime
    #: (comment id, jobs in the comment, [(reply id, text)])
    comments: list[tuple[int, list[DemoJob], list[tuple[int, str]]]]
    #: other whoishiring stories of the same month (no postings): (id, title)
    siblings: list[tuple[int, str]]


@dataclass(slots=True)
class DemoBoard:
    """A seeded, time-aware job market: main boards, small side boards, and the truth."""

    seed: int
    as_of: date
    months: int
    companies: list[Company]
    jobs: list[DemoJob]
    #: side kinds (workable, smartrecruiters, recruitee, wwr, remoteok) -> company and jobs
    side: dict[str, tuple[Company, list[DemoJob]]] = field(default_factory=dict)
    hn: HnThread | None = None

    def snapshot(
        self, as_of: date | datetime | None = None, *, include_unlisted: bool = True
    ) -> list[DemoJob]:
        """Main-board jobs open at `as_of` (default: the board's as_of)."""
        at = as_datetime(as_of or self.as_of)
        return [j for j in self.jobs if j.is_open(at) and (include_unlisted or j.listed)]

    def company_jobs(self, board: str, as_of: date | datetime | None = None) -> list[DemoJob]:
        return [j for j in self.snapshot(as_of) if j.board == board]

    def company(self, board: str) -> Company:
        return next(c for c in self.companies if c.board == board)

    def boards(self, kind: str) -> list[Company]:
        return [c for c in self.companies if c.kind == kind]

    def side_jobs(self) -> list[DemoJob]:
        """Jobs of the side boards and the HN thread (an HN comment may hold several jobs,
        which then share one posting_key)."""
        out = [j for _c, jobs in self.side.values() for j in jobs]
        if self.hn:
            out += [j for _cid, jobs, _r in self.hn.comments for j in jobs]
        return out

    def truth(self, include_side: bool = False) -> list[dict[str, Any]]:
        """Truth for every main-board job, open or closed (plus side-board jobs if asked)."""
        return [j.truth() for j in self.jobs + (self.side_jobs() if include_side else [])]

    def by_key(self) -> dict[str, DemoJob]:
        return {j.posting_key: j for j in self.jobs}
