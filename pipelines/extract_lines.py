"""The `jobtrends extract` engine: JSON lines in, one output line per input line out.

Bad input never stops the run: a line that is not UTF-8, not JSON or has no `id` becomes an
error line, and so does a posting whose extraction fails. Valid postings are extracted in
small batches (pipelines.extract.extract_batch: ~10% cheaper than one by one), so output comes
in bursts of up to BATCH_SIZE lines, always in input order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pipelines.extract import extract_batch, extract_record

#: postings extracted together; small, so a slow producer on stdin still sees output soon
BATCH_SIZE = 32

#: what `bytes.decode("utf-8", "surrogateescape")` turns an undecodable byte into
_UNDECODABLE = re.compile("[\udc80-\udcff]")

Output = tuple[str, bool]


def _error_line(rid: Any, message: str, lineno: int | None = None) -> Output:
    data: dict[str, Any] = {"id": rid}
    if lineno is not None:
        data["line"] = lineno
    data["error"] = message
    return json.dumps(data), False


def decode_lines(raw: Iterable[bytes]) -> Iterator[str]:
    """Lines of a byte stream as text; a byte that is not UTF-8 stays visible as a surrogate, so
    that line alone becomes an error line instead of stopping the whole input."""
    for line in raw:
        yield line.decode("utf-8", errors="surrogateescape")


def _parsed(lines: Iterable[str]) -> Iterator[dict[str, Any] | Output]:
    """Each non-blank line as a posting dict, or as its error line."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        bad = _UNDECODABLE.search(line)  # bytes kept as surrogates by decode_lines
        if bad:
            yield _error_line(None, f"invalid UTF-8 at character {bad.start() + 1}", lineno)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error_line(None, f"invalid JSON: {exc.msg}", lineno)
            continue
        if not isinstance(record, dict) or record.get("id") is None:
            rid = record.get("id") if isinstance(record, dict) else None
            yield _error_line(rid, "each line must be a JSON object with an 'id'", lineno)
            continue
        yield record


def _output(record: dict[str, Any], result: dict[str, Any]) -> Output:
    result.pop("posting_key", None)
    result.pop("content_hash", None)
    return json.dumps({"id": record["id"], **result}, ensure_ascii=False, default=str), True


def _one(record: dict[str, Any]) -> Output:
    try:
        result = extract_record(record)
    except Exception as exc:  # one bad posting must not stop the run
        return _error_line(record["id"], f"{type(exc).__name__}: {exc}")
    return _output(record, result)


def _extracted(records: list[dict[str, Any]]) -> list[Output]:
    """Output lines of a batch; when the batch fails, its postings are read one by one, so
    only the posting at fault becomes an error line."""
    try:
        results = extract_batch(records)
    except Exception:  # noqa: BLE001 - isolated below, posting by posting
        return [_one(r) for r in records]
    return [_output(r, res) for r, res in zip(records, results, strict=True)]


def _flush(pending: list[dict[str, Any] | Output]) -> Iterator[Output]:
    done = iter(_extracted([x for x in pending if isinstance(x, dict)]))
    for item in pending:
        yield next(done) if isinstance(item, dict) else item


def extract_json_lines(lines: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Output]:
    """(output line, ok) per non-blank input line, in input order; bad lines yield an error."""
    pending: list[dict[str, Any] | Output] = []
    postings = 0
    for item in _parsed(lines):
        pending.append(item)
        postings += isinstance(item, dict)
        if postings >= batch_size:
            yield from _flush(pending)
            pending, postings = [], 0
    yield from _flush(pending)
