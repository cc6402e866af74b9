"""Fixtures for spider tests: a local replica server (see spider_replica.py) and a lake dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from spider_replica import Replica


@pytest.fixture
def replica(httpserver: HTTPServer) -> Replica:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    return Replica(httpserver)


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    return tmp_path / "lake"
