"""Which boards to crawl: one SourceConfig per (source kind, board)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from pipelines.records import SOURCE_KINDS

#: kinds whose board goes into API paths or host names: a token, never a path or a URL
#: (Ashby board names may hold spaces and "&", quoted in the URL)
TOKEN_KINDS = {
    "greenhouse": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
    "lever": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
    "workable": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
    "smartrecruiters": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
    "recruitee": re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,62}"),
    "wwr": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
    "ashby": re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._&'-]{0,127}"),
}
#: any board (a label for jsonld/hn/remoteok): printable, no path or query characters
_LABEL = re.compile(r"[^\x00-\x1f\x7f/\\?#]{1,128}")


def check_board(kind: str, board: str) -> None:
    """A board that is not a token of its kind ("acme/../x", "a?b", a URL) is a config error:
    it would otherwise be spliced into API URLs."""
    pattern = TOKEN_KINDS.get(kind, _LABEL)
    if not isinstance(board, str) or not pattern.fullmatch(board) or ".." in board:
        raise SourceConfigError(
            f"source {kind}:{board!r}: board is not a {kind} board token; use the token from "
            "the public jobs URL (letters, digits, '-', '_', '.'), not a URL or a path"
        )


class SourceConfigError(ValueError):
    """A source entry is unusable; the message names the entry and the fix."""


@dataclass(kw_only=True, slots=True, frozen=True)
class SourceConfig:
    """One board of one source kind; `base_url` points at the real API or a local replica."""

    #: source kind, one of pipelines.records.SOURCE_KINDS
    kind: str
    #: board token / site slug / company identifier (for jsonld: a site name)
    board: str
    #: API root, e.g. "https://boards-api.greenhouse.io" or "http://127.0.0.1:8123/greenhouse"
    base_url: str
    #: optional start URL for kinds that discover pages (jsonld listing page or sitemap)
    start_url: str | None = None
    #: keep only postings whose title contains one of these words (case-insensitive); empty = all
    title_keywords: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise SourceConfigError(
                f"unknown source kind {self.kind!r} for board {self.board!r}; "
                f"use one of: {', '.join(SOURCE_KINDS)}"
            )
        check_board(self.kind, self.board)
        for url in (self.base_url, self.start_url):
            if url is not None and urlparse(url).scheme not in ("http", "https"):
                raise SourceConfigError(
                    f"source {self.kind}:{self.board} has URL {url!r}; only http:// and https:// are allowed"
                )

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.board}"
