"""``build_reports``: compute each report once and write every requested format + an index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from analytics.reports.context import ReportContext, ReportParams, ReportResult
from analytics.reports.registry import FORMATS, REPORTS
from analytics.reports.render.html import render_index, write_html
from analytics.reports.render.tables import (
    md_escape,
    write_csv,
    write_json,
    write_markdown,
    write_parquet,
)
from analytics.reports.staged_dir import staged_dir

_WRITERS = {"csv": write_csv, "json": write_json, "parquet": write_parquet}


def _links(name: str, formats: Sequence[str]) -> dict[str, str]:
    return {ext: f"{name}.{ext}" for ext in formats}


def write_report(result: ReportResult, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write one computed report in each format; all render ``result.frame``."""
    links = _links(result.name, formats)
    paths: list[Path] = []
    for ext in formats:
        path = out_dir / f"{result.name}.{ext}"
        if ext == "md":
            paths.append(write_markdown(result, path, links))
        elif ext == "html":
            paths.append(write_html(result, path, links))
        else:
            paths.append(_WRITERS[ext](result, path))
    return paths


def _index_md(entries: list[dict[str, Any]]) -> str:
    lines = ["# jobtrends reports", ""]
    for e in entries:
        main = e["links"].get("md") or e["links"].get("html") or ""
        lines += [f"## [{md_escape(e['title'])}]({main})", ""]
        lines += [f"n: {e['n_postings']} postings. Coverage: {md_escape(e['coverage'])}", ""]
        lines += [f"- {md_escape(h)}" for h in e["headlines"]]
        lines += ["", " · ".join(f"[{k}]({v})" for k, v in e["links"].items()), ""]
    return "\n".join(lines)


def build_reports(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    since: date | None = None,
    until: date | None = None,
    roles: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    formats: Sequence[str] = FORMATS,
    names: Iterable[str] | None = None,
    params: ReportParams | None = None,
) -> dict[str, list[Path]]:
    """Compute the named reports (default all) and write ``out_dir/<report>.<ext>``.

    Returns report name -> written paths, plus ``"index"`` -> index.html/index.md.
    """
    unknown_formats = set(formats) - set(FORMATS)
    if unknown_formats:
        raise ValueError(f"unknown formats {sorted(unknown_formats)}; choose from {FORMATS}")
    selected = list(names) if names is not None else list(REPORTS)
    unknown = [n for n in selected if n not in REPORTS]
    if unknown:
        raise ValueError(f"unknown reports {unknown}; choose from {list(REPORTS)}")
    params = replace(
        params or ReportParams(),
        since=since,
        until=until,
        roles=tuple(roles) if roles else None,
        sources=tuple(sources) if sources else None,
        countries=tuple(c.upper() for c in countries) if countries else None,
    )
    out_dir = Path(out_dir)
    with staged_dir(out_dir) as work:  # a crash or full disk leaves the old folder whole
        written = _write_all(ReportContext(con, params), work, selected, formats)
    return {name: [out_dir / p.relative_to(work) for p in paths] for name, paths in written.items()}


def _write_all(
    ctx: ReportContext, out_dir: Path, selected: list[str], formats: Sequence[str]
) -> dict[str, list[Path]]:
    """Compute and write every selected report and the index into `out_dir` (the work folder)."""
    written: dict[str, list[Path]] = {}
    entries: list[dict[str, Any]] = []
    for name in selected:
        result = REPORTS[name](ctx)
        written[name] = write_report(result, out_dir, formats)
        entries.append(
            {
                "name": name,
                "title": result.title,
                "n_postings": result.n_postings,
                "coverage": result.coverage,
                "headlines": result.headlines[:4],
                "links": _links(name, formats),
            }
        )
    index: list[Path] = []
    if "html" in formats:
        index.append(out_dir / "index.html")
        index[-1].write_text(render_index(entries), encoding="utf-8")
    if "md" in formats:
        index.append(out_dir / "index.md")
        index[-1].write_text(_index_md(entries), encoding="utf-8")
    if index:
        written["index"] = index
    return written
