"""Small fixed side boards (Workable, SmartRecruiters, Recruitee, WWR, RemoteOK, HN) for spider tests.

Why: these kinds need realistic fixtures with known truth too, but not thousands of postings;
their jobs reuse the main job factory and are all posted in the weeks before as_of.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from html import escape

from .generator import make_job, slugify
from .models import Company, DemoBoard, DemoJob, HnThread
from .skills import phrase_for

SIDE_NAMES = (
    "Otterbyte",
    "Glasswing AI",
    "Parcelpoint",
    "Riverstone Health",
    "Lodestar Apps",
    "Coral Reasoning",
    "Birchtree Tax",
    "Skylark Data",
    "Mapleseed",
    "Quokka Labs",
    "Tern Security",
    "Fable Tutor",
    "Gannet Ops",
    "Heron Payments",
    "Ibis Insights",
    "Jackdaw Cloud",
    "Kittiwake Legal",
    "Lynx Vision",
    "Magpie Commerce",
    "Nightjar Audio",
)
WWR_CATEGORIES = {
    "remote-programming-jobs": "Full-Stack Programming",
    "remote-devops-sysadmin-jobs": "DevOps and Sysadmin",
}
SIZES = {"workable": 12, "smartrecruiters": 45, "recruitee": 10, "remoteok": 15}
HN_COMMENTS = 40


def _recent(rng: random.Random, as_of: date, days: int = 40) -> datetime:
    end = datetime.combine(as_of, time(12, 0), tzinfo=UTC)
    return (end - timedelta(seconds=rng.randrange(days * 86400))).replace(microsecond=0)


def _jobs(
    rng: random.Random,
    companies: list[Company],
    n: int,
    as_of: date,
    used: set[str],
    prefix: str,
    structured: float,
) -> list[DemoJob]:
    out = []
    for i in range(n):
        company = companies[i % len(companies)]
        job = make_job(
            rng,
            company,
            _recent(rng, as_of),
            1.0,
            job_id=f"{prefix}{i:03d}",
            used_ids=used,
            structured_share=structured,
        )
        out.append(job)
    out.sort(key=lambda j: j.posted_at, reverse=True)
    return out


def _co(name: str, board: str, kind: str, region: str, rng: random.Random) -> Company:
    about = (
        f"{name} is a {rng.choice(('remote-first', 'fast-growing', 'bootstrapped'))} "
        f"company of {rng.choice((15, 60, 220))} people. We ship carefully and often."
    )
    return Company(name=name, board=board, kind=kind, region=region, about=about)


def build_side_boards(board: DemoBoard, rng: random.Random) -> None:
    """Fill `board.side` and `board.hn`; ids are drawn so they never collide with main ids."""
    used: set[str] = set()
    as_of = board.as_of
    wk = _co("Harbourline AI", "harbourline-ai", "workable", "UK", rng)
    jobs = _jobs(rng, [wk], SIZES["workable"], as_of, used, "W", 0.0)
    for j in jobs:
        j.source_id = "".join(rng.choice("0123456789ABCDEF") for _ in range(10))
    board.side["workable"] = (wk, jobs)

    sr = _co("Helix Group", "HelixGroup2", "smartrecruiters", "EU", rng)
    jobs = _jobs(rng, [sr], SIZES["smartrecruiters"], as_of, used, "S", 0.0)
    for j in jobs:
        j.source_id = str(744_000_100_000_000 + rng.randrange(10**9))
    board.side["smartrecruiters"] = (sr, jobs)

    rc = _co("Brightwave", "brightwave", "recruitee", "EU", rng)
    jobs = _jobs(rng, [rc], SIZES["recruitee"], as_of, used, "R", 0.5)
    for j in jobs:
        j.source_id = str(rng.randrange(2_000_000, 2_999_999))
    _text_only_unless(jobs, ("year", "month"))  # Recruitee has no hourly period
    board.side["recruitee"] = (rc, jobs)

    names = list(SIDE_NAMES)
    rng.shuffle(names)
    ro = [_co(n, "remoteok", "remoteok", "US", rng) for n in [*names[:7], "Mecánica Labs"]]
    jobs = _jobs(rng, ro, SIZES["remoteok"], as_of, used, "O", 0.6)
    for j in jobs:
        j.source_id = str(rng.randrange(1_100_000, 1_199_999))
        j.workplace_type = "remote"
    _text_only_unless(jobs, ("year",))  # RemoteOK's salary_min/max are annual USD only
    board.side["remoteok"] = (ro[0], jobs)

    for k, (slug, _label) in enumerate(WWR_CATEGORIES.items()):
        cos = [
            _co(n, slug, "wwr", rng.choice(("US", "EU")), rng)
            for n in names[8 + 5 * k : 13 + 5 * k]
        ]
        jobs = _jobs(rng, cos, 10, as_of, used, f"V{k}", 0.0)
        for j in jobs:
            j.source_id = f"https://weworkremotely.com/remote-jobs/{slugify(j.company.name)}-{slugify(j.title)}"
            j.workplace_type = "remote"
        board.side[f"wwr:{slug}"] = (cos[0], jobs)
    board.hn = _hn_thread(rng, as_of, names, used)


def _text_only_unless(jobs: list[DemoJob], periods: tuple[str, ...]) -> None:
    """Structured pay the format cannot express is dropped, so truth matches what is served."""
    for j in jobs:
        if j.salary and j.salary.channel == "structured" and j.salary.period not in periods:
            j.salary = None


def hn_escape(text: str) -> str:
    """HN's HTML flavour: entities for & < > and also for / and '."""
    return escape(text, quote=False).replace("/", "&#x2F;").replace("'", "&#x27;")


#: header separators people use besides pipes (weights: pipes stay the most common)
HN_STYLES = (
    "pipes",
    "pipes",
    "pipes",
    "dashes",
    "em dashes",
    "slashes",
    "bullets",
    "open roles",
    "role lines",
)
_HN_SEPARATORS = {"dashes": " - ", "em dashes": " — ", "slashes": " / ", "bullets": " • "}


def hn_style(company: Company, n_roles: int) -> str:
    """The header style of one company's comment, from its name (its own random stream, so
    the board's other data does not move); roles on their own lines need two roles or more."""
    style = random.Random(f"hn-style:{company.name}").choice(HN_STYLES)
    return "open roles" if style == "role lines" and n_roles < 2 else style


def _hn_text(rng: random.Random, company: Company, jobs: list[DemoJob]) -> str:
    """'Company | Roles | Location | REMOTE | pay | url' then one paragraph per role, in the
    header style of hn_style: other separators, an "Open roles:" list, or roles on lines."""
    first = jobs[0]
    url = f"https://{slugify(company.name)}.example/careers"
    style = hn_style(company, len(jobs))
    roles = ", ".join(j.title for j in jobs)
    head = [company.name, roles] if style not in ("open roles", "role lines") else [company.name]
    head += [
        first.locations[0],
        "REMOTE" if first.workplace_type == "remote" else "ONSITE",
        "Full-time",
    ]
    if first.salary:
        head.append(first.salary.text or "")
    sep = _HN_SEPARATORS.get(style, " | ")
    if any(sep.strip() in field for field in head):  # a field holds the separator: pipes
        sep = " | "
    link = f'<a href="{hn_escape(url)}" rel="nofollow">{hn_escape(url)}</a>'
    parts = [hn_escape(sep.join(head)) + sep + link, hn_escape(company.about)]
    if style == "open roles":
        parts += [hn_escape("Open roles:")] + [hn_escape(f"- {j.title}") for j in jobs]
    elif style == "role lines":
        parts += [hn_escape(j.title) for j in jobs]
    for j in jobs:
        phrases = {s: phrase_for(rng, s) for s in j.skills[:6]}
        j.skills = list(phrases)
        j.mentions = {s: (p, "body") for s, p in phrases.items()}
        line = (
            f"{j.title}: you will work with "
            + (", ".join(phrases.values()) if phrases else "a small, friendly team")
            + "."
        )
        if j.years:
            line += f" We look for {j.years}+ years of experience."
        if j is not first and j.salary:
            line += f" Pay: {j.salary.text}."
        parts.append(hn_escape(line))
    parts.append(hn_escape("Apply at the link above and mention HN."))
    return "<p>".join(parts)


def _hn_thread(rng: random.Random, as_of: date, names: list[str], used: set[str]) -> HnThread:
    created = datetime(as_of.year, as_of.month, 1, 15, 0, tzinfo=UTC)
    month = created.strftime("%B %Y")
    story_id = 48_000_000 + rng.randrange(1_000_000)
    next_id = story_id + 7
    comments = []
    for c in range(HN_COMMENTS):
        name = names[c % len(names)] + ("" if c < len(names) else " Labs")
        co = _co(name, "whoishiring", "hn", rng.choice(("US", "US", "EU", "UK")), rng)
        n_roles = 1 if rng.random() < 0.75 else rng.choice((2, 3))
        at = created + timedelta(minutes=1 + c * 9 + rng.randrange(8))
        jobs = [
            make_job(rng, co, at, 1.0, job_id=f"H{c:03d}-{k}", used_ids=used)
            for k in range(n_roles)
        ]  # structured_share 0: HN pay is always text
        cid = next_id
        next_id += rng.randint(3, 40)
        for j in jobs:
            j.source_id = str(cid)
        text = _hn_text(rng, co, jobs)
        for j in jobs:
            j.description_html = text
        replies = []
        for _ in range(rng.choice((0, 0, 0, 1, 2))):
            replies.append(
                (
                    next_id,
                    hn_escape(
                        rng.choice(
                            (
                                "Is this open to candidates outside the US?",
                                "Applied last month, the process was quick and friendly.",
                                "What does the interview process look like?",
                            )
                        )
                    ),
                )
            )
            next_id += rng.randint(2, 20)
        comments.append((cid, jobs, replies))
    siblings = [
        (story_id + 1, f"Ask HN: Who wants to be hired? ({month})"),
        (story_id + 2, f"Ask HN: Freelancer? Seeking freelancer? ({month})"),
    ]
    return HnThread(
        story_id=story_id,
        title=f"Ask HN: Who is hiring? ({month})",
        created_at=created,
        comments=comments,
        siblings=siblings,
    )
