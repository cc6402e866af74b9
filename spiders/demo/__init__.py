"""Seeded demo job board and its replica HTTP server (offline crawl tests and the demo run).

board = generate_board(seed=7)              # 3000 postings, 45 companies, 24 months
with DemoServer(board) as srv:              # real API paths under per-kind prefixes
    sources = srv.sources()                 # SourceConfig per served board
"""

from typing import TYPE_CHECKING

from .faults import FaultPlan, FaultRule
from .generator import ROLE_SLUGS, generate_board
from .models import Company, DemoBoard, DemoJob
from .salary import Salary
from .skills import PLANTED_FALLERS, PLANTED_RISERS

if TYPE_CHECKING:
    from .server import DemoServer


def __getattr__(name: str) -> object:
    # lazy, so `python -m spiders.demo.server` does not import the module twice
    if name == "DemoServer":
        from .server import DemoServer

        return DemoServer
    raise AttributeError(name)


__all__ = [
    "Company",
    "DemoBoard",
    "DemoJob",
    "DemoServer",
    "FaultPlan",
    "FaultRule",
    "PLANTED_FALLERS",
    "PLANTED_RISERS",
    "ROLE_SLUGS",
    "Salary",
    "generate_board",
]
