"""The one reader of lake JSONL files, for extraction and load alike: tolerant and loud.

A line that is torn (a crash mid-write), not JSON, not valid UTF-8, not a JSON object or without
its keys is skipped, never fatal, and recorded as a LakeSkip naming the file, the line and the
reason. Skips are attributed to a board when the line still shows one, so the loader can keep
that board's postings open for the run: an unread line may be a posting still listed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: what every posting line of the raw lake must carry to be keyed
LAKE_KEYS: tuple[str, ...] = ("source", "board", "source_id")
#: what every line of a run's `_crawl_runs.jsonl` must carry to name its board
CRAWL_RECORD_KEYS: tuple[str, ...] = ("source", "board")
#: types of the crawl-record fields closures and the crawl_runs table rely on, when present
#: (a "false" string as listing_complete would read as true and close the board's postings)
CRAWL_RECORD_TYPES: dict[str, type] = {
    "run_id": str,
    "status": str,
    "started_at": str,
    "finished_at": str,
    "listing_complete": bool,
    "listing_fetched": bool,
    "pages": int,
    "items": int,
    "errors": int,
    "error_messages": list,
}
#: board of a skip whose line names none: every board of the file's source
ANY_BOARD = "*"

_FIELD_RE = {k: re.compile(rf'"{k}"\s*:\s*"([^"\\]{{1,200}})"') for k in ("source", "board")}


@dataclass(frozen=True, slots=True)
class LakeSkip:
    """One line not read: where it is, why, and the board it belongs to (as far as visible)."""

    file: str
    line: int
    reason: str
    source: str
    board: str = ANY_BOARD

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(slots=True)
class LakeSkips:
    """The skips of one read (a stage): counted by reason, grouped by board."""

    items: list[LakeSkip] = field(default_factory=list)

    def add(self, skip: LakeSkip) -> None:
        self.items.append(skip)

    def extend(self, other: LakeSkips) -> None:
        self.items.extend(other.items)

    def __len__(self) -> int:
        return len(self.items)

    def by_reason(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.items))

    def for_board(self, source: str, board: str) -> list[LakeSkip]:
        """Skips that may hide a posting of source:board (its own, or its source's unnamed)."""
        return [s for s in self.items if s.source == source and s.board in (board, ANY_BOARD)]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [
            {
                "file": s.file,
                "line": s.line,
                "reason": s.reason,
                "source": s.source,
                "board": s.board,
            }
            for s in self.items
        ]


def _attribution(raw: bytes, default_source: str) -> tuple[str, str]:
    """(source, board) a damaged line still shows, else the file's source and ANY_BOARD."""
    text = raw[:4096].decode("utf-8", errors="replace")
    found = {k: m.group(1) for k, rx in _FIELD_RE.items() if (m := rx.search(text))}
    return found.get("source", default_source), found.get("board", ANY_BOARD)


def _why_not(
    record: Any, keys: Sequence[str], types: Mapping[str, type] | None = None
) -> str | None:
    """The reason a parsed line cannot be used, or None. Keys are non-empty strings; a
    source_id may also be a whole number (the rule lake_lines_jsonl.sql applies in DuckDB).
    `types`: fields that, when present and not null, must have that type (an int not a bool)."""
    if not isinstance(record, dict):
        return f"not a JSON object ({type(record).__name__})"
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            return f"no {key}"
        whole = key == "source_id" and isinstance(value, int) and not isinstance(value, bool)
        if not (isinstance(value, str) or whole):
            return f"{key} is a {type(value).__name__}"
    for key, kind in (types or {}).items():
        value = record.get(key)
        if value is not None and (
            not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        ):
            return f"{key} is a {type(value).__name__}"
    return None


def read_lake_file(
    path: Path,
    skips: LakeSkips | None = None,
    keys: Sequence[str] = LAKE_KEYS,
    start: int = 0,
    *,
    own_source: bool = False,
    types: Mapping[str, type] | None = None,
) -> Iterator[dict[str, Any]]:
    """The usable records of one JSONL file, in order; every other non-blank line is a counted
    LakeSkip in `skips`. `keys=()` reads any JSON object (derived files). `start`: a byte
    offset; only what was appended since is read (a line glued onto a torn one from `start`
    on), and earlier lines are still counted so skips name the file's own line numbers. `own_source`: a line whose source
    is not the file's (`<source>.jsonl`) is skipped too (a reader that files by name would
    relabel it). `types`: fields checked as _why_not says."""
    source = path.stem
    with path.open("rb") as fh:
        number = 0
        offset = 0
        for raw in fh:
            number += 1
            offset += len(raw)
            if offset <= start:
                continue
            if offset - len(raw) < start:  # appended after a torn line: read from `start` on
                raw = raw[start - (offset - len(raw)) :]
            body = raw.strip()
            if not body:
                continue
            reason: str | None
            record: Any = None
            try:
                record = json.loads(body.decode("utf-8"))
                reason = _why_not(record, keys, types)
                if reason is None and own_source and record.get("source") != source:
                    reason = f"source {str(record.get('source'))[:40]!r} in the {source} file"
            except UnicodeDecodeError:
                reason = "invalid UTF-8"
            except ValueError:  # json.JSONDecodeError, RecursionError-free
                reason = "torn line" if not raw.endswith(b"\n") else "corrupt JSON"
            except RecursionError:
                reason = "corrupt JSON (nested too deep)"
            if reason is None:
                yield record
                continue
            if skips is not None:
                if isinstance(record, dict):
                    src = str(record.get("source") or source)
                    board = record.get("board")
                    board = (
                        str(board) if isinstance(board, (str, int)) and board != "" else ANY_BOARD
                    )
                else:
                    src, board = _attribution(body, source)
                skips.add(LakeSkip(str(path), number, reason, src, board))


def read_crawl_records(
    path: Path, skips: LakeSkips | None = None, start: int = 0
) -> Iterator[dict[str, Any]]:
    """The crawl records of a run's `_crawl_runs.jsonl` (missing file: none), by the same rules
    as postings: a torn, corrupt or board-less line, or one whose fields have the wrong type
    (CRAWL_RECORD_TYPES), is a counted, named skip. A board whose record is unreadable has no
    record, so nothing of it is closed and a retry crawls it."""
    if not path.exists():
        return iter(())
    return read_lake_file(
        path, skips, keys=CRAWL_RECORD_KEYS, start=start, types=CRAWL_RECORD_TYPES
    )
