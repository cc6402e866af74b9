"""The `jobtrends` command line: one front door to every stage. Each command's help has an example."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

app = typer.Typer(
    help="jobtrends: public job postings -> skill and salary trends for AI roles.",
    no_args_is_help=True,
    add_completion=False,
)
sources_app = typer.Typer(help="Manage the boards to crawl (sources.toml).", no_args_is_help=True)
taxonomy_app = typer.Typer(help="Curate the skill taxonomy.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(taxonomy_app, name="taxonomy")

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="jobtrends.toml to read.")]
WarehouseOpt = Annotated[Path | None, typer.Option("--warehouse", help="DuckDB warehouse file.")]


def fail(message: str, code: int = 2) -> None:
    """One clear line on stderr, then exit (2 = bad input or configuration)."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def settings(config: Path | None, **overrides: object):  # noqa: ANN201
    from flows.config import load_settings

    return load_settings(config).with_overrides(**overrides)


from flows.commands import data as _data  # noqa: E402,F401  (registers commands)
from flows.commands import pipeline as _pipeline  # noqa: E402,F401
from flows.commands import sources as _sources  # noqa: E402,F401


def main() -> None:
    from flows.errors import run_with_clear_errors

    sys.exit(run_with_clear_errors(app))


if __name__ == "__main__":
    main()
