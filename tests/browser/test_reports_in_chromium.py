"""Every HTML report drawn by headless Chromium: n on each chart, no label cut, a screenshot each.

Screenshots go to the test run's output folder: $JOBTRENDS_TEST_OUTPUT/screenshots, else
test-output/screenshots in the repository (ignored by git), so a person can look at them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium missing (CI installs it: apt-get install -y chromium)",
    ),
]

#: per chart: visible texts, texts drawn outside the SVG's box, Vega's cut-label ellipses
CHART_CHECK = """
() => [...document.querySelectorAll('figure svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
  const outside = texts.filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 ||
                           r.top < box.top - 1 || r.bottom > box.bottom + 1);
  }).map(t => t.textContent);
  return {
    texts: texts.map(t => t.textContent),
    outside,
    cut: texts.filter(t => t.textContent.endsWith('…')).map(t => t.textContent),
  };
})
"""


def output_dir() -> Path:
    base = Path(os.environ.get("JOBTRENDS_TEST_OUTPUT", ROOT / "test-output"))
    out = base / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def html_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "tests" / "analytics" / "reports"))
    from report_seed import synthetic_warehouse

    from analytics.reports import build_reports

    out = tmp_path_factory.mktemp("html")
    build_reports(synthetic_warehouse(), out, formats=("html",))
    return out


def test_every_report_chart_shows_n_and_no_cut_label(html_dir: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    from analytics.reports import REPORTS

    shots = output_dir()
    problems: dict[str, object] = {}
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            for name in REPORTS:
                page.goto((html_dir / f"{name}.html").as_uri())
                page.wait_for_load_state("load")
                page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
                charts = page.evaluate(CHART_CHECK)
                assert charts, f"{name}: no chart drawn"
                for chart in charts:
                    if not any(
                        t.startswith("n=")
                        or t.startswith("n <")
                        or " n = " in f" {t}"
                        or "open /" in t
                        or "n postings" in t
                        for t in chart["texts"]
                    ):
                        problems[f"{name}: no n on the chart"] = chart["texts"][:12]
                    if chart["outside"] or chart["cut"]:
                        problems[f"{name}: cut labels"] = chart["outside"] + chart["cut"]
        finally:
            browser.close()
    assert sorted(p.stem for p in shots.glob("*.png")) >= sorted(REPORTS)
    assert not problems, problems
