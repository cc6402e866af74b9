"""Bad configuration and CLI input through `python -m flows.cli`: one line naming the problem and
the fix, exit code 2, never a traceback (tests/test_cli.py covers jobtrends.toml basics)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from spiders.demo import DemoServer

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("JOBTRENDS_SOURCES", None)
    env.pop("JOBTRENDS_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )


def one_clear_line(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-800:])
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


SOURCES_CASES = {
    "unknown kind": (
        '[[source]]\nkind = "taleo"\nboard = "acme"\n',
        ["taleo", "entry #1", "set kind"],
    ),
    "malformed toml": ('[[source]\nkind = "greenhouse"\n', ["malformed TOML", "sources.toml"]),
    "table not array": ('[source]\nkind = "greenhouse"\nboard = "a"\n', ["[[source]]"]),
    "unknown key": (
        '[[source]]\nkind = "lever"\nboard = "a"\nurl = "x"\n',
        ["unknown key", "url", "allowed"],
    ),
    "missing board": ('[[source]]\nkind = "lever"\n', ["board is missing"]),
    "listed twice": (
        '[[source]]\nkind = "lever"\nboard = "a"\n[[source]]\nkind = "lever"\nboard = "a"\n',
        ["listed twice", "remove one"],
    ),
    "file scheme": (
        '[[source]]\nkind = "greenhouse"\nboard = "a"\nbase_url = "file:///etc/passwd"\n',
        ["file:///etc/passwd", "only http:// and https://"],
    ),
    "javascript scheme": (
        '[[source]]\nkind = "jsonld"\nboard = "a"\nstart_url = "javascript:alert(1)"\n',
        ["javascript:", "only http:// and https://"],
    ),
    "schemeless": (
        '[[source]]\nkind = "jsonld"\nboard = "a"\nstart_url = "example.com/jobs"\n',
        ["only http:// and https://"],
    ),
    "keywords not a list": (
        '[[source]]\nkind = "lever"\nboard = "a"\ntitle_keywords = "ai"\n',
        ["title_keywords", "list"],
    ),
    "bad region": ('[[source]]\nkind = "lever"\nboard = "a"\nregion = "mars"\n', ["region", "eu"]),
}


#: every case through `sources list`; `sources check` shares the loader, so three cases there
COMMAND_CASES = [(("sources", "list"), c) for c in sorted(SOURCES_CASES)] + [
    (("sources", "check"), c) for c in ("unknown kind", "malformed toml", "file scheme")
]


@pytest.mark.parametrize("command, case", COMMAND_CASES)
def test_bad_sources_toml(tmp_path: Path, case: str, command: tuple[str, ...]) -> None:
    text, words = SOURCES_CASES[case]
    (tmp_path / "sources.toml").write_text(text)
    one_clear_line(cli(*command, cwd=tmp_path), *words)


@pytest.mark.faults_slow
@pytest.mark.parametrize("case", ["unknown kind", "file scheme"])
def test_run_with_bad_sources_exits_2_before_crawling(tmp_path: Path, case: str) -> None:
    """`jobtrends run` ends with the same line and exit 2 and crawls nothing (Prefect logs the
    exception above it: the sources are validated inside the flow, see docs/robustness.md)."""
    text, words = SOURCES_CASES[case]
    (tmp_path / "sources.toml").write_text(text)
    proc = cli(
        "run",
        "--warehouse",
        str(tmp_path / "wh.duckdb"),
        "--lake",
        str(tmp_path / "raw"),
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and all(w in errors[0] for w in words)
    assert not (tmp_path / "raw").exists() and not (tmp_path / "wh.duckdb").exists()


@pytest.mark.parametrize(
    "args, words",
    [
        (("greenhouse", "acme", "--base-url", "ftp://example.org"), ["ftp://", "only http"]),
        (("jsonld", "site", "--start-url", "javascript:alert(1)"), ["javascript:", "only http"]),
        (("taleo", "acme"), ["taleo", "not one of"]),
        (("jsonld", "site"), ["start_url"]),
    ],
)
def test_sources_add_validates_before_writing(
    tmp_path: Path, args: tuple[str, ...], words: list[str]
) -> None:
    (tmp_path / "sources.toml").write_text("# curated boards\n")
    one_clear_line(cli("sources", "add", *args, cwd=tmp_path), *words)
    assert (tmp_path / "sources.toml").read_text() == "# curated boards\n"


def test_sources_add_appends_and_refuses_duplicates(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("# curated boards\n")
    ok = cli("sources", "add", "greenhouse", "acme", "--keyword", "ai", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    one_clear_line(cli("sources", "add", "greenhouse", "acme", cwd=tmp_path), "already in")
    text = (tmp_path / "sources.toml").read_text()
    assert text.startswith("# curated boards\n") and text.count("[[source]]") == 1
    assert "greenhouse" in cli("sources", "list", cwd=tmp_path).stdout


def unreachable_and_missing(tmp_path: Path, srv: DemoServer) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nkind = "greenhouse"\nboard = "gone"\nbase_url = "http://127.0.0.1:9/greenhouse"\n'
        f'[[source]]\nkind = "lever"\nboard = "no-such-site"\nbase_url = "{srv.base_url}/lever"\n'
        f'[[source]]\nkind = "greenhouse"\nboard = "{srv.sources(("greenhouse",))[0].board}"\n'
        f'base_url = "{srv.base_url}/greenhouse"\n'
    )


def test_sources_check_names_each_bad_board_and_the_fix(tmp_path: Path, demo: Demo) -> None:
    srv = demo()
    unreachable_and_missing(tmp_path, srv)
    proc = cli("sources", "check", cwd=tmp_path)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    assert (
        lines[0].startswith("FAIL") and "cannot reach" in lines[0] and "check base_url" in lines[0]
    )
    assert lines[1].startswith("FAIL") and "HTTP 404" in lines[1] and "board token" in lines[1]
    assert lines[2].startswith("ok")


def test_sources_check_unreachable_board_exit_code_2(tmp_path: Path, demo: Demo) -> None:
    unreachable_and_missing(tmp_path, demo())
    assert cli("sources", "check", cwd=tmp_path).returncode == 2


@pytest.mark.parametrize(
    "toml, words",
    [
        ('[demo]\npostings = "many"\n', ["postings"]),
        ("[paths]\nwarehouse = 5\n", ["warehouse"]),
        ('[crawl]\nconcurrency_per_domain = "x"\n', ["concurrency_per_domain"]),
        ('[schedule]\ncron = "every day"\n', ["cron", "0 6 * * *"]),
        ("[paths\n", ["malformed TOML"]),
    ],
)
def test_bad_jobtrends_toml_values(tmp_path: Path, toml: str, words: list[str]) -> None:
    (tmp_path / "jobtrends.toml").write_text(toml)
    one_clear_line(cli("sources", "list", cwd=tmp_path), *words)


@pytest.mark.parametrize(
    "args",
    [
        ("sql",),
        ("report", "--format"),
        ("extract",),
        ("sources", "add", "greenhouse"),
        ("run", "--workers", "many"),
        ("no-such-command",),
    ],
)
def test_bad_cli_input_is_a_usage_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Usage" in proc.stderr or "error" in proc.stderr.lower()
