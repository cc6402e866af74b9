"""The CLI front door: every command documented, bad input gives one clear line and exit code 2."""

import json
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
def test_report_rejects_unknown_formats(warehouse: Path, tmp_path: Path, fmt: str) -> None:
    proc = jobtrends("report", "--warehouse", str(warehouse), "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 2 and "unknown report format" in proc.stderr


def test_crawl_group_with_an_unknown_kind_exit_2(tmp_path: Path) -> None:
    proc = jobtrends("crawl-group", "--kinds", "lever,monster", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown source kind(s) ['monster']" in proc.stderr and "Traceback" not in proc.stderr


def test_process_run_of_a_run_never_crawled_exit_2(tmp_path: Path) -> None:
    proc = jobtrends("process-run", "--run-id", "20261122T000000Z-abcdef", cwd=tmp_path)
    assert proc.returncode == 2
    assert "has no lake directory" in proc.stderr and "Traceback" not in proc.stderr


# --- everyday habits (issue 19): version, sql formats and limits, safe terminal, report filters ---

HOSTILE = "[bold red]owned[/bold red]\x1b]0;title\x07\x1b[31mred\u202eevil"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed warehouse (two runs, roles, sources, countries) plus hostile text and numbers."""
    sys.path.insert(0, str(ROOT / "tests" / "analytics"))
    from warehouse_seeds import RUN1, RUN2, load_run, seed_dims, seed_extractions

    from analytics.db import connect
    from analytics.dedup import assign_dup_groups
    from analytics.load import load_dims, load_extractions

    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    con = connect(path)
    skills, roles = seed_dims()
    load_dims(con, skills, roles)
    load_run(con, RUN1)
    load_extractions(con, seed_extractions(RUN1))
    load_run(con, RUN2)
    assign_dup_groups(con)
    con.execute("create table hostile as select ? as text, 1234.56789 as x", [HOSTILE])
    con.execute(
        "insert into crawl_runs (run_id, source, board, finished_at, status, error_messages) "
        "values ('r', 'greenhouse', ?, now(), 'failed', [?])",
        [HOSTILE, HOSTILE],
    )
    con.close()
    return path


def test_version() -> None:
    from importlib.metadata import version

    proc = jobtrends("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"jobtrends {version('jobtrends')}"


def test_sql_csv_and_json_print_every_row(warehouse: Path) -> None:
    query = "select range as i, range / 3 as third from range(450)"
    csv_out = jobtrends("sql", query, "--warehouse", str(warehouse), "--format", "csv")
    assert csv_out.returncode == 0, csv_out.stderr
    lines = csv_out.stdout.splitlines()
    assert lines[0] == "i,third" and len(lines) == 451  # no 200-row cut for pipes
    assert lines[2] == "1,0.3333333333333333"  # full precision
    js = jobtrends("sql", query, "--warehouse", str(warehouse), "-f", "json")
    rows = json.loads(js.stdout)
    assert len(rows) == 450 and rows[1] == {"i": 1, "third": 1 / 3}


def test_sql_table_rounds_floats_and_cuts_at_the_reading_limit(warehouse: Path) -> None:
    proc = jobtrends(
        "sql", "select range / 3 as third from range(450)", "--warehouse", str(warehouse)
    )
    assert proc.returncode == 0
    assert " 0.33 " in proc.stdout and "0.3333" not in proc.stdout
    assert "66.33" in proc.stdout and "66.67" not in proc.stdout  # row 200 shown, 201 not
    assert "more rows not shown" in proc.stderr


def test_sql_markdown(warehouse: Path) -> None:
    proc = jobtrends(
        "sql", "select 'a|b' as t, 2.5 as x", "--warehouse", str(warehouse), "-f", "markdown"
    )
    assert proc.stdout.splitlines() == ["| t | x |", "|---|---|", "| a\\|b | 2.5 |"]


def test_sql_limit_is_pushed_into_the_query(warehouse: Path) -> None:
    # ten billion rows: only a LIMIT inside the query plan can answer this at all
    proc = jobtrends(
        "sql",
        "select range from range(10000000000)",
        "--warehouse",
        str(warehouse),
        "--limit",
        "3",
        "-f",
        "csv",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["range", "0", "1", "2"]


def test_sql_timeout_interrupts_the_query(warehouse: Path) -> None:
    proc = jobtrends(
        "sql",
        "select count(*) from range(100000000000)",
        "--warehouse",
        str(warehouse),
        "--timeout",
        "1",
    )
    assert proc.returncode == 2
    assert "stopped after 1 s" in proc.stderr and "--timeout" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "-1"], "--limit must be 0 or more"),
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--timeout", "0"], "--timeout must be more than 0"),
    ],
)
def test_sql_bad_options_exit_2(warehouse: Path, args: list[str], message: str) -> None:
    proc = jobtrends("sql", "select 1", "--warehouse", str(warehouse), *args)
    assert proc.returncode == 2 and message in proc.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_sql_prints_markup_literally_and_strips_control_characters(
    warehouse: Path, fmt: str
) -> None:
    proc = jobtrends("sql", "select * from hostile", "--warehouse", str(warehouse), "-f", fmt)
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]owned[/bold red]" in proc.stdout  # shown, not interpreted
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\u202e" not in proc.stdout
    assert "0;title" in proc.stdout and "evil" in proc.stdout  # the text itself is kept


def test_sql_json_escapes_control_characters(warehouse: Path) -> None:
    proc = jobtrends("sql", "select * from hostile", "--warehouse", str(warehouse), "-f", "json")
    assert "\x1b" not in proc.stdout
    assert json.loads(proc.stdout)[0]["text"] == HOSTILE  # exact data for pipes


def test_status_prints_scraped_text_as_plain_text(warehouse: Path) -> None:
    proc = jobtrends("status", "--warehouse", str(warehouse))
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]owned" in proc.stdout
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--role", "ml-enginer"],
            "unknown --role 'ml-enginer': no postings have it; did you mean ml-engineer",
        ),
        (["--source", "greenhous"], "did you mean greenhouse"),
        (["--country", "XX"], "unknown --country 'XX'"),
        (
            ["--since", "2026-03-01", "--until", "2026-01-31"],
            "--since 2026-03-01 is after --until 2026-01-31",
        ),
    ],
)
def test_report_filters_are_checked_against_the_warehouse(
    warehouse: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    proc = jobtrends("report", "--warehouse", str(warehouse), *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "reports").exists()


def test_filtered_report_gets_its_own_folder(warehouse: Path, tmp_path: Path) -> None:
    full = jobtrends("report", "--warehouse", str(warehouse), "--format", "md", cwd=tmp_path)
    assert full.returncode == 0, full.stderr
    (day,) = [p for p in (tmp_path / "reports").iterdir()]
    before = (day / "skill_share.md").read_text()
    proc = jobtrends(
        "report",
        "--warehouse",
        str(warehouse),
        "--role",
        "ML-Engineer",
        "--country",
        "us",
        "--format",
        "md",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    filtered = tmp_path / "reports" / f"{day.name}_role-ml-engineer_country-US"
    assert (filtered / "skill_share.md").exists()
    assert str(filtered) in proc.stdout
    assert (day / "skill_share.md").read_text() == before  # the full reports are untouched


def test_progress_lines_are_words_not_dicts() -> None:
    from flows.progress import extraction_line, load_line, reextract_lines

    stats = {"files": 10, "files_cached": 2, "postings": 1510, "extracted": 1400}
    assert extraction_line(stats).startswith("extract 1,510 postings: 1,400 extracted")
    assert load_line({"new": 5, "closed": 2, "crawl_boards": 52}) == (
        "load    5 new, 0 updated, 0 unchanged, 2 closed; 52 board crawls recorded"
    )
    assert "{" not in " ".join(reextract_lines({**stats, "postings": 1510}))


def test_serve_passes_config_and_workers_to_the_served_flow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import flows.daily
    from flows.cli import app

    calls: list[tuple[str, dict]] = []

    def scheduled(**kwargs: object) -> None:
        calls.append(("run", kwargs))

    scheduled.serve = lambda **kwargs: calls.append(("serve", kwargs))  # type: ignore[attr-defined]
    monkeypatch.setattr(flows.daily, "scheduled_daily", scheduled)
    config = tmp_path / "prod.toml"
    config.write_text('[schedule]\ncron = "15 4 * * *"\n')
    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--config", str(config), "--workers", "3"])
    assert result.exit_code == 0, result.output
    kind, kwargs = calls[-1]
    assert kind == "serve" and kwargs["cron"] == "15 4 * * *"
    assert kwargs["parameters"] == {"config": str(config.resolve()), "workers": 3}
    result = runner.invoke(app, ["serve", "--config", str(config), "--workers", "2", "--once"])
    assert calls[-1] == ("run", {"config": str(config.resolve()), "workers": 2})
    assert runner.invoke(app, ["serve", "--workers", "0"]).exit_code == 2


def test_run_summary_is_readable_and_strips_controls() -> None:
    from flows.progress import run_summary_lines

    numbers = {
        "postings_total": 12034,
        "postings_open": 9000,
        "postings_new": 1510,
        "postings_updated": 3,
        "postings_closed": 7,
        "extracted": 1513,
        "skipped_unchanged": 10521,
        "extraction_coverage": 0.93,
        "salary_coverage": 0.691,
    }
    lines = run_summary_lines(
        {
            "run_id": "r1",
            "warehouse": "/w.duckdb",
            "reports_dir": "/reports/2026-12-03",
            "numbers": numbers,
            "crawl_errors": {"lever": "HTTP 503 \x1b[2Jcleared"},
            "skipped_lines": [f"f.jsonl:{i}" for i in range(12)],
            "outcome": "partial: 1 source failed",
            "exit_code": 3,
        }
    )
    text = "\n".join(lines)
    assert "12,034 in the warehouse, 9,000 open; this run: 1,510 new, 3 updated, 7 closed" in text
    assert "extracted: 1,513 postings (10,521 unchanged" in text
    assert "role 93%, salary 69%" in text
    assert "FAILED lever: HTTP 503 [2Jcleared" in text and "\x1b" not in text
    assert "2 more skipped lake lines" in text and "outcome:   partial" in text
    assert "{" not in text  # no dict reprs
