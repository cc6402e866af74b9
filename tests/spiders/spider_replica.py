"""Replica helpers for crawl tests (pytest-httpserver); nothing here touches the internet.

The `replica` fixture answers /robots.txt (allow all) plus whatever a test registers under the
per-kind prefixes the real demo replica uses (/greenhouse, /lever, /ashby, /smartrecruiters,
/hn/algolia, /careers/{site}, ...). Unregistered paths answer 500.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

#: crawl settings for tests: no throttling, near-zero backoff
FAST: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RETRY_BACKOFF_BASE": 0.01,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


class Replica:
    """Thin helpers over HTTPServer for JSON/text routes and scripted status sequences."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.hits: dict[str, int] = {}

    def url(self, path: str = "") -> str:
        return self.server.url_for(path).rstrip("/")

    def json(self, path: str, payload: Any, status: int = 200) -> None:
        self.server.expect_request(path).respond_with_json(payload, status=status)

    def text(
        self, path: str, body: str, content_type: str = "text/html", status: int = 200
    ) -> None:
        self.server.expect_request(path).respond_with_data(
            body, status=status, content_type=content_type
        )

    def handler(self, path: str, fn: Callable[[Request], Response]) -> None:
        def counted(request: Request) -> Response:
            self.hits[path] = self.hits.get(path, 0) + 1
            return fn(request)

        self.server.expect_request(path).respond_with_handler(counted)

    def sequence(self, path: str, responses: list[tuple[int, Any, dict[str, str]]]) -> None:
        """Answer `path` with each (status, json body, headers) in turn; the last one repeats."""

        def fn(request: Request) -> Response:
            n = min(self.hits[path], len(responses)) - 1
            status, body, headers = responses[n]
            return Response(
                json.dumps(body), status=status, headers=headers, content_type="application/json"
            )

        self.handler(path, fn)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
