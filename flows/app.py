"""Typer apps and shared options of the `jobtrends` CLI (commands live in flows/commands/)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
#: Prefect's temporary server must start before its limit (20 s by default) or the first run fails;
#: on a busy machine the start takes longer, so the CLI allows 3 minutes unless the user set it.
EPHEMERAL_STARTUP_TIMEOUT_S = "180"
os.environ.setdefault(
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", EPHEMERAL_STARTUP_TIMEOUT_S
)

app = typer.Typer(
    help="jobtrends: public job postings -> skill and salary trends for AI roles.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"jobtrends {version('jobtrends')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """jobtrends: public job postings -> skill and salary trends for AI roles."""


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
