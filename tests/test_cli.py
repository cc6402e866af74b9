"""The CLI front door: every command documented, bad input gives one clear line and exit code 2."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def jobtrends(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
    )


def command_names() -> list[str]:
    import typer.main

    from flows.cli import app

    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [n for n in command_names() if f"jobtrends {n}" not in readme]
    assert not missing, f"commands missing from README: {missing}"
    assert len(command_names()) >= 12


def test_every_command_help_has_an_example() -> None:
    import typer.main

    from flows.cli import app

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        for sub in (getattr(cmd, "commands", None) or {name: cmd}).values():
            assert "Example:" in (sub.help or ""), f"{sub.name} help lacks an example"


def test_malformed_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[paths\n")
    proc = jobtrends("sources", "list", "--config", str(tmp_path / "bad.toml"))
    assert proc.returncode == 2
    assert re.search(r"malformed TOML", proc.stderr)
    assert "Traceback" not in proc.stderr


def test_bad_cron_exit_2(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text('[schedule]\ncron = "61 * * * *"\n')
    proc = jobtrends("sources", "list", "--config", str(tmp_path / "c.toml"))
    assert proc.returncode == 2 and "cron" in proc.stderr


def test_sql_on_missing_warehouse_exit_2(tmp_path: Path) -> None:
    proc = jobtrends("sql", "select 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr


def test_unknown_option_is_a_usage_error() -> None:
    proc = jobtrends("run", "--no-such-option")
    assert proc.returncode == 2


@pytest.mark.parametrize("fmt", ["pdf", "md,docx"])
def test_report_rejects_unknown_formats(tmp_path: Path, fmt: str) -> None:
    wh = tmp_path / "w.duckdb"
    wh.write_bytes(b"")
    proc = jobtrends("report", "--warehouse", str(wh), "--format", fmt)
    assert proc.returncode == 2 and "unknown report format" in proc.stderr


def test_crawl_group_with_an_unknown_kind_exit_2(tmp_path: Path) -> None:
    proc = jobtrends("crawl-group", "--kinds", "lever,monster", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown source kind(s) ['monster']" in proc.stderr and "Traceback" not in proc.stderr


def test_process_run_of_a_run_never_crawled_exit_2(tmp_path: Path) -> None:
    proc = jobtrends("process-run", "--run-id", "20261122T000000Z-abcdef", cwd=tmp_path)
    assert proc.returncode == 2
    assert "has no lake directory" in proc.stderr and "Traceback" not in proc.stderr
