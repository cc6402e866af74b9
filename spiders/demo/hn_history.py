"""Past monthly "Ask HN: Who is hiring?" threads of the replica, for `jobtrends backfill hn`.

Why: a fresh install needs months of history from one source to show trends; the replica serves
the months before its current thread (one thread per month, the planted drift moving from the
oldest month to the newest) so the backfill is tested and demonstrated offline. Content is
invented here: our own companies, headers and paragraphs in HN's comment conventions.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .generator import make_job, slugify
from .models import Company, DemoBoard, DemoJob, HnThread
from .render_side import hn_item, hn_story_hits
from .side import hn_escape
from .skills import phrase_for

HISTORY_MONTHS = 24
HISTORY_COMMENTS = 12
#: story ids of past threads: below the current thread's (48M+) and apart from each other
_STORY_BASE = 40_000_000
_COMPANIES = (
    "Ptarmigan Systems",
    "Wrenfield Analytics",
    "Sandpiper Health",
    "Cormorant Cloud",
    "Avocet Robotics",
    "Plover Pay",
    "Shearwater Labs",
    "Dunlin Data",
    "Godwit Learning",
    "Turnstone Security",
    "Whimbrel Maps",
    "Razorbill Media",
    "Fulmar Energy",
    "Petrel Logistics",
)
_WORK = {"remote": "REMOTE", "hybrid": "Hybrid", "onsite": "ONSITE"}


def month_start(day: date, back: int) -> date:
    """First day of the month `back` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _comment_text(rng: random.Random, company: Company, jobs: list[DemoJob]) -> str:
    """'Company | Role[, Role] | Place | REMOTE | Full-time [| pay] | url' and a paragraph per role."""
    first = jobs[0]
    head = [
        company.name,
        ", ".join(j.title for j in jobs),
        first.locations[0],
        _WORK.get(first.workplace_type, "ONSITE"),
        "Full-time",
    ]
    if first.salary and first.salary.text:
        head.append(first.salary.text)
    url = f"https://{slugify(company.name)}.example/jobs"
    link = f'<a href="{hn_escape(url)}" rel="nofollow">{hn_escape(url)}</a>'
    parts = [hn_escape(" | ".join(head)) + " | " + link, hn_escape(company.about)]
    for j in jobs:
        phrases = {s: phrase_for(rng, s) for s in j.skills[:5]}
        j.skills = list(phrases)
        j.mentions = {s: (p, "body") for s, p in phrases.items()}
        stack = ", ".join(phrases.values()) or "whatever fits the problem"
        line = f"{j.title}: our stack is {stack}."
        if j.years:
            line += f" Ideally {j.years}+ years in a similar role."
        parts.append(hn_escape(line))
    parts.append(hn_escape("Email jobs@" + slugify(company.name) + ".example, mention HN."))
    return "<p>".join(parts)


def _thread(seed: int, first: date, t: float, n_comments: int, story_id: int) -> HnThread:
    rng = random.Random(f"hn-history:{seed}:{first.isoformat()}")
    created = datetime(first.year, first.month, 1, 15, 0, tzinfo=UTC)
    month = created.strftime("%B %Y")
    used: set[str] = set()
    comments = []
    next_id = story_id + 5
    for c in range(n_comments):
        name = _COMPANIES[(c + first.month) % len(_COMPANIES)]
        region = rng.choice(("US", "US", "EU", "UK"))
        about = f"{name} is a {rng.choice(('seed-stage', 'profitable', 'mid-sized'))} team; we ship weekly."
        company = Company(name=name, board="whoishiring", kind="hn", region=region, about=about)
        at = created + timedelta(hours=1 + c * 20 + rng.randrange(12))
        n_roles = 1 if rng.random() < 0.8 else 2
        jobs = [
            make_job(rng, company, at, t, job_id=f"HH{first:%Y%m}-{c:02d}-{k}", used_ids=used)
            for k in range(n_roles)
        ]
        text = _comment_text(rng, company, jobs)
        for j in jobs:
            j.source_id, j.description_html = str(next_id), text
        comments.append((next_id, jobs, []))
        next_id += rng.randint(3, 30)
    return HnThread(
        story_id=story_id,
        title=f"Ask HN: Who is hiring? ({month})",
        created_at=created,
        comments=comments,
        siblings=[(story_id + 1, f"Ask HN: Who wants to be hired? ({month})")],
    )


def history_threads(
    seed: int, as_of: date, months: int = HISTORY_MONTHS, n_comments: int = HISTORY_COMMENTS
) -> list[HnThread]:
    """The `months` monthly threads before `as_of`'s month (a board's current thread), newest
    first; the same seed and day give the same threads."""
    current = as_of.replace(day=1)
    return [
        _thread(
            seed,
            month_start(current, k),
            (months - k) / months,
            n_comments,
            _STORY_BASE + k * 10_000,
        )
        for k in range(1, months + 1)
    ]


@lru_cache(maxsize=4)
def _history(seed: int, as_of: date) -> tuple[HnThread, ...]:
    return tuple(history_threads(seed, as_of))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def story_search(board: DemoBoard, current: HnThread | None, query: str) -> list[dict[str, Any]]:
    """whoishiring stories (current and past months) whose titles hold every query word,
    newest first: what Algolia's search_by_date answers to a title query."""
    threads = ([current] if current else []) + list(_history(board.seed, board.as_of))
    wanted = _words(query)
    hits = [h for th in threads for h in hn_story_hits(th) if wanted <= _words(h["title"])]
    return sorted(hits, key=lambda h: -h["created_at_i"])


def history_item(board: DemoBoard, item_id: int) -> dict[str, Any] | None:
    """Algolia `/items/{id}` of a past thread or one of its comments (None when unknown)."""
    for thread in _history(board.seed, board.as_of):
        if thread.story_id <= item_id < thread.story_id + 10_000:
            return hn_item(thread, item_id)
    return None
