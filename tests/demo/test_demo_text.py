"""Demo descriptions read like real postings: length, headings, company template text, pay and
legal paragraphs, and company-culture skills that the reports must not count as asked."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from html import escape, unescape

import pytest

from spiders.demo import DemoBoard, generate_board
from spiders.demo.render_common import sections
from spiders.demo.text import company_text


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _words(html: str) -> int:
    return len(_text(html).split())


def test_descriptions_are_as_long_as_real_ones(small_board: DemoBoard) -> None:
    words = sorted(_words(j.description_html) for j in small_board.jobs)
    assert 750 <= statistics.mean(words) <= 950  # real postings: about 850 on average
    assert words[len(words) // 20] >= 550 and words[-1] <= 1500
    assert words[-1] - words[0] >= 250  # lengths vary like real ones


def test_every_description_has_the_template_sections(small_board: DemoBoard) -> None:
    for job in small_board.jobs:
        tmpl = company_text(job.company.name)
        heads = re.findall(r"<h3>(.*?)</h3>", job.description_html)
        for key in ("about", "responsibilities", "requirements", "benefits"):
            assert tmpl.headings[key] in [unescape(h) for h in heads], (job.job_id, key)
        assert tmpl.eeo in unescape(job.description_html)
        opening, lists, closing = sections(job.description_html)  # the ATS renderers' split
        assert len(lists) >= 3 and "<li>" in lists[-1][1]
        benefits = re.findall(r"<li>", lists[-1][1])
        assert len(benefits) >= 7
        assert tmpl.eeo.split(".")[0] in unescape(closing)


def test_pay_transparency_paragraphs_in_some_postings(small_board: DemoBoard) -> None:
    stated = [j for j in small_board.jobs if company_text(j.company.name).states_pay_policy]
    assert 0.2 < len(stated) / len(small_board.jobs) < 0.9
    for job in stated:
        html = unescape(job.description_html)
        heading = company_text(job.company.name).headings["pay"]
        assert f"<strong>{heading}</strong>" in html
        if job.salary and job.salary.text:
            paragraph = html.split(f"<strong>{heading}</strong>")[1]
            assert job.salary.text in paragraph.split("</p>\n<p><strong>")[0]


def test_company_text_repeats_across_its_postings_and_differs_between_companies(
    small_board: DemoBoard,
) -> None:
    """Real ATS templates repeat a company's About, benefits and legal text in every posting:
    the boilerplate models need that, and the demo has it."""
    by_company: dict[str, list[str]] = defaultdict(list)
    for job in small_board.jobs:
        opening, lists, _closing = sections(job.description_html)
        about = opening.split("</p>")[1]  # the company's own paragraph after its blurb
        perks = re.findall(r"<li>.*?</li>", lists[-1][1])  # (a confuser may follow them)
        by_company[job.company.name].append(about + "".join(perks[:7]))
    assert all(len(set(blocks)) == 1 for blocks in by_company.values())
    firsts = {blocks[0] for blocks in by_company.values()}
    assert len(firsts) == len(by_company)
    assert len({company_text(c).eeo.replace(c, "") for c in by_company}) >= 3


def test_added_text_draws_nothing_from_the_boards_stream() -> None:
    """The added text comes from its own generators (per company, and per posting seeded from
    the main stream's state without drawing), so a seed keeps its skills, dates and salaries."""
    import random

    from spiders.demo.text import _side_rng

    rng = random.Random("demo-board:1")
    state = rng.getstate()
    side = _side_rng(rng)
    assert rng.getstate() == state
    assert side.random() == _side_rng(rng).random()  # same state, same added text
    rng.random()
    assert _side_rng(rng).random() != _side_rng(random.Random("demo-board:1")).random()
    assert company_text("Acme Labs") == company_text("Acme Labs")
    assert company_text("Acme Labs") != company_text("Beta Labs")


def _without_culture(job) -> str:
    """The description with its company's culture lines (and the blurb's values line) cut."""
    from spiders.demo.prose import CULTURE
    from spiders.demo.vocab import VALUES

    html = job.description_html
    for line in [text for text, _slug in CULTURE] + list(VALUES):
        html = html.replace(escape(line, quote=False), "")
    return html


@pytest.fixture(scope="module")
def role_counts() -> dict[str, dict[str, Counter[str]]]:
    """Per role: postings asking for / mentioning each skill, with and without the culture
    lines, by the analyser (a board of 260 postings)."""
    from pipelines.nlp import get_analyser
    from pipelines.text import html_to_text

    board = generate_board(seed=5, n_postings=260, n_companies=12)
    analyser = get_analyser()
    out: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for job in board.jobs:
        for label, html in (("full", job.description_html), ("cut", _without_culture(job))):
            res = analyser.analyse(job.title, html_to_text(html), job.company.name)
            out[job.role][f"asked_{label}"].update({m["slug"] for m in res["skills"] if m["asked"]})
            out[job.role][f"any_{label}"].update({m["slug"] for m in res["skills"]})
    return out


def test_company_culture_lines_add_no_asked_skill(role_counts) -> None:
    """Every company's About text names culture skills (collaboration, ownership, curiosity,
    remote work, integrity, on-call): cutting those lines changes no role's asked counts, so
    they cannot put a culture skill in a role's skill-share top 10; the same lines do add
    mentions (counted with --mentions all they would)."""
    from spiders.demo.prose import CULTURE

    culture = {slug for _line, slug in CULTURE} | {"sre"}
    added_mentions = set()
    for role, counts in role_counts.items():
        for slug in culture:
            assert counts["asked_full"][slug] == counts["asked_cut"][slug], (role, slug)
            if counts["any_full"][slug] > counts["any_cut"][slug]:
                added_mentions.add(slug)
    assert added_mentions >= {"collaboration", "curiosity", "remote-work", "ethics", "sre"}
