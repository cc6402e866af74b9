"""Fixtures for the fault suite: a small demo board, replica servers with fault plans, a lake dir,
and the tally of injected/survived faults printed at the end of the session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_kit import TALLY, fired

from spiders.demo import DemoBoard, DemoServer, FaultPlan, FaultRule, generate_board


@pytest.fixture(scope="session")
def board() -> DemoBoard:
    """200 postings, 8 companies: every main kind plus the side boards, ~0.2 s to serve."""
    return generate_board(seed=11, n_postings=200, n_companies=8)


@pytest.fixture
def demo(board: DemoBoard, request: pytest.FixtureRequest) -> Iterator[Callable[..., DemoServer]]:
    """Factory: `demo(FaultRule(...), ...)` starts a replica with those faults (stopped after)."""
    servers: list[DemoServer] = []
    request.node.demo_servers = servers

    def start(*rules: FaultRule, **kwargs: Any) -> DemoServer:
        srv = DemoServer(board, faults=FaultPlan(*rules), **kwargs).start()
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    return tmp_path / "lake"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call":
        return
    n = sum(fired(s) for s in getattr(item, "demo_servers", []))
    n += getattr(item, "faults_injected", 0)
    TALLY["injected"] += n
    TALLY["survived"] += n if report.passed else 0
    TALLY["cases"] += 1
    TALLY["cases_passed"] += int(report.passed)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TALLY["cases"]:
        terminalreporter.write_sep("-", "fault tally")
        terminalreporter.write_line(
            f"fault cases {TALLY['cases_passed']}/{TALLY['cases']} passed; faults injected "
            f"{TALLY['injected']}, survived {TALLY['survived']}; postings lost {TALLY['lost']}, "
            f"duplicated {TALLY['duplicated']}, wrongly closed {TALLY['wrongly_closed']}"
        )
