"""The README is run, not trusted: its commands, options, make targets and links are checked.

As in sqlite-utils' docs tests: a command or option that changes without the README failing here
would let the README drift from the tool.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from flows.cli_reference import END, START, reference

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_commands() -> list[list[str]]:
    """The command words of each row of the README's CLI table (arguments and options dropped)."""
    rows = re.findall(r"^\| `jobtrends ([^`]+)` \|", README, flags=re.M)
    commands = []
    for row in rows:
        words = []
        for word in row.split():
            if word.startswith(("-", '"')) or not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        commands.append(words)
    return commands


def test_the_cli_reference_block_is_current() -> None:
    block = README[README.index(START) : README.index(END) + len(END)]
    assert block == reference(), (
        "README.md's option reference is stale: run `python -m flows.cli_reference --write`"
    )


def test_the_readme_table_lists_real_commands() -> None:
    commands = table_commands()
    assert len(commands) >= 15
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, *[" ".join(c) for c in commands]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


#: runs `jobtrends <command> --help` for each argument, in one process (CliRunner)
DRIVER = """
import sys
from typer.testing import CliRunner
from flows.cli import app

failed = []
for command in sys.argv[1:]:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    if result.exit_code != 0 or "Example:" not in result.output:
        failed.append((command, result.exit_code, result.output[-300:]))
print(failed)
sys.exit(1 if failed else 0)
"""


def code_block_commands() -> list[str]:
    """`jobtrends ...` lines of the README's bash blocks, comments dropped."""
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    lines = [line.split(" #")[0].strip() for block in blocks for line in block.splitlines()]
    return [
        line.removeprefix(".venv/bin/")
        for line in lines
        if line.startswith(("jobtrends ", ".venv/bin/jobtrends "))
    ]


def test_readme_code_examples_use_real_commands_and_options() -> None:
    """Each example runs with --help appended: an unknown command or option is a usage error."""
    commands = code_block_commands()
    assert any(c.startswith("jobtrends sql") for c in commands)
    proc = subprocess.run(
        [sys.executable, "-c", EXAMPLES, *commands],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


EXAMPLES = """
import shlex, sys
from typer.testing import CliRunner
from flows.cli import app

failed = []
for line in sys.argv[1:]:
    args = shlex.split(line)[1:]
    args = args[: args.index(">")] if ">" in args else args
    result = CliRunner().invoke(app, [*args, "--help"])
    if result.exit_code != 0:
        failed.append((line, result.exit_code, result.output[-300:]))
print(failed)
sys.exit(1 if failed else 0)
"""


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)", README))
    assert named and named <= targets, named - targets


def test_local_paths_and_links_in_the_readme_exist() -> None:
    links = re.findall(r"\]\(([^)#]+)\)", README)
    local = [link for link in links if not link.startswith(("http://", "https://"))]
    paths = re.findall(
        r"`((?:docs|tests|spiders|pipelines|flows|analytics|importers)/[\w./-]+)`", README
    )
    paths += re.findall(r"`([\w.-]+\.(?:toml|txt|yaml|md))`", README)
    missing = [
        p
        for p in {*local, *paths}
        if "<" not in p and not (ROOT / p).exists() and p not in OPTIONAL_FILES
    ]
    assert not missing, f"README names files that do not exist: {missing}"


#: files the README mentions that a user creates (not shipped)
OPTIONAL_FILES = {"jobtrends.toml", "sources.toml", "prod.toml", "truth.jsonl"}


def help_examples() -> list[str]:
    """Every `jobtrends ...` example line in the commands' own help texts."""
    from flows.cli_reference import _commands

    examples = []
    for _, cmd in _commands():
        text = (cmd.help or "").split("Example:", 1)[-1] if "Example:" in (cmd.help or "") else ""
        for line in text.splitlines():
            line = re.split(r"\s{2,}\(|\s+#", line.strip())[0].strip()
            if line.startswith("jobtrends "):
                examples.append(line)
    return examples


def test_help_examples_use_real_options() -> None:
    """The examples in `--help` parse: they name commands and options that exist."""
    examples = help_examples()
    assert len(examples) >= 20
    assert any("--format csv" in e for e in examples)  # sql's pipe example
    proc = subprocess.run(
        [sys.executable, "-c", EXAMPLES, *examples],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
