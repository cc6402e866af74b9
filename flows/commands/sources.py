"""CLI commands for sources.toml: list, add, check."""

from __future__ import annotations

from typing import Annotated

import typer

from flows.app import ConfigOpt, fail, settings, sources_app


@sources_app.command("list")
def sources_list(config: ConfigOpt = None) -> None:
    """List configured boards (the demo board is used when none are configured).

    Example: jobtrends sources list
    """
    cfg = settings(config)
    from spiders.sources_file import load_sources

    if not cfg.sources_file.exists():
        typer.echo(f"no {cfg.sources_file}: `jobtrends run` crawls the bundled demo board")
        return
    for src in load_sources(cfg.sources_file):
        kw = f"  keywords={','.join(src.title_keywords)}" if src.title_keywords else ""
        typer.echo(f"{src.kind:16s} {src.board:28s} {src.start_url or src.base_url}{kw}")


@sources_app.command("add")
def sources_add(
    kind: Annotated[
        str, typer.Argument(help="Source kind, e.g. greenhouse, lever, ashby, jsonld.")
    ],
    board: Annotated[str, typer.Argument(help="Board token / site slug / company id.")],
    base_url: Annotated[
        str | None, typer.Option(help="API root (default: the real endpoint).")
    ] = None,
    start_url: Annotated[
        str | None, typer.Option(help="Listing page or sitemap (jsonld, wwr).")
    ] = None,
    keyword: Annotated[
        list[str] | None, typer.Option(help="Keep titles containing this word.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Add a board to sources.toml (validated before it is written).

    Example: jobtrends sources add greenhouse anthropic --keyword engineer
    """
    from spiders.sources_file import add_source

    cfg = settings(config)
    src = add_source(
        cfg.sources_file,
        kind,
        board,
        base_url=base_url,
        start_url=start_url,
        title_keywords=keyword or [],
    )
    typer.echo(f"added {src.key} to {cfg.sources_file}")


@sources_app.command("check")
def sources_check(config: ConfigOpt = None) -> None:
    """Fetch one listing page per configured board and report whether it answers.

    Example: jobtrends sources check
    """
    from spiders.sources_file import check_source, load_sources

    cfg = settings(config)
    if not cfg.sources_file.exists():
        fail(f"no {cfg.sources_file}; add one with `jobtrends sources add KIND BOARD`")
    bad = 0
    for src in load_sources(cfg.sources_file):
        ok, message = check_source(src)
        bad += not ok
        typer.echo(f"{'ok  ' if ok else 'FAIL'} {src.key:40s} {message}")
    if bad:
        fail(
            f"{bad} board(s) did not answer; fix their base_url/board in {cfg.sources_file} or remove them"
        )
