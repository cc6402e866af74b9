"""Safe terminal output: every value printed from data is plain text, never markup or escape codes.

Why: board names, titles and error bodies are scraped text. Rich parses ``[red]`` in strings as
markup and a terminal obeys ANSI/OSC escape sequences, so a hostile board could restyle, hide or
spoof what `jobtrends sql` and `status` show. Values are shown as `rich.text.Text` (no markup) with
control and bidirectional-override characters removed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

#: C0/C1 controls (ESC starts ANSI and OSC sequences), DEL, and bidi overrides/isolates that
#: reorder what a reader sees; line breaks and tabs become one space in a table cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\t\n\r]+")


def strip_controls(text: str, keep_breaks: bool = False) -> str:
    """``text`` without control characters; line breaks kept only when asked (CSV cells)."""
    text = _CONTROL.sub("", text)
    return text if keep_breaks else _BREAKS.sub(" ", text)


def format_float(value: float) -> str:
    """Two decimals for ordinary numbers, two significant digits for tiny ones (p-values)."""
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value != 0 and abs(value) < 0.01:
        return f"{value:.2g}"
    text = f"{value:,.2f}" if abs(value) >= 10_000 else f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell_text(value: Any, max_chars: int | None = None) -> str:
    """The display text of one value in a printed table (None -> empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, float):
        text = format_float(value)
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="seconds")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = strip_controls(str(value))
    if max_chars is not None and len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return text


def rich_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    title: str | None = None,
    max_chars: int | None = None,
):  # noqa: ANN201
    """A Rich table whose header, title and cells are plain `Text`: markup in data stays literal."""
    from rich.table import Table
    from rich.text import Text

    rows = [list(r) for r in rows]
    table = Table(title=Text(strip_controls(title)) if title else None)
    for i, column in enumerate(columns):
        numeric = bool(rows) and all(_is_number(r[i]) for r in rows if r[i] is not None)
        table.add_column(Text(strip_controls(str(column))), justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*(Text(cell_text(v, max_chars)) for v in row))
    return table


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    title: str | None = None,
    max_chars: int | None = None,
    width: int = 200,
) -> None:
    from rich.console import Console

    Console(width=width).print(rich_table(columns, rows, title, max_chars))
