"""Which boards to crawl: one SourceConfig per (source kind, board)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from pipelines.records import SOURCE_KINDS


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
        for url in (self.base_url, self.start_url):
            if url is not None and urlparse(url).scheme not in ("http", "https"):
                raise SourceConfigError(
                    f"source {self.kind}:{self.board} has URL {url!r}; only http:// and https:// are allowed"
                )

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.board}"
