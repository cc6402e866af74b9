"""CLI commands on data: extract, sql, eval, taxonomy suggest, demo-board."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from flows.app import ConfigOpt, WarehouseOpt, app, fail, settings, taxonomy_app


def _progress(enabled: bool):  # noqa: ANN202
    """A live postings/s counter on stderr for long runs; silent when piped."""
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        "{task.description}",
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )


@app.command()
def extract(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT.jsonl", help="Postings as JSON lines ('-' = stdin).")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Output JSON lines ('-' = stdout).")
    ] = Path("-"),
) -> None:
    """Extract role, seniority, skills and salary from arbitrary postings, streaming in batches of 32 lines.

    Example: jobtrends extract postings.jsonl -o extracted.jsonl
    """
    from pipelines.extract_lines import decode_lines, extract_json_lines

    try:  # bytes: a line that is not UTF-8 becomes one error line, the rest is extracted
        src = sys.stdin.buffer if str(input_path) == "-" else input_path.open("rb")
    except OSError as exc:
        fail(f"cannot read {input_path}: {exc.strerror}; pass an existing JSON lines file")
    dst = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    errors = total = 0
    progress = _progress(enabled=dst is not sys.stdout and sys.stderr.isatty())
    try:
        with progress:
            task = progress.add_task("extracting", total=None)
            for line, ok in extract_json_lines(decode_lines(src)):
                total += 1
                errors += not ok
                dst.write(line + "\n")
                progress.advance(task)
    finally:
        if dst is not sys.stdout:
            dst.close()
    typer.echo(f"{total} lines written to {output} ({errors} with errors)", err=True)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A read-only SQL query.")],
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table | csv | json | markdown. csv and json print every row, for pipes.",
        ),
    ] = "table",
    limit: Annotated[
        int | None,
        typer.Option(
            help="Rows at most, pushed into the query (default: 200 for table/markdown, all for csv/json)."
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds before the query is interrupted.")] = 60.0,
) -> None:
    """Query the warehouse read-only and print a table, CSV, JSON or Markdown.

    Example: jobtrends sql "select role, count(*) as n from postings group by 1 order by 2 desc"
             jobtrends sql "select * from postings" --format csv > postings.csv
             jobtrends sql "select title, company from postings" --format json --limit 10
    """
    from flows.sql_output import FORMATS, READING_LIMIT, emit

    if fmt not in FORMATS:
        fail(f"unknown --format {fmt!r}; use one of {', '.join(FORMATS)}")
    if limit is not None and limit < 0:
        fail(f"--limit must be 0 or more, got {limit}")
    if timeout <= 0:
        fail(f"--timeout must be more than 0 seconds, got {timeout:g}")
    cfg = settings(config, warehouse=warehouse)
    if not cfg.warehouse.exists():
        fail(
            f"warehouse {cfg.warehouse} does not exist; run `jobtrends run` first or pass --warehouse"
        )
    import duckdb

    from analytics.readonly import QueryTimeout, ReadOnlyViolation, run_readonly_query

    reading = fmt in ("table", "markdown")
    shown = limit if limit is not None else (READING_LIMIT if reading else None)
    try:
        columns, rows = run_readonly_query(
            cfg.warehouse,
            query,
            max_rows=None if shown is None else shown + 1,
            query_timeout=timeout,
        )
    except ReadOnlyViolation as exc:
        fail(str(exc))
    except QueryTimeout as exc:
        fail(f"{exc}; narrow the query or raise --timeout (now {timeout:g} s)")
    except duckdb.Error as exc:  # SQL errors (incl. refused file access) are user input errors
        fail(f"query failed: {str(exc).splitlines()[0]}")
    more = shown is not None and len(rows) > shown
    emit(fmt, columns, rows[:shown] if more else rows)
    if more:
        typer.echo(
            "... more rows not shown: pass --limit N, or --format csv/json for every row",
            err=True,
        )


@app.command(name="eval")
def evaluate(
    skills: Annotated[
        Path | None,
        typer.Option(help="Gold skills JSONL (id, title, description_text, gold_skills)."),
    ] = None,
    titles: Annotated[
        Path | None, typer.Option(help="Gold titles JSONL (id, title, gold_role, gold_seniority).")
    ] = None,
    salary: Annotated[
        list[Path] | None,
        typer.Option(help="Gold salary JSONL (id, salary_text|description_html, gold)."),
    ] = None,
    asked: Annotated[
        Path | None,
        typer.Option(
            help="Gold asked-skills JSONL (id, title, description_text, asked, mentioned_only)."
        ),
    ] = None,
) -> None:
    """Score extraction against labelled postings: precision, recall, F1, exact salary matches.

    Example: jobtrends eval --skills ../shared/eval/skills_dev.jsonl --titles ../shared/eval/titles_dev.jsonl --salary ../shared/eval/salary_dev.jsonl
    """
    if not (skills or titles or salary or asked):
        fail(
            "nothing to evaluate; pass --skills, --titles, --salary and/or --asked with a gold JSONL file"
        )
    for path in [p for p in (skills, titles, asked, *(salary or [])) if p is not None]:
        if not path.exists():
            fail(f"gold file {path} does not exist")
    if skills or titles:
        from pipelines.evaluate import run_eval

        typer.echo(run_eval(skills_path=skills, titles_path=titles))
    for path in salary or []:
        from pipelines.evaluate_salary import run_salary_eval

        typer.echo(f"== salary: {path}")
        typer.echo(run_salary_eval(path))
    if asked:
        from pipelines.evaluate_asked import GoldFormatError, run_asked_eval

        try:
            typer.echo(run_asked_eval(asked))
        except GoldFormatError as exc:
            fail(str(exc))


@taxonomy_app.command("suggest")
def taxonomy_suggest(
    config: ConfigOpt = None,
    warehouse: WarehouseOpt = None,
    top: Annotated[int, typer.Option(help="Candidates to list.")] = 30,
) -> None:
    """List rising terms that are not in the taxonomy, for a curator to add.

    Example: jobtrends taxonomy suggest --top 20
    """
    from flows.curation import print_suggestions

    cfg = settings(config, warehouse=warehouse)
    if not cfg.warehouse.exists():
        fail(
            f"warehouse {cfg.warehouse} does not exist; run `jobtrends run` first or pass --warehouse"
        )
    print_suggestions(cfg.warehouse, top)


@app.command(name="demo-board")
def demo_board(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 = free port).")] = 8123,
    postings: Annotated[int, typer.Option(help="Postings to generate.")] = 3000,
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 7,
) -> None:
    """Serve the bundled demo job board until Ctrl-C: replicas of all ten source kinds on 127.0.0.1.

    Example: jobtrends demo-board --port 8123
    """
    import time

    from spiders.demo.generator import generate_board
    from spiders.demo.server import DemoServer

    with DemoServer(generate_board(seed=seed, n_postings=postings), port=port) as server:
        typer.echo(f"demo board at {server.base_url}")
        for src in server.sources():
            typer.echo(f"  {src.kind:10s} {src.board:24s} {src.start_url or src.base_url}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
