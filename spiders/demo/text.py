"""Description HTML from templates: About us, the team, Responsibilities, Requirements, Nice to
have, Benefits, then pay transparency, equal-opportunity and other closing paragraphs.

Why: extraction is tested section-aware, so every planted skill records the section it landed in;
all other sentences come from skill-free vocabulary (vocab.py, prose.py) except the company
culture lines, which name soft skills in company text on purpose (never asked of the hire).
Descriptions are as long as real ones (about 850 words on average) and each company repeats its
own About, benefits, pay and legal text across its postings, as real ATS templates do.

The board's main random stream draws exactly what it drew before the longer text (same skills,
dates and salaries for a seed); the added text comes from a per-company generator (seeded by the
company name) and a per-posting one seeded from the main stream's state without drawing from it.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from . import prose
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
    "Expect variety, freedom and a lot of learning in your first year.",
}
_SALARY_LINES = (
    "The base salary range for this role is {s}, plus benefits.",
    "Compensation: {s}, depending on experience and location.",
    "Salary: {s}.",
    "We pay {s} for this position, reviewed every year.",
)


@dataclass(frozen=True, slots=True)
class CompanyText:
    """What a company repeats in every posting: headings, About, benefits, pay and legal text."""

    headings: dict[str, str]
    about_more: tuple[str, ...]
    how_we_work: str
    #: soft-skill slugs its culture lines name (company text: never asked of the hire)
    culture_slugs: frozenset[str]
    benefits: tuple[str, ...]
    states_pay_policy: bool
    pay_with_range: str
    pay_without_range: str
    eeo: str
    extras: tuple[tuple[str, str], ...]


@lru_cache(maxsize=4096)
def company_text(company: str) -> CompanyText:
    """The company's fixed template text, chosen by a generator seeded with its name."""
    r = random.Random(f"demo-company-text:{company}")
    headings = {k: r.choice(v).format(company=company) for k, v in prose.HEADINGS.items()}
    mission = r.sample(prose.MISSION, k=r.randint(3, 7))
    culture = r.sample(prose.CULTURE, k=r.randint(1, 2))
    about_more = [m.format(company=company) for m in mission[:2]]
    about_more += r.sample(prose.PRODUCT, k=2)
    about_more += [line for line, _slug in culture]
    about_more += [m.format(company=company) for m in mission[2:]]
    how_we_work = r.choice(prose.HOW_WE_WORK)
    if r.random() < 0.5:
        how_we_work = r.choice(prose.STORY).format(company=company) + " " + how_we_work
    extras = r.sample(prose.EXTRAS, k=r.choice((1, 2, 2, 3)))
    extras = list({h: (h, t) for h, t in extras}.values())  # one paragraph per heading
    return CompanyText(
        headings=headings,
        about_more=tuple(about_more),
        how_we_work=how_we_work,
        culture_slugs=frozenset(slug for _line, slug in culture),
        benefits=tuple(r.sample(prose.BENEFITS, k=r.randint(9, 13))),
        states_pay_policy=r.random() < 0.55,
        pay_with_range=r.choice(prose.PAY_WITH_RANGE),
        pay_without_range=r.choice(prose.PAY_WITHOUT_RANGE),
        eeo=r.choice(prose.EEO).format(company=company)
        + (" " + prose.ACCOMMODATION if r.random() < 0.5 else ""),
        extras=tuple(extras),
    )


def _side_rng(rng: random.Random) -> random.Random:
    """A generator for this posting's added text, seeded from `rng`'s state without drawing."""
    return random.Random(hashlib.sha1(repr(rng.getstate()).encode()).hexdigest())


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


def _section(rng: random.Random, key: str, title: str, body: str) -> str:
    """An <h3> section titled as the company's template says. The main stream still draws a
    vocab heading (discarded) so the board's other draws stay what they were."""
    rng.choice(HEADINGS[key])
    return _h3(title, body)


def _h3(title: str, body: str) -> str:
    return f"<h3>{escape(title, quote=False)}</h3>\n{body}\n"


def _p(text: str) -> str:
    return "<p>" + escape(text, quote=False) + "</p>"


def _bold_p(title: str, text: str) -> str:
    """A closing paragraph under a bold line (not <h3>: render_common.sections keeps it closing)."""
    return f"<p><strong>{escape(title, quote=False)}</strong></p>\n{_p(text)}\n"


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


def _insert_all(side: random.Random, items: list[str], extra: list[str]) -> list[str]:
    out = list(items)
    for line in extra:
        out.insert(side.randint(0, len(out)), line)
    return out


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
    """Description HTML with the given skills planted in order of importance (duties,
    requirements, nice to have) around the company's template text."""
    side = _side_rng(rng)
    tmpl = company_text(company)
    family, dept = ROLE_FAMILY.get(role, ("eng", "Engineering"))
    desc = Description(html="")
    phrases = {s: phrase_for(rng, s) for s in skills}
    n_core = max(1, round(len(skills) * 0.65)) if skills else 0
    core, nice = skills[:n_core], skills[n_core:]
    n_resp = len(core) // 3
    resp_sk, req_sk = core[:n_resp], core[n_resp:]
    words: list[str] = []

    about_lines = [about]
    if rng.random() < 0.15:
        about_lines.append(rng.choice(CONFUSERS))
    about_html = "\n".join(
        (_p(" ".join(about_lines)), _p(" ".join(tmpl.about_more)), _p(tmpl.how_we_work))
    )
    html = _section(rng, "about", tmpl.headings["about"], about_html)
    words += [*about_lines, *tmpl.about_more, tmpl.how_we_work]

    team: list[str] = []
    if side.random() < 0.9:
        n = side.choice((4, 6, 8, 12, 15))
        team.append(side.choice(prose.TEAM).format(n=n, dept=dept))
    if side.random() < 0.7:
        team.append(side.choice(prose.FIRST_MONTHS))
    if team:
        html += _h3(tmpl.headings["team"], "\n".join(_p(t) for t in team))
        words += team

    intro = " ".join([_INTRO[family], *side.sample(prose.ROLE_CONTEXT[family], k=2)])
    duties = rng.sample(DUTIES[family], k=min(len(DUTIES[family]), rng.randint(3, 5)))
    for chunk in _chunks(rng, resp_sk):
        duties.insert(
            rng.randint(0, len(duties)),
            rng.choice(_RESP).format(x=_join([phrases[s] for s in chunk])),
        )
        desc.mentions.update({s: (phrases[s], "responsibilities") for s in chunk})
    more = prose.MORE_DUTIES[family]
    duties = _insert_all(side, duties, side.sample(more, k=min(len(more), side.randint(3, 5))))
    html += _section(
        rng, "responsibilities", tmpl.headings["responsibilities"], _p(intro) + "\n" + _ul(duties)
    )
    words += [intro, *duties]

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
    reqs += side.sample(prose.MORE_REQS, k=side.randint(2, 4))
    html += _section(rng, "requirements", tmpl.headings["requirements"], _ul(reqs))
    words += reqs

    if nice:
        lines = []
        for chunk in _chunks(rng, nice):
            lines.append(rng.choice(_NICE).format(x=_join([phrases[s] for s in chunk])))
            desc.mentions.update({s: (phrases[s], "nice_to_have") for s in chunk})
        html += _section(rng, "nice_to_have", tmpl.headings["nice_to_have"], _ul(lines))
        words += lines

    rng.sample(BENEFITS, k=rng.randint(4, 6))  # drawn as before; the company's own list is used
    perks = list(tmpl.benefits)
    if rng.random() < 0.1:
        perks.append(rng.choice(CONFUSERS))
    html += _section(rng, "benefits", tmpl.headings["benefits"], _ul(perks))
    words += perks

    closing_parts: list[str] = []
    if salary_text:
        line = rng.choice(_SALARY_LINES).format(s=salary_text)
        if tmpl.states_pay_policy:
            closing_parts.append(
                _bold_p(tmpl.headings["pay"], tmpl.pay_with_range.format(s=salary_text))
            )
            words.append(tmpl.pay_with_range)
        else:
            closing_parts.append(_p(line) + "\n")
            words.append(line)
    elif tmpl.states_pay_policy:
        closing_parts.append(_bold_p(tmpl.headings["pay"], tmpl.pay_without_range))
        words.append(tmpl.pay_without_range)
    for title, text in tmpl.extras:
        closing_parts.append(_bold_p(title, text))
        words.append(text)
    closing_parts.append(_bold_p(tmpl.headings["eeo"], tmpl.eeo))
    words.append(tmpl.eeo)
    closing = rng.choice(_CLOSING).format(c=company)
    if "equal opportunity" not in closing:  # the company's own statement already says it
        closing_parts.append(f"<p><em>{escape(closing, quote=False)}</em></p>\n")
        words.append(closing)
    html += "".join(closing_parts)
    desc.html = html
    desc.words = len(" ".join(words).split())
    return desc
