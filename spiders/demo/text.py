"""Description HTML from templates: About us, Responsibilities, Requirements, Nice to have, Benefits.

Why: extraction is tested section-aware, so every planted skill records the section it landed in;
all other sentences come from skill-free vocabulary (see vocab.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape

from .skills import phrase_for
from .vocab import BENEFITS, CONFUSERS, DUTIES, HEADINGS, PRODUCTS, ROLE_FAMILY, VALUES

_RESP = (
    "Work hands-on with {x} every day.",
    "Improve how the team builds with {x}.",
    "Bring {x} into production alongside the rest of the team.",
    "Own the parts of our stack built on {x}.",
)
_REQ = (
    "Strong experience with {x}.",
    "Hands-on experience with {x} in production.",
    "Solid working knowledge of {x}.",
    "You have shipped real projects using {x}.",
)
_NICE = ("Exposure to {x}.", "Experience with {x} is a plus.", "Familiarity with {x}.")
_YEARS = {
    "entry": "0-2 years of professional experience (internships count).",
    "mid": "{n}+ years of relevant professional experience.",
    "senior": "{n}+ years of experience building and shipping products.",
    "staff_plus": "{n}+ years of experience, including leading projects across teams.",
}
_YEARS_N = {"entry": (0, 0), "mid": (2, 4), "senior": (5, 7), "staff_plus": (8, 10)}
_CLOSING = (
    "{c} is an equal opportunity employer. We welcome applicants of every background, identity "
    "and experience, and we make reasonable adjustments throughout the hiring process on request.",
    "We know great people often hesitate to apply unless they tick every box. If this role "
    "excites you, please apply anyway: we read every application and reply to all of them.",
    "Our interview process has four short steps, and we share what each one covers in advance. "
    "Reasonable adjustments are available at every stage; just let the recruiting team know.",
)
_INTRO = {
    "eng": "This is a hands-on role on a team that owns its roadmap. You will spend most of your "
    "time building, and the rest helping others build well. We ship in small steps and measure "
    "the results.",
    "research": "You will join a small research group with real problems and the resources to "
    "study them properly. We publish what we can and ship what works.",
    "data": "You will sit between the business and the engineering teams. Good judgement matters "
    "as much as technical skill, and you will have real influence on decisions.",
    "pm": "You will lead a cross-functional team from discovery to launch. You care about users "
    "first and features second, and you are comfortable saying no.",
    "other": "You will join a team that is growing quickly and values people who bring structure. "
    "Expect variety, autonomy and a lot of learning in your first year.",
}
_SALARY_LINES = (
    "The base salary range for this role is {s}, plus benefits.",
    "Compensation: {s}, depending on experience and location.",
    "Salary: {s}.",
    "We pay {s} for this position, reviewed every year.",
)


@dataclass(slots=True)
class Description:
    """Rendered description plus where each planted skill appears."""

    html: str
    #: slug -> (phrase used, section) for every planted skill
    mentions: dict[str, tuple[str, str]] = field(default_factory=dict)
    years: int | None = None
    words: int = 0


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _chunks(rng: random.Random, items: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    while items:
        k = min(len(items), rng.choice((1, 2, 2, 3)))
        out.append(items[:k])
        items = items[k:]
    return out


def _section(rng: random.Random, key: str, company: str, body: str) -> str:
    title = rng.choice(HEADINGS[key]).format(company=company)
    return f"<h3>{escape(title, quote=False)}</h3>\n{body}\n"


def _ul(lines: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{escape(line, quote=False)}</li>\n" for line in lines) + "</ul>"


def blurb(rng: random.Random, company: str, product_idx: int) -> str:
    product, customers = PRODUCTS[product_idx % len(PRODUCTS)]
    size = rng.choice((12, 40, 85, 150, 300, 900))
    year = rng.randint(2012, 2024)
    return (
        f"{company} builds {product} for {customers}. Founded in {year}, we are about "
        f"{size} people working across several time zones. {rng.choice(VALUES)}"
    )


def build_description(
    rng: random.Random,
    *,
    company: str,
    about: str,
    role: str,
    seniority: str,
    skills: list[str],
    salary_text: str | None,
) -> Description:
    """Five-section HTML description with the given skills planted in order of importance."""
    family = ROLE_FAMILY.get(role, ("eng", "Engineering"))[0]
    desc = Description(html="")
    phrases = {s: phrase_for(rng, s) for s in skills}
    n_core = max(1, round(len(skills) * 0.65)) if skills else 0
    core, nice = skills[:n_core], skills[n_core:]
    n_resp = len(core) // 3
    resp_sk, req_sk = core[:n_resp], core[n_resp:]

    about_lines = [about]
    if rng.random() < 0.15:
        about_lines.append(rng.choice(CONFUSERS))
    html = _section(
        rng, "about", company, "<p>" + escape(" ".join(about_lines), quote=False) + "</p>"
    )

    intro = _INTRO[family]
    duties = rng.sample(DUTIES[family], k=min(len(DUTIES[family]), rng.randint(3, 5)))
    for chunk in _chunks(rng, resp_sk):
        duties.insert(
            rng.randint(0, len(duties)),
            rng.choice(_RESP).format(x=_join([phrases[s] for s in chunk])),
        )
        desc.mentions.update({s: (phrases[s], "responsibilities") for s in chunk})
    html += _section(
        rng, "responsibilities", company, f"<p>{escape(intro, quote=False)}</p>\n" + _ul(duties)
    )

    reqs: list[str] = []
    if seniority in _YEARS:
        lo, hi = _YEARS_N[seniority]
        desc.years = rng.randint(lo, hi)
        reqs.append(_YEARS[seniority].format(n=desc.years))
    for chunk in _chunks(rng, req_sk):
        reqs.append(rng.choice(_REQ).format(x=_join([phrases[s] for s in chunk])))
        desc.mentions.update({s: (phrases[s], "requirements") for s in chunk})
    reqs.append(
        rng.choice(
            (
                "Clear written and spoken English.",
                "A habit of writing things down and sharing context.",
                "Comfort with ambiguity and a bias towards shipping.",
            )
        )
    )
    html += _section(rng, "requirements", company, _ul(reqs))

    if nice:
        lines = []
        for chunk in _chunks(rng, nice):
            lines.append(rng.choice(_NICE).format(x=_join([phrases[s] for s in chunk])))
            desc.mentions.update({s: (phrases[s], "nice_to_have") for s in chunk})
        html += _section(rng, "nice_to_have", company, _ul(lines))

    perks = rng.sample(BENEFITS, k=rng.randint(4, 6))
    if rng.random() < 0.1:
        perks.append(rng.choice(CONFUSERS))
    html += _section(rng, "benefits", company, _ul(perks))
    if salary_text:
        html += (
            "<p>" + escape(rng.choice(_SALARY_LINES).format(s=salary_text), quote=False) + "</p>\n"
        )
    closing = rng.choice(_CLOSING).format(c=company)
    html += f"<p><em>{escape(closing, quote=False)}</em></p>\n"
    desc.html = html
    desc.words = len(" ".join(about_lines + [intro] + duties + reqs + perks + [closing]).split())
    return desc
