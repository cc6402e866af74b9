"""Open every HTML report in headless Chromium: an SVG is drawn and no script runs."""

from pathlib import Path

import pytest

from analytics.reports import REPORTS, build_reports

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium missing (CI installs it: apt-get install -y chromium)",
    ),
]


@pytest.fixture(scope="module")
def html_dir(seed_con, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    build_reports(seed_con, out, formats=("html",))
    return out


def test_reports_render_in_chromium(html_dir: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            for name in [*REPORTS, "index"]:
                page.goto((html_dir / f"{name}.html").as_uri())
                page.wait_for_load_state("load")
                if name == "index":
                    assert page.locator("a[href='salary_bands.html']").count() >= 1
                    continue
                boxes = [b for b in (s.bounding_box() for s in page.locator("svg").all()) if b]
                assert any(b["width"] > 0 and b["height"] > 0 for b in boxes), name
                assert page.locator("table td").count() > 0, name
            assert dialogs == []
            # control: the listener does catch an alert when a page really runs one
            page.set_content("<script>alert('probe')</script>")
            assert dialogs == ["probe"]
            assert all(u.startswith("file://") for u in requests), requests
        finally:
            browser.close()
