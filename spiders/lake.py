"""Item pipelines, in order: normalise -> validate -> dedupe -> store in the raw lake (JSONL)."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.lake_read import LakeSkips, read_lake_file
from pipelines.records import SOURCE_KINDS, Posting, compute_content_hash, posting_key
from spiders.parsers.common import WORKPLACE_TYPES, fix_mojibake, unique

_log = logging.getLogger(__name__)

TEXT_FIELDS = (
    "title",
    "company",
    "department",
    "description_html",
    "description_text",
    "salary_text",
)


def _as_dict(item: Any) -> dict[str, Any]:
    """A plain dict of an item. Our spiders yield dicts: a shallow copy is enough (the
    normaliser rebuilds every value through Posting), where ItemAdapter.asdict walked every
    nested value (~8% of a crawl's CPU)."""
    if isinstance(item, Posting):
        return item.to_dict()
    if isinstance(item, dict):
        return dict(item)
    return ItemAdapter(item).asdict()


class NormalisePipeline:
    """Tidy shapes the lake promises (stripped title, list fields, known workplace value) and
    (re)compute the content hash after tidying, so equal content always hashes equally."""

    def process_item(self, item: Any) -> dict[str, Any]:
        data = Posting.from_dict(_as_dict(item)).to_dict()
        data["title"] = " ".join(str(data.get("title") or "").split())
        data["source_id"] = str(data.get("source_id") or "").strip()
        for key in ("locations", "country_codes"):
            value = data.get(key)
            data[key] = unique(value if isinstance(value, list) else [value] if value else [])
        for key in TEXT_FIELDS:  # UTF-8 read as Latin-1 somewhere upstream ("ZÃ¼rich")
            if isinstance(data.get(key), str):
                data[key] = fix_mojibake(data[key])
        data["locations"] = [fix_mojibake(x) for x in data["locations"]]
        if data.get("workplace_type") not in WORKPLACE_TYPES:
            data["workplace_type"] = "unknown"
        data["content_hash"] = compute_content_hash(data)
        return data


def _skip(crawler: Crawler | None, reason: str, detail: str) -> None:
    """Count a posting the pipeline could not keep on its spider (listing then incomplete)."""
    spider = crawler.spider if crawler else None
    if spider is not None and hasattr(spider, "record_skip"):
        spider.record_skip(reason, detail)


class ValidatePipeline:
    """Drop records the later stages cannot key or use, saying why; each drop is a counted skip
    that makes the board's listing incomplete (the posting is still listed on the board)."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if item.get("source") not in SOURCE_KINDS:
            raise DropItem(f"unknown source {item.get('source')!r}")
        for key in ("board", "source_id", "title"):
            if not item.get(key):
                message = f"missing {key} in {item.get('source')}:{item.get('board')} record {item.get('source_id')!r}"
                _skip(self.crawler, f"no {key.replace('source_id', 'id')}", message)
                raise DropItem(message)
        return item


#: per crawl process: keys and skips of each lake file read so far, and how far it was read
_LAKE_KEYS: dict[Path, tuple[tuple[int, int], int, set[str], LakeSkips]] = {}


def _run_lake_keys(path: Path) -> tuple[set[str], LakeSkips]:
    """Posting keys and skips of a run's lake file, read incrementally within one process.

    Why: every board of a source opens a pipeline that needs the keys already in the source's
    file; re-reading the whole growing file per board made a crawl of many boards quadratic.
    Only the bytes appended since the last read are parsed (the reader's `start`, which also
    reads a record glued onto a torn line); a file replaced or truncated is read again."""
    st = path.stat()
    ident = (st.st_dev, st.st_ino)
    cached = _LAKE_KEYS.get(path)
    if cached is None or cached[0] != ident or st.st_size < cached[1]:
        cached = (ident, 0, set(), LakeSkips())
    _, offset, keys, skips = cached
    for rec in read_lake_file(path, skips, start=offset):
        keys.add(posting_key(rec["source"], rec["board"], str(rec["source_id"])))
    _LAKE_KEYS[path] = (ident, st.st_size, keys, skips)
    return keys, skips


class DedupePipeline:
    """One record per posting key per run (boards list some postings twice). Postings already in
    this run's lake file (a retried crawl task re-crawling a board in the same run) are counted
    for the board but not written again, so the lake never holds a key twice for one run."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.seen: set[str] = set()
        self.crawler = crawler
        self.stored: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler)

    def _stored_keys(self, source: str) -> set[str]:
        """Keys of this run's lake file for the spider's source (read once per crawl), read by
        the one lake reader: a line it cannot use (torn by a killed attempt, invalid UTF-8,
        no keys) does not count as stored, so its posting is written again now. Such lines of
        this board are counted on the spider and logged with file and line."""
        if self.stored is None:
            self.stored = set()
            spider = self.crawler.spider if self.crawler else None
            lake, run_id = getattr(spider, "lake_dir", None), getattr(spider, "run_id", None)
            path = Path(lake) / run_id / f"{source}.jsonl" if lake and run_id else None
            if path is not None and path.exists():
                keys, skips = _run_lake_keys(path)
                self.stored = set(keys)
                board = str(getattr(spider, "board", ""))
                for skip in skips.for_board(source, board):
                    if hasattr(spider, "note_ignored"):
                        spider.note_ignored(f"unreadable line in this run's lake ({skip.reason})")
                    log = getattr(spider, "logger", _log)
                    log.warning("lake line not read, its posting is written again: %s", skip)
        return self.stored

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        key = posting_key(item["source"], item["board"], item["source_id"])
        if key in self.seen:
            spider = self.crawler.spider if self.crawler else None
            if spider is not None and hasattr(spider, "note_ignored"):
                spider.note_ignored("listed twice")
            raise DropItem(f"duplicate posting {key} in this run")
        self.seen.add(key)
        if key in self._stored_keys(item["source"]):
            spider = self.crawler.spider if self.crawler else None
            if spider is not None and hasattr(spider, "items_stored"):
                spider.items_stored += 1  # in the lake for this run already: counts as stored
            raise DropItem(f"posting {key} already in this run's lake (crawl retried)")
        return item


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_line(record: dict[str, Any]) -> tuple[bytes, int]:
    """(UTF-8 JSON line, characters replaced). Lone surrogates (from broken \\u escapes or
    surrogateescape-decoded bytes) cannot be encoded as UTF-8: they become U+FFFD instead of
    failing the write and losing the posting."""
    text = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    try:
        return text.encode("utf-8"), 0
    except UnicodeEncodeError:
        fixed, count = _SURROGATE.subn("\ufffd", text)
        return fixed.encode("utf-8", errors="replace"), count


def append_jsonl(path: Path, record: dict[str, Any]) -> int:
    """Append one JSON line with a single O_APPEND write, so concurrent writers never interleave
    and a crash loses nothing already written. A short write (disk full) is cut back off the
    file and raised as OSError: readers never see half a line glued to the next one. Returns
    the number of characters replaced to make the line encodable (see encode_line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line, replaced = encode_line(record)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        written = os.write(fd, line)
        if written != len(line):
            end = os.lseek(fd, 0, os.SEEK_CUR)
            os.ftruncate(fd, max(0, end - written))
            raise OSError(
                errno.ENOSPC,
                f"short write to {path} ({written} of {len(line)} bytes); line dropped",
            )
    finally:
        os.close(fd)
    return replaced


class LakeWriterPipeline:
    """Store each posting in `<lake>/<run_id>/<source>.jsonl` as soon as it is scraped."""

    def __init__(self, lake_dir: Path | str, run_id: str, crawler: Crawler | None = None):
        self.lake_dir = Path(lake_dir)
        self.run_id = run_id
        self.crawler = crawler
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LakeWriterPipeline:
        spider = crawler.spider
        lake = getattr(spider, "lake_dir", None) or crawler.settings.get(
            "JOBTRENDS_LAKE", "data/raw"
        )
        run_id = getattr(spider, "run_id", None) or crawler.settings.get(
            "JOBTRENDS_RUN_ID", "adhoc"
        )
        return cls(lake, run_id, crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        item.setdefault("run_id", self.run_id)
        if not item.get("run_id"):
            item["run_id"] = self.run_id
        spider = self.crawler.spider if self.crawler else None
        try:
            replaced = append_jsonl(self.lake_dir / self.run_id / f"{item['source']}.jsonl", item)
        except OSError as exc:  # disk full, read-only lake: the posting was seen but not kept
            _skip(self.crawler, "lake write failed", str(exc))  # store nothing = close nothing
            raise DropItem(f"not stored in the lake: {exc}") from None
        if replaced and spider is not None and hasattr(spider, "note_repaired"):
            spider.note_repaired("unencodable characters replaced")
        self.count += 1
        if spider is not None and hasattr(spider, "items_stored"):
            spider.items_stored += 1
        return item


def new_run_id() -> str:
    """Sortable run id: `YYYYMMDDTHHMMSSZ-<6 hex>`."""
    from datetime import UTC, datetime

    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.urandom(3).hex()}"
