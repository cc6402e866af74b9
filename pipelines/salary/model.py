"""Typed values the salary grammar produces, so callers never juggle loose tuples."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PERIODS = ("year", "month", "week", "day", "hour")


@dataclass(slots=True)
class Amount:
    """One number as written: value in major units plus the markers found around it."""

    value: float
    raw: str
    mult: float = 1.0
    has_mult: bool = False
    mult_word: str | None = None  # "k", "lpa", "cr" as written (lower case)
    symbol: str | None = None  # currency symbol written next to it ("$", "€", "C$")
    code: str | None = None  # ISO code written next to it
    plus: bool = False  # "100k+"
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Phrase:
    """A money phrase: single amount or range, with the context the grammar attached to it."""

    lo: Amount | None
    hi: Amount | None
    start: int
    end: int
    open_low: bool = False  # "up to X": no minimum
    open_high: bool = False  # "X+", ">= X": no maximum
    approx: bool = False
    percent: bool = False
    big: bool = False  # "$200B": a company figure, never pay
    clause: int = 0
    paren: bool = False
    kind: str | None = None  # base | equity | bonus | ote | total_comp | None
    period: str | None = None
    spaced_symbols: bool = False  # "$4 - $7K": each side formatted on its own
    wage: bool = False  # after a wage word naming its period ("時薪196", "Stundenlohn 14")
    flags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParsedSalary:
    """Base pay read from one string, plus the other amounts it mentioned."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    period_inferred: bool
    raw: str
    kind: str = "base"
    currency_from: str = "symbol"  # code | symbol | hint | default
    estimate: bool = False
    flags: list[str] = field(default_factory=list)
    other_amounts: list[dict[str, Any]] = field(default_factory=list)
