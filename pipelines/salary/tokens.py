"""Tokenizer of the salary grammar: one master regex turns pay text into typed tokens.

A tokenizer + small grammar (grammar.py) generalises better than per-format regexes: every
spelling of a currency, magnitude or period is recognised once, in any combination.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    CODES,
    ESTIMATE_PATTERN,
    KIND_PHRASES,
    KIND_WORDS,
    MULTS,
    PERIOD_INFIXES,
    PERIOD_PATTERNS,
    SYMBOLS,
    WORDS,
)


@dataclass(slots=True)
class Token:
    """kind is one of NUM MULT BIG CUR CODE SEP AND BETWEEN PLUS UPTO FROM APPROX PCT PERIOD
    KIND EST CLAUSE LP RP WORD; value carries the normalised meaning (period, ISO code...).

    Read-only by convention, not frozen: a frozen dataclass sets each field through
    object.__setattr__, four times the cost of building a token, and one is built per word."""

    kind: str
    text: str
    start: int
    end: int
    value: str | None = None


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(items, key=len, reverse=True))


_SYMBOLS = sorted(
    (s for s in SYMBOLS if s not in ("Rs", "Rs.", "Fr.", "kr", "RM")), key=len, reverse=True
)


def _guard(first: str, pat: str) -> str:
    """pat behind a look-ahead on the characters it can start with (see _PERIOD_FIRST)."""
    return f"(?=[{re.escape(first)}])(?:{pat})"


#: every character a period spelling can start with: a cheap look-ahead in front of each period
#: pattern spares the engine ~100 failing branches at most token starts (the tokenizer's main cost)
_PERIOD_FIRST = {
    "hour": "/pahsdtiufo時时每",
    "day": "/padjtoig日每",
    "week": "/pawjh每",
    "month": "/pamjiyo月每經经按",
    "year": "/payjibåo年每按",
}
_SPEC: list[tuple[str, str]] = [
    ("EST", _guard("(gei", ESTIMATE_PATTERN)),
    (
        "WORD401",
        _guard("4", r"(?<![$€£₹¥\d\-–—]\s)(?<![$€£₹¥\d.,\-–—])\b401\s?\(?k\)?"),
    ),  # US retirement plan, not an amount (nor a range's upper end: "€201k-401k")
    *[(f"PERIOD_{p}", f"(?=[{_PERIOD_FIRST[p]}])(?:{pat})") for pat, p in PERIOD_PATTERNS],
    *[(f"KINDP_{k}", _guard("otb", pat)) for pat, k in KIND_PHRASES],
    (
        "CUR",
        _guard(
            "".join(sorted({s[0] for s in _SYMBOLS})) + "RFk",
            _alt(_SYMBOLS) + r"|(?:Rs\.?|Fr\.|(?-i:RM))(?=\s?\d)|\bkr(?:on(?:er|or|e))?\b",
        ),
    ),
    ("MULTCJK", r"[万萬千](?![^\W\d])|[万萬](?=[元円])|\btri[ệe]u\b"),
    ("CODE", r"(?-i:(?=[A-Z]))(?<![A-Za-z])(?-i:" + "|".join(CODES) + r")(?![A-Za-z])"),
    (
        "NUM",
        r"(?=[\d.])(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:(?:,|\.|'|’|\u00a0|\u202f| )\d{3})+(?:[.,]\d{1,2})?(?![\d])|\d+(?:[.,]\d+)?|\.\d+)",
    ),
    (
        "UPTO_DE",
        _guard("bjou", r"\bbis\s*(?:zu|max\.?)|\bjusqu'?\s?[àa]\b|\bopp\s+til\b|\bupp\s+till\b"),
    ),
    (
        "SEP",
        _guard(
            "-–—‒−_&tbàadh至到",
            r"[-–—‒−_]|&mdash;|&ndash;|\bto\b|\bbis\b|\btill\b|\bt\.o\.m\.|\bà\b|\baté\b|\bhasta\b|"
            r"\btot\b|\btil\b|\bdo\b|至|到|(?<=[\w.,]\s)a(?=\s+(?:R\$\s*)?\d)",
        ),
    ),
    ("PLUS", r"\+|或?以上|起(?<=[\d元萬万千kK]起)(?!薪)"),  # "4萬元或以上", "45,000元起": "or more"
    ("PCT", r"%"),
    (
        "UPTO",
        _guard(
            "um<≤bn可最",
            r"\bup\s*to\b|\bmax(?:imum|imal)?\b\.?|<=|≤|<|\bunder\b|\bbelow\b|\bno\s+more\s+than\b|"
            r"可達|可达|最高|最多",
        ),
    ),
    (
        "FROM",
        _guard(
            ">≥fasmvdào達达",
            r">=|≥|>|\bfrom\b|\bat\s+least\b|\bmin(?:imum)?\b\.?|\bstarting\s+(?:at|from)\b|"
            r"\bstarts?\s+(?:at|from)\b|\bab\b|\bvon\b|\bmindestens\b|\bdès\b|\b[àa]\s+partir\s+de\b|"
            r"\bdesde\b|\bfra\b|\bfrån\b|\bvanaf\b|\bod\b|[達达](?=\s?\d)",  # 經常性薪資達4萬元: at least
        ),
    ),
    (
        "APPROX",
        _guard(
            "~≈acreo",
            r"~|≈|\bapprox(?:imately|\.)?|\bcirca\b|\bca\.|\baround\b|\babout\b|\brund\b|\betwa\b|"
            r"\benviron\b|\bcerca\s+de\b|\bomkring\b",
        ),
    ),
    (
        "BETWEEN",
        _guard(
            "bzetmf",
            r"\bbetween\b|\bzwischen\b|\bentre\b|\btussen\b|\bmellom\b|\bmellan\b|\bfourchette\s+de\b",
        ),
    ),
    ("AND", _guard("a&ueyo", r"\band\b|&|\bund\b|\bet\b|\be\b|\by\b|\ben\b|\bog\b|\boch\b")),
    ("CLAUSE", r"[,;|•·\n]|\.(?=\s+(?-i:[A-Z]))|\bplus\b|\bor\b|\bwith\b|\bw/"),
    ("LP", r"[(\[]"),
    ("RP", r"[)\]]"),
    ("WORD", r"[A-Za-zÀ-ÿ]+(?:['\-][A-Za-zÀ-ÿ]+)*"),
]
#: the leading look-ahead lets the engine skip spaces without trying every alternative there
#: (half the tokenizer's time on prose); newlines stay tokens (clause breaks)
_MASTER = re.compile(
    "(?=[^ \t])(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in _SPEC) + ")", re.IGNORECASE
)
_BIG = {"b", "bn", "billion", "t", "tn", "trillion"}


#: groups whose token is fixed by the group name alone: (kind, value)
_FIXED: dict[str, tuple[str, str | None]] = {
    "WORD401": ("WORD", "401k"),
    "UPTO_DE": ("UPTO", None),
    **{f"PERIOD_{p}": ("PERIOD", p) for _, p in PERIOD_PATTERNS},
    **{f"KINDP_{k}": ("KIND", k) for _, k in KIND_PHRASES},
}


def tokenize(text: str) -> list[Token]:
    """Split pay text into tokens; unknown characters are skipped, positions are kept.

    WORD, the commonest token, is tested first and the name-fixed groups read from a dict
    (the tokenizer runs over every pay segment)."""
    out: list[Token] = []
    for m in _MASTER.finditer(text):
        kind = m.lastgroup or "WORD"
        raw = m.group()
        value: str | None = None
        if kind == "WORD":
            kind, value = _classify_word(raw)
        elif kind in _FIXED:
            kind, value = _FIXED[kind]
        elif kind == "MULTCJK":
            kind, value = "MULT", raw.lower()
        elif kind == "SEP":
            if raw[0].isalpha() and _starts_phrase(out):
                kind = "UPTO"  # "Gehalt bis 60.000 €": a range word with no lower end is a cap
        elif kind == "CUR":
            value = SYMBOLS.get(raw) or SYMBOLS.get(raw.strip()) or SYMBOLS.get(raw[:2], "USD")
        elif kind == "CODE":
            value = raw.upper()
        elif kind == "PLUS" and raw == "+" and _letter_at(text, m.end()):
            value = "join"  # "39000元+津貼3500元", "$200k+equity": a further part, no open end
        out.append(Token(kind, raw, *m.span(), value))
    return out


def _letter_at(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalpha())


_AMOUNT_END = {"NUM", "MULT", "CUR", "CODE", "PERIOD", "PLUS"}


def _starts_phrase(out: list[Token]) -> bool:
    return not out or out[-1].kind not in _AMOUNT_END


@lru_cache(maxsize=4096)
def _classify_word(raw: str) -> tuple[str, str | None]:
    """A word's token kind (memo: the same few thousand words recur in every posting's pay lines)."""
    low = raw.lower()
    if len(low) > 6:
        for part, period in PERIOD_INFIXES:
            if part in low:
                return "PERIOD", period
    if low in MULTS:
        return "MULT", low
    if low in _BIG:
        return "BIG", low
    if low in WORDS:
        return "CODE", WORDS[low]
    if low in KIND_WORDS:
        return "KIND", KIND_WORDS[low]
    return "WORD", low
