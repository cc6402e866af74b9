"""All formats render the same frame; HTML is self-contained and escapes scraped text."""

import csv
import json
import re
from pathlib import Path

import polars as pl
import pytest

from analytics.reports import FORMATS, REPORTS, build_reports

CELL_SPLIT = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def built(seed_con, tmp_path_factory) -> tuple[Path, dict[str, list[Path]]]:
    out = tmp_path_factory.mktemp("reports")
    return out, build_reports(seed_con, out)


def _md_table(text: str) -> tuple[list[str], list[list[str]]]:
    block = text.split("## Table", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("|")]
    cells = [[c.strip() for c in CELL_SPLIT.split(line)[1:-1]] for line in lines]
    return cells[0], cells[2:]


def _unescape_md(text: str) -> str:
    """Markdown cells escape markup with backslashes (CommonMark), never HTML entities."""
    return re.sub(r"\\(.)", r"\1", text)


def test_every_report_in_every_format(built) -> None:
    out, written = built
    assert set(written) == set(REPORTS) | {"index"}
    for name in REPORTS:
        assert sorted(p.name for p in written[name]) == sorted(f"{name}.{e}" for e in FORMATS)
        assert all(p.stat().st_size > 0 for p in written[name])
    assert {p.name for p in written["index"]} == {"index.html", "index.md"}


@pytest.mark.parametrize("name", list(REPORTS))
def test_csv_json_parquet_match_markdown(built, name: str) -> None:
    out, _ = built
    header, md_rows = _md_table((out / f"{name}.md").read_text())
    with (out / f"{name}.csv").open(newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    doc = json.loads((out / f"{name}.json").read_text())
    parquet = pl.read_parquet(out / f"{name}.parquet")
    assert header == doc["columns"] == parquet.columns
    assert len(csv_rows) == len(doc["rows"]) == parquet.height
    for md_row, csv_row, js_row in zip(md_rows, csv_rows, doc["rows"], strict=False):
        for col, md_cell in zip(header, md_row, strict=True):
            value = js_row[col]
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int | float):
                assert float(md_cell) == float(csv_row[col]) == float(value), (name, col)
            elif isinstance(value, str):
                assert _unescape_md(md_cell) == csv_row[col] == value, (name, col)


@pytest.mark.parametrize("name", list(REPORTS))
def test_html_numbers_match_frame(built, name: str) -> None:
    out, _ = built
    html = (out / f"{name}.html").read_text()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    first = re.search(r"<tr>(.*?)</tr>", body, re.S)
    doc = json.loads((out / f"{name}.json").read_text())
    if not doc["rows"]:
        return
    assert first is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", first.group(1), re.S)
    for col, cell in zip(doc["columns"], cells, strict=True):
        value = doc["rows"][0][col]
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert float(cell) == float(value), (name, col)


@pytest.mark.parametrize("name", [*REPORTS, "index"])
def test_html_is_self_contained_and_escaped(built, name: str) -> None:
    out, _ = built
    html = (out / f"{name}.html").read_text()
    assert "<script" not in html.lower()
    assert "<script>alert" not in html
    assert not re.search(r"(src|href)\s*=\s*\"?(https?:)?//", html)
    assert "http://" not in html and "https://" not in html
    assert "<link" not in html
    if name != "index":
        assert "<svg" in html and "<style>" in html


def test_xss_payload_rendered_as_text(built) -> None:
    out, _ = built
    for name in ("freshness", "skill_share", "skill_trends_monthly"):
        html = (out / f"{name}.html").read_text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, name
    svg = re.search(r"<svg.*?</svg>", (out / "skill_share.html").read_text(), re.S).group(0)
    assert "&lt;script&gt;" in svg  # skill label inside the chart is escaped too
    md = (out / "freshness.md").read_text()
    assert "\\<script>" in md and re.search(r"(?<!\\)<script>", md) is None


def test_every_report_states_n_and_coverage(built) -> None:
    out, _ = built
    for name in REPORTS:
        md = (out / f"{name}.md").read_text()
        assert "**n:**" in md and "**Coverage:**" in md
        doc = json.loads((out / f"{name}.json").read_text())
        assert doc["n_postings"] > 0 and doc["coverage"]


def test_index_links_every_report(built) -> None:
    out, _ = built
    html = (out / "index.html").read_text()
    md = (out / "index.md").read_text()
    for name in REPORTS:
        assert f'href="{name}.html"' in html
        assert f"({name}.md)" in md
    assert "confirmed: mentioned in" in html  # headline numbers surface on the index


def test_format_subset_and_unknown_names(seed_con, tmp_path) -> None:
    written = build_reports(seed_con, tmp_path, formats=("csv",), names=["freshness"])
    assert [p.name for p in written["freshness"]] == ["freshness.csv"]
    assert "index" not in written
    with pytest.raises(ValueError):
        build_reports(seed_con, tmp_path, names=["nope"])
    with pytest.raises(ValueError):
        build_reports(seed_con, tmp_path, formats=("pdf",))
