"""CLI commands that run flows: run, serve, report, reextract, status."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.app import ConfigOpt, WarehouseOpt, app, fail, settings


@app.command()
def run(
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    lake: Annotated[Path | None, typer.Option(help="Raw lake root.")] = None,
    reports: Annotated[Path | None, typer.Option(help="Reports root.")] = None,
    demo_postings: Annotated[
        int | None, typer.Option(help="Demo board size when no sources are set.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
) -> None:
    """Run the daily flow once: crawl -> extract -> load -> report.

    Example: jobtrends run   (crawls the bundled demo board when no sources.toml exists)
    """
    from flows.daily import configured_sources, daily_flow
    from flows.errors import NothingStored
    from flows.preflight import run_guard

    cfg = settings(
        config, warehouse=warehouse, lake=lake, reports=reports, demo_postings=demo_postings
    )
    configured_sources(cfg)  # a bad sources.toml fails here, in one line, before Prefect starts
    with run_guard(cfg):  # held warehouse, newer schema, read-only folders: refused before crawling
        state = daily_flow(cfg, workers=workers, return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, NothingStored):
        result = result.result
    elif isinstance(result, BaseException):
        raise result
    from flows.progress import run_summary_lines

    typer.echo("")
    for line in run_summary_lines(result):
        typer.echo(line)
    typer.echo('  try:       jobtrends sql "select role, count(*) from postings group by 1"')
    if result["exit_code"]:
        raise typer.Exit(result["exit_code"])


@app.command()
def serve(
    config: ConfigOpt = None,
    once: Annotated[
        bool, typer.Option("--once", help="Run one scheduled execution and exit.")
    ] = False,
    workers: Annotated[int, typer.Option(help="Extraction processes of each run.")] = 1,
) -> None:
    """Serve the daily deployment on the cron from jobtrends.toml (needs a Prefect server).

    Example: jobtrends serve          (blocks; schedule = [schedule].cron)
             jobtrends serve --once   (one scheduled execution end to end, for tests)
             jobtrends serve --config prod.toml --workers 2   (each run reads prod.toml)
    """
    from flows.schedule import serve_daily

    if workers < 1:
        fail(f"--workers must be 1 or more, got {workers}")
    cfg = settings(config)  # a bad config fails here, before the deployment is served
    config_path = str(config.resolve()) if config else None
    serve_daily(cfg, once=once, config_path=config_path, workers=workers)


@app.command()
def report(
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Output folder (default reports/<date>; filtered: reports/<date>_<filters>).",
        ),
    ] = None,
    since: Annotated[str | None, typer.Option(help="First posted month, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last posted date, YYYY-MM-DD.")] = None,
    role: Annotated[list[str] | None, typer.Option(help="Role slug(s) to keep.")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Source kind(s) to keep.")] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            help="ISO country code(s) to keep; salary bands default to US, 'all' = every market."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="Comma list of md,html,csv,parquet,json.")
    ] = "md,html,csv,json,parquet",
    mentions: Annotated[
        str,
        typer.Option(help="Skills counted: 'asked' (what postings ask for) or 'all' mentions."),
    ] = "asked",
    last_months: Annotated[
        int | None,
        typer.Option(
            help="Only the last N complete months of the data (not with --since/--until)."
        ),
    ] = None,
) -> None:
    """Build trend reports from the warehouse.

    Unknown roles, sources or countries stop with exit 2 and the nearest valid values.

    Example: jobtrends report --role ai-engineer --since 2026-01-01 --country US --format md,html
             (writes reports/<date>_role-ai-engineer_country-US_since-2026-01-01/)
             jobtrends report --last-months 6 --mentions all
    """
    from flows.report import build_report_files, report_dir

    cfg = settings(config, warehouse=warehouse)
    if not cfg.warehouse.exists():
        fail(
            f"warehouse {cfg.warehouse} does not exist; run `jobtrends run` first or pass --warehouse"
        )
    if out is not None and out.exists() and not out.is_dir():
        fail(f"--out {out} is a file; pass a folder (reports are written as a folder of files)")
    formats = tuple(f.strip() for f in fmt.split(",") if f.strip())
    bad = [f for f in formats if f not in ("md", "html", "csv", "parquet", "json")]
    if bad:
        fail(f"unknown report format(s) {bad}; use md, html, csv, parquet, json")
    if mentions not in ("asked", "all"):
        fail(f"--mentions {mentions!r} is not asked or all")
    if last_months is not None and (last_months < 1 or since or until):
        fail(
            "--last-months takes a number >= 1 and replaces --since/--until; give one or the other"
        )
    from flows.report_filters import (
        FilterError,
        Filters,
        canonical,
        check_filters,
        folder_name,
        valid_values,
    )

    filters = Filters(
        since=parse_day(since),
        until=parse_day(until),
        roles=tuple(role or ()),
        sources=tuple(source or ()),
        countries=tuple(country or ()),
    )
    valid = valid_values(cfg.warehouse)
    try:
        check_filters(filters, valid)
    except FilterError as exc:
        fail(str(exc))
    filters = canonical(filters, valid)
    extra = (f"_last-{last_months}m" if last_months else "") + (
        "_mentions-all" if mentions == "all" else ""
    )
    out_dir = out or report_dir(cfg.reports).with_name(
        folder_name(report_dir(cfg.reports).name, filters) + extra
    )
    countries = [c for c in filters.countries if c != "all"] or None
    from analytics.reports.context import ReportParams

    params = ReportParams(mentions=mentions, last_months=last_months)
    if "all" in filters.countries:
        params = ReportParams(salary_countries=(), mentions=mentions, last_months=last_months)
    written = build_report_files(
        cfg.warehouse,
        out_dir,
        formats,
        since=filters.since,
        until=filters.until,
        roles=filters.roles or None,
        sources=filters.sources or None,
        countries=countries,
        params=params,
        lake=cfg.lake,
    )
    typer.echo(f"{sum(len(v) for v in written.values())} files in {out_dir.resolve()}")


def parse_day(value: str | None):  # noqa: ANN201
    """YYYY-MM-DD or None; anything else is a usage error naming the option."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"date {value!r} is not YYYY-MM-DD (for example 2026-01-31)")


@app.command()
def reextract(
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Ignore cached extractions of this taxonomy version.")
    ] = False,
) -> None:
    """Re-run extraction over the whole raw lake (after taxonomy or rule changes) and swap derived tables atomically.

    Example: jobtrends reextract --workers 2
    """
    from flows.reextract import reextract_flow

    cfg = settings(config, warehouse=warehouse)
    from flows.progress import reextract_lines

    stats = reextract_flow(cfg, workers=workers, force=force)
    typer.echo("")
    typer.echo(f"jobtrends reextract finished (warehouse {cfg.warehouse.resolve()})")
    for line in reextract_lines(stats):
        typer.echo(f"  {line}")


@app.command()
def status(config: ConfigOpt = None, warehouse: WarehouseOpt = None) -> None:
    """Per source and board: last success, last error, postings, freshness (data shown as plain text).

    Example: jobtrends status
    """
    from flows.status import print_status

    cfg = settings(config, warehouse=warehouse)
    if not cfg.warehouse.exists():
        fail(
            f"warehouse {cfg.warehouse} does not exist; run `jobtrends run` first or pass --warehouse"
        )
    print_status(cfg.warehouse)
