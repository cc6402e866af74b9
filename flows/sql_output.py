"""Output formats of `jobtrends sql`, as in sqlite-utils/datasette: table, csv, json, markdown.

Why these rules: `table` and `markdown` are for reading (floats rounded, control characters
removed, markup literal); `csv` and `json` are for pipes and keep every row and full precision.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TextIO
from uuid import UUID

from flows.terminal import cell_text, print_table, strip_controls

FORMATS = ("table", "csv", "json", "markdown")
#: rows a reading format prints when --limit is not given; csv and json print all rows
READING_LIMIT = 200


def _plain(value: Any) -> Any:
    """A JSON/CSV-ready value: exact numbers stay numbers, dates ISO text, blobs hex."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def write_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO) -> None:
    """RFC 4180 CSV; control characters other than line breaks and tabs are removed."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            strip_controls(v, keep_breaks=True) if isinstance(v, str) else _csv_value(v)
            for v in row
        )


def _csv_value(value: Any) -> Any:
    plain = _plain(value)
    return json.dumps(plain) if isinstance(plain, dict | list) else plain


def write_json(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO) -> None:
    """A JSON array of objects (sqlite-utils' default); JSON escapes every control character."""
    docs = [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in rows]
    json.dump(docs, out, indent=1, ensure_ascii=False, default=str)
    out.write("\n")


def _md_cell(value: Any) -> str:
    return cell_text(_rounded(value)).replace("\\", "\\\\").replace("|", "\\|")


def _rounded(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def write_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO) -> None:
    """A GitHub-flavoured Markdown table (pipes in data escaped)."""
    out.write("| " + " | ".join(_md_cell(c) for c in columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        out.write("| " + " | ".join(_md_cell(v) for v in row) + " |\n")


def emit(
    fmt: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    out: TextIO | None = None,
) -> None:
    """Print ``rows`` in ``fmt`` (one of FORMATS) to ``out`` (stdout)."""
    out = out or sys.stdout
    if fmt == "csv":
        write_csv(columns, rows, out)
    elif fmt == "json":
        write_json(columns, rows, out)
    elif fmt == "markdown":
        write_markdown(columns, rows, out)
    else:
        print_table(columns, [[_rounded(v) for v in row] for row in rows])
