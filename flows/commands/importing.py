"""CLI commands that bring history in: `import` (files from other tools) and `backfill` (past
months of a source)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from flows.app import ConfigOpt, WarehouseOpt, app, fail, settings

LakeOpt = Annotated[Path | None, typer.Option("--lake", help="Raw lake root.")]


@app.command("import")
def import_cmd(
    files: Annotated[list[Path], typer.Argument(help="CSV, JSONL or Parquet file(s) of postings.")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto | jobspy | csv | jsonl | parquet.")
    ] = "auto",
    source: Annotated[
        str | None,
        typer.Option("--source", help="Board name of these postings (default: the file name)."),
    ] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", help="COLUMN=FIELD for a column not matched by name (repeatable)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the mapping and first rows; load nothing.")
    ] = False,
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    lake: LakeOpt = None,
    workers: Annotated[int, typer.Option(help="Import and extraction processes.")] = 1,
) -> None:
    """Import postings from files (JobSpy CSV, or any CSV/JSONL/Parquet) as source `import`.

    Example: jobtrends import jobs.csv --source jobspy
             jobtrends import dump.parquet --map "Job Name=title" --map "Ort=locations" --dry-run
    """
    from importers.fields import MappingError, parse_maps
    from importers.process import process_lake_run
    from importers.readers import ImportFileError
    from importers.run import REJECTS_FILE, import_files
    from importers.run import dry_run as show_dry_run

    cfg = settings(config, warehouse=warehouse, lake=lake)
    started = datetime.now(UTC)
    try:
        mapping = parse_maps(maps or [])
        if dry_run:
            show_dry_run(files, fmt=fmt, source=source, maps=mapping, echo=typer.echo)
            return
        result = import_files(
            files, cfg.lake, fmt=fmt, source=source, maps=mapping, workers=workers
        )
    except (ImportFileError, MappingError) as exc:
        fail(str(exc))
    for file, row, reason in result.rejects:
        typer.secho(f"rejected: {file} row {row}: {reason}", err=True, fg=typer.colors.YELLOW)
    if result.rejected > len(result.rejects):
        typer.secho(f"rejected: ... {result.rejected - len(result.rejects)} more", err=True)
    if not result.written:
        fail(f"no row of {', '.join(result.files)} could be imported (see the lines above)")
    out = process_lake_run(cfg, result.run_id, started, "import", workers=workers)
    load = out["load"]
    typer.echo(f"imported run {result.run_id}: {result.rows} row(s) read from {len(files)} file(s)")
    typer.echo(
        f"  imported:  {load.get('new', 0) + load.get('updated', 0)} "
        f"(new {load.get('new', 0)}, changed {load.get('updated', 0)})"
    )
    typer.echo(f"  unchanged: {load.get('unchanged', 0)}")
    reasons = ", ".join(f"{k} {v}" for k, v in result.reasons.most_common())
    typer.echo(f"  rejected:  {result.rejected}" + (f" ({reasons})" if reasons else ""))
    if result.rejected:
        typer.echo(f"             every one in {cfg.lake / result.run_id / REJECTS_FILE}")
    boards = ", ".join(f"{b} {t.items}" for b, t in sorted(result.boards.items()) if t.items)
    typer.echo(f"  boards:    {boards}")
    typer.echo(f"  reports:   {out['reports_dir']}/index.html")


@app.command()
def backfill(
    source: Annotated[str, typer.Argument(help="Source kind with a fetchable past: hn.")],
    months: Annotated[int, typer.Option("--months", help="How many past months to fetch.")] = 12,
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    lake: LakeOpt = None,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
) -> None:
    """Fetch the last N months of a source (HN's monthly 'Who is hiring?' threads) so trends
    have history from day one; records the period the source now covers.

    Example: jobtrends backfill hn --months 24
    """
    from importers.backfill import BackfillError
    from importers.backfill import backfill as run_backfill
    from importers.process import process_lake_run

    cfg = settings(config, warehouse=warehouse, lake=lake)
    try:
        done = run_backfill(cfg, source, months)
    except BackfillError as exc:
        fail(str(exc))
    failed = [r for r in done["records"] if r.get("status") == "failed"]
    for rec in failed:
        messages = "; ".join(str(m) for m in rec.get("error_messages") or [])[:300]
        typer.secho(f"FAILED {rec['source']}:{rec['board']}: {messages}", err=True, fg="red")
    if not done["coverage"]:
        fail(
            f"backfill of {source} fetched no posting (run {done['run_id']}); see the lines above",
            1,
        )
    out = process_lake_run(cfg, done["run_id"], done["started"], "backfill", workers=workers)
    typer.echo(f"backfilled run {done['run_id']}")
    for cov in done["coverage"]:
        n = sum(cov["months"].values())
        typer.echo(
            f"  {cov['source']}:{cov['board']}: {len(cov['months'])} month(s) "
            f"{cov['coverage_start']} .. {cov['coverage_end']}, {n} posting(s)"
        )
    load = out["load"]
    typer.echo(f"  postings:  new {load.get('new', 0)}, unchanged {load.get('unchanged', 0)}")
    typer.echo(f"  reports:   {out['reports_dir']}/index.html")
