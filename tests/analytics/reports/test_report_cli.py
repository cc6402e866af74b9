"""`jobtrends report --mentions` and `--last-months`: what they count, where they write, and
one-line errors for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner
from warehouse_seeds import RUN1, load_run, seed_dims, seed_extractions

from analytics.db import connect
from analytics.load import load_dims, load_extractions


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wh") / "jobtrends.duckdb"
    con = connect(path)
    skills, roles = seed_dims()
    load_dims(con, skills, roles)
    load_run(con, RUN1)
    load_extractions(con, seed_extractions(RUN1))
    con.close()
    return path


def _report(warehouse: Path, out: Path, *args: str):
    from flows.cli import app

    argv = ["report", "--warehouse", str(warehouse), "--format", "md", *args]
    return CliRunner().invoke(app, [*argv, "--out", str(out)] if out else argv)


def test_mentions_all_and_last_months_reach_the_reports(warehouse: Path, tmp_path: Path) -> None:
    result = _report(warehouse, tmp_path / "r", "--mentions", "all", "--last-months", "2")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r" / "skill_share.md").read_text()
    assert "every skill mention" in text and "the last 2 complete months" in text
    default = _report(warehouse, tmp_path / "d")
    assert default.exit_code == 0, default.output
    assert "skills the postings ask for" in (tmp_path / "d" / "skill_share.md").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mentions", "some"], "--mentions 'some' is not asked or all"),
        (["--last-months", "0"], "--last-months takes a number >= 1"),
        (["--last-months", "3", "--since", "2026-01-01"], "replaces --since/--until"),
    ],
)
def test_bad_values_exit_2_with_one_line(
    warehouse: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = _report(warehouse, tmp_path / "x", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x").exists()


def test_report_states_the_lakes_recorded_coverage(warehouse: Path, tmp_path: Path) -> None:
    """`jobtrends report` reads the configured lake's coverage lines into the trend notes."""
    from importers.coverage import write_coverage

    lake = tmp_path / "lake"
    write_coverage(lake, "20261101T000000Z-aaaaaa", [
        {"source": "hn", "board": "whoishiring", "coverage_start": "2024-12-01",
         "coverage_end": "2026-10-31", "how": "backfill"}])  # fmt: skip
    config = tmp_path / "jobtrends.toml"
    config.write_text(f'[paths]\nlake = "{lake.as_posix()}"\n', encoding="utf-8")
    result = _report(warehouse, tmp_path / "r", "--config", str(config))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r" / "skill_trends.md").read_text()
    assert "hn/whoishiring (backfill 2024-12 to 2026-10: every posting of those months)" in text
    empty = tmp_path / "empty.toml"  # a lake without coverage lines: no such note
    empty.write_text(f'[paths]\nlake = "{(tmp_path / "lake2").as_posix()}"\n', encoding="utf-8")
    bare = _report(warehouse, tmp_path / "b", "--config", str(empty))
    assert bare.exit_code == 0, bare.output
    assert "Recorded coverage" not in (tmp_path / "b" / "skill_trends.md").read_text()
