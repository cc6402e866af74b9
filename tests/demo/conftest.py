"""Shared small demo board and a running replica server (module scope keeps the suite fast)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from spiders.demo import DemoBoard, DemoServer, generate_board


@pytest.fixture(scope="session")
def small_board() -> DemoBoard:
    return generate_board(seed=11, n_postings=200, n_companies=8)


@pytest.fixture(scope="module")
def server(small_board: DemoBoard) -> Iterator[DemoServer]:
    with DemoServer(small_board) as srv:
        yield srv


def _fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET without following redirects' errors: returns (status, headers, body) for any status."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _fetch_json(url: str) -> Any:
    status, _h, body = _fetch(url)
    assert status == 200, (url, status, body[:200])
    return json.loads(body)


@pytest.fixture
def fetch() -> Any:
    return _fetch


@pytest.fixture
def fetch_json() -> Any:
    return _fetch_json
