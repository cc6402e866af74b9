"""CLI commands of the scale-out crawl: one source group per worker, then one processing run."""

from __future__ import annotations

from typing import Annotated

import typer

from flows.app import ConfigOpt, app, fail, settings

RunIdOpt = Annotated[
    str | None,
    typer.Option("--run-id", help="Run to fill or process (default: today's shared run id)."),
]


@app.command("crawl-group")
def crawl_group(
    kinds: Annotated[
        str, typer.Option("--kinds", help="Comma list of source kinds this worker crawls.")
    ],
    config: ConfigOpt = None,
    run_id: RunIdOpt = None,
) -> None:
    """Crawl one group of source kinds into the day's run (run one group per worker).

    Example: jobtrends crawl-group --kinds greenhouse,lever,ashby
    """
    from flows.daily import configured_sources
    from flows.groups import GroupConfigError, crawl_group_flow, group_sources, run_id_or_today

    cfg = settings(config)
    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    try:
        group_sources(configured_sources(cfg), wanted)  # bad input fails before Prefect starts
    except GroupConfigError as exc:
        fail(str(exc))
    run = run_id_or_today(run_id)
    result = crawl_group_flow(cfg, wanted, run)
    for kind, state in result.items():
        typer.echo(f"  {kind}: {state[:200]}")
    typer.echo(f"crawled into run {run}")


@app.command("process-run")
def process_run(
    config: ConfigOpt = None,
    run_id: RunIdOpt = None,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
) -> None:
    """Extract, load and report a run the crawl groups filled (on the warehouse's host).

    Example: jobtrends process-run --workers 2
    """
    from flows.errors import NothingStored
    from flows.groups import missing_run_message, process_run_flow, run_id_or_today
    from flows.preflight import run_guard
    from flows.progress import run_summary_lines

    cfg, run = settings(config), run_id_or_today(run_id)
    if not (cfg.lake / run).is_dir():
        fail(missing_run_message(cfg.lake, run))
    with run_guard(cfg):  # held or newer warehouse, read-only folders: refused before extracting
        state = process_run_flow(cfg, run, workers, return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, NothingStored):  # exit 4, with the summary of what was processed
        result = result.result
    elif isinstance(result, BaseException):
        raise result
    typer.echo(f"processed run {result['run_id']}: {state.name}")
    for line in run_summary_lines(result)[1:]:
        typer.echo(line)
    if result["exit_code"]:
        raise typer.Exit(result["exit_code"])
