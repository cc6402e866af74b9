"""The one cheap scan of a description for places that can hold an amount, and their segments.

Why its own module: this scan reads every character of every description (the grammar reads only
the segments it returns), so its character class is built for the regex engine's fast path.
"""

from __future__ import annotations

import re

from .lexicon import CODES, MULTS, SYMBOLS, WORDS

_SYMS = "".join(sorted({s for s in SYMBOLS if len(s) == 1 and not s.isalpha()}))
#: the decimal digits of the Basic Multilingual Plane, listed: a class of listed characters is one
#: bitmap look-up per character, a class with the Unicode category \d a slower call (the scan's
#: cost); digits beyond the plane are let through by range and checked by \d right after
_BMP_DIGITS = "".join(re.findall(r"\d", "".join(map(chr, range(0x10000)))))
#: the one cheap scan: a currency sign or a digit run (a sign or a \d digit, then the run)
_SCAN = re.compile(
    f"[{re.escape(_SYMS + _BMP_DIGITS)}\U00010000-\U0010ffff](?<=[{re.escape(_SYMS)}\\d])"
    r"[\d.,' \u00a0\u202f]*"
)
#: what makes a digit run money: a magnitude, a currency word or code right after it
#: every word the grammar reads as a currency or a magnitude marks the number it follows/precedes
_MARK_WORDS = sorted(
    {w.lower() for w in (*CODES, *WORDS, *MULTS) if len(w) > 1}
    | {"kr", "kroner", "kronor", "zł", "kč", "ron"},
    key=len,
    reverse=True,
)
_MARKS = frozenset([*_MARK_WORDS, "k", "rs"])
_CJK_MARKS = "元円万萬千₫"
#: a wage word right before a number marks it as pay ("Timelønn 245", "Stundenlohn: 14,50")
_WAGE_ENDS = ("lønn", "løn", "lön", "lohn", "gehalt")
_WORD_ENDS = ("薪", "給", *_WAGE_ENDS)
_GROUPED = re.compile(r"\d[.,' \u00a0\u202f]\d{3}(?!\d)")
_YEARLIKE = re.compile(r"(?:19|20)\d\d\D*$")
_NEXT_WORD = re.compile(r"\s?([^\W\d_]+\.?|[€$£¥₹])")

_MAX_LINE = 320  # longer lines are cut to the sentence around the hit
SENT_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9(*#\[])|\s\|\s|\n|(?<=[。！？；])")


def _marked(text: str, start: int, end: int) -> bool:
    """A currency or magnitude word right after or right before the digits."""
    m = _NEXT_WORD.match(text, end, end + 14)
    if m:
        word = m.group(1)
        if word in "€$£¥₹" or word[0] in _CJK_MARKS or word.rstrip(".").lower() in _MARKS:
            return True
    before = text[max(0, start - 8) : start].rstrip(" .:：").rsplit(None, 1)
    if not before:
        return False
    word = before[-1].lower().lstrip("(")
    return word in _MARKS or word.endswith(_WORD_ENDS)


def money_hits(text: str) -> list[tuple[int, bool]]:
    """(position, marked) of what can hold an amount: a currency sign, a number with a magnitude
    or currency next to it (marked), or a grouped or long number ('65.000', '7000', not a year)."""
    out: list[tuple[int, bool]] = []
    for m in _SCAN.finditer(text):
        start = m.start()
        if start and text[start - 1] in "/_=#":
            continue  # ".../activities/1072915430", "?id=4400": a number in a link is no amount
        run = m.group(0)
        if not run[0].isdigit() or _marked(text, start, m.end()):
            out.append((start, True))
        elif _GROUPED.search(run) or (sum(map(str.isdigit, run)) >= 4 and not _YEARLIKE.match(run)):
            out.append((start, False))
    return out


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, marked) of the line or sentence around each money hit, in order, once each;
    marked: some hit in it carries a currency or magnitude."""
    out: list[tuple[int, int, bool]] = []
    for pos, marked in money_hits(text):
        if out and pos < out[-1][1]:
            if marked and not out[-1][2]:
                out[-1] = (out[-1][0], out[-1][1], True)
            continue
        s = text.rfind("\n", 0, pos) + 1
        e = text.find("\n", pos)
        e = len(text) if e < 0 else e
        if e - s > _MAX_LINE:
            s, e = _sentence(text, s, e, pos, pos + 1)
        out.append((s, e, marked))
    return out


def _sentence(text: str, s: int, e: int, ms: int, me: int) -> tuple[int, int]:
    lo, hi = max(s, ms - 240), min(e, me + 240)
    left = text[lo:ms]
    cut = [m.end() for m in SENT_END.finditer(left)]
    start = lo + cut[-1] if cut else lo
    m = SENT_END.search(text, me, hi)
    return start, m.start() if m else hi
