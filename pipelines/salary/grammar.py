"""Small grammar over salary tokens: amounts, ranges, open ends, and the clause each sits in.

    phrase  := [APPROX|UPTO|FROM|BETWEEN]* amount [SEP|AND amount]
    amount  := [CUR|CODE]* NUM [MULT|BIG] [CUR|CODE]* [PLUS] [PCT]
Context words (period, pay kind, codes) attach to the phrase that shares their clause.
"""

from __future__ import annotations

import re

from price_parser.parser import parse_number

from .lexicon import MULTS
from .model import Amount, Phrase
from .tokens import Token, tokenize

_PREFIX = {"CUR", "CODE"}
_CLAUSE_BREAK = {"CLAUSE", "LP", "RP"}


def _gap(a: Token, b: Token) -> int:
    return b.start - a.end


_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")
#: spaces and apostrophes only ever group thousands ("45 000", "CHF 120'000")
_UNGROUP = str.maketrans("", "", " '’\u00a0\u202f")


def _number(raw: str) -> float | None:
    """Why price-parser: it already knows '45.000', "120'000", '1.234,56' and '1,5'."""
    cleaned = raw.translate(_UNGROUP)
    if cleaned.isascii() and cleaned.isdigit():
        return float(cleaned)  # plain digits: the value price-parser's Decimal gives, sooner
    if _INDIAN.match(cleaned):  # lakh grouping "15,00,000"
        cleaned = cleaned.replace(",", "")
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    num = parse_number(cleaned)
    return float(num) if num is not None else None


def _read_amount(toks: list[Token], i: int) -> tuple[Amount | None, int]:
    """Read one amount starting at i (prefix currency allowed); returns (amount, next index)."""
    j, symbol, code = i, None, None
    while (
        j < len(toks)
        and toks[j].kind in _PREFIX
        and j + 1 < len(toks)
        and _gap(toks[j], toks[j + 1]) <= 2  # "R$: 3.000,00"
    ):
        if toks[j].kind == "CUR":
            symbol = toks[j].text
        else:
            code = toks[j].value
        j += 1
    if j >= len(toks) or toks[j].kind != "NUM":
        return None, i
    num = toks[j]
    value = _number(num.text)
    if value is None:
        return None, i
    amt = Amount(
        value=value, raw=num.text, symbol=symbol, code=code, start=toks[i].start, end=num.end
    )
    j += 1
    last = num
    plus_first = (  # "40+ LPA": the open end written before the magnitude
        j + 1 < len(toks)
        and toks[j].kind == "PLUS"
        and _gap(num, toks[j]) == 0
        and toks[j + 1].kind == "MULT"
        and _gap(toks[j], toks[j + 1]) <= 1
    )
    if plus_first:
        amt.plus, last, j = True, toks[j], j + 1
    if j < len(toks) and toks[j].kind in ("MULT", "BIG") and _gap(last, toks[j]) <= 1:
        if toks[j].kind == "BIG":
            amt.mult = -1.0  # marks a company-size figure
        else:
            amt.mult_word = toks[j].value or ""
            amt.mult, amt.has_mult = MULTS[amt.mult_word][0], True
            amt.raw += toks[j].text
        last = toks[j]
        j += 1
        rest = toks[j] if j < len(toks) and amt.mult_word in ("萬", "万") else None
        if rest is not None and rest.kind == "NUM" and _gap(last, rest) == 0:
            tail = _number(rest.text)  # "1萬5,600" is 15,600: the ten-thousands and the rest
            if tail is not None and tail < amt.mult:
                amt.value, amt.mult = amt.value * amt.mult + tail, 1.0
                amt.raw += rest.text
                last = rest
                j += 1
    while j < len(toks) and toks[j].kind in _PREFIX and _gap(last, toks[j]) <= 1:
        if _glued_to_next(toks, j) and _gap(last, toks[j]) > 0:
            break  # "Level 2 $120,000": the symbol opens the next amount
        if toks[j].kind == "CUR":
            amt.symbol = amt.symbol or toks[j].text
        else:
            amt.code = amt.code or toks[j].value
        last = toks[j]
        j += 1
    if j < len(toks) and toks[j].kind == "PLUS" and _open_plus(toks, j, last):
        amt.plus = True
        last = toks[j]
        j += 1
    amt.end = last.end
    return amt, j


def _open_plus(toks: list[Token], j: int, last: Token) -> bool:
    """'100k+' and a last '$110,000 +' are open ends; '+ equity', '+Super' join parts."""
    if _conj(toks, j):
        return False
    gap = _gap(last, toks[j])
    return gap == 0 or (gap == 1 and (j + 1 == len(toks) or toks[j + 1].kind in _CLAUSE_BREAK))


def _dangling(toks: list[Token], j: int) -> bool:
    """'NT$ 55,000 - (月薪)', 'NT$ 40,000 ~': a range sign with nothing after it opens the top."""
    if j >= len(toks) or toks[j].kind != "SEP" or toks[j].text not in "-–—~":
        return False
    return j + 1 == len(toks) or toks[j + 1].kind in ("LP", "CLAUSE")


def _glued_to_next(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].kind == "NUM" and _gap(toks[k], toks[k + 1]) == 0


def _conj(toks: list[Token], k: int) -> bool:
    """'+' before a pay part ('$200k+equity', '$150K+ equity') joins parts; it is no open end."""
    if toks[k].value == "join":
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None:
        return False
    if _gap(toks[k], nxt) == 0 and nxt.kind in ("KIND", "WORD", "NUM", "CUR"):
        return True
    return (nxt.kind == "KIND" and nxt.value in ("equity", "bonus")) or (
        nxt.kind == "WORD" and nxt.value in ("benefits", "perks")
    )


def _phrase_at(toks: list[Token], i: int, between: bool) -> tuple[Phrase | None, int]:
    start = i
    approx = open_low = open_high = False
    while i < len(toks) and toks[i].kind in ("APPROX", "UPTO", "FROM", "BETWEEN"):
        approx |= toks[i].kind == "APPROX"
        open_low |= toks[i].kind == "UPTO"
        # German "von 17 €" is "of 17 €": an open end only in "ab", "from", "mindestens"...
        open_high |= toks[i].kind == "FROM" and toks[i].text.lower() != "von"
        between |= toks[i].kind == "BETWEEN"
        i += 1
    lo, j = _read_amount(toks, i)
    if lo is None:
        return None, start + 1
    ph = Phrase(lo=lo, hi=None, start=toks[start].start, end=lo.end, approx=approx)
    ph.wage = start > 0 and _wage_word(toks[start - 1], toks[start])
    if j < len(toks) and toks[j].kind == "PERIOD" and _gap(toks[j - 1], toks[j]) <= 1:
        ph.wage = True  # "26.10 p/hr", "18,50/Std.": a figure with its own period is pay
    if j < len(toks) and toks[j].kind == "PCT":
        ph.percent, ph.end, j = True, toks[j].end, j + 1
    if j + 2 < len(toks) and toks[j].kind == "PERIOD" and toks[j + 1].kind == "SEP":
        ph.period, j = toks[j].value, j + 1  # "$120K/year - $150K/year"
    if j + 1 < len(toks) and (
        toks[j].kind == "SEP"
        or (between and toks[j].kind == "AND")
        or toks[j].kind == "UPTO"
        or (toks[j].kind == "APPROX" and toks[j].text == "~" and _gap(toks[j - 1], toks[j]) <= 1)
    ):
        hi, k = _read_amount(toks, j + 1)
        if hi is not None:
            ph.hi, ph.end, ph.spaced_symbols = hi, hi.end, _spaced(lo, toks[j], hi)
            j = k
            if j < len(toks) and toks[j].kind == "PCT":
                ph.percent, ph.end, j = True, toks[j].end, j + 1
            open_high = open_low = False  # "from X to Y" is a plain range
    if ph.hi is None:
        ph.open_low = open_low
        ph.open_high = (open_high or lo.plus or _dangling(toks, j)) and not open_low
    ph.big = lo.mult < 0 or (ph.hi is not None and ph.hi.mult < 0)
    return ph, j


#: a period word that also says "wage" ("月薪", "時給", "timelønn", "Stundenlohn", "Monatsgehalt")
_WAGE = re.compile(r"[薪給]|l[øo]nn?|lön|lohn|gehalt", re.IGNORECASE)


def _wage_word(word: Token, first: Token) -> bool:
    """The number right after a wage-and-period word is pay, however small ('時薪196')."""
    return word.kind == "PERIOD" and _gap(word, first) <= 2 and bool(_WAGE.search(word.text))


def _spaced(lo: Amount, sep: Token, hi: Amount) -> bool:
    """'$4 - $7K': both sides carry a symbol and spaces: each side was formatted on its own."""
    both = (lo.symbol or lo.code) and (hi.symbol or hi.code)
    return bool(both) and (sep.start > lo.end or hi.start > sep.end)


def parse_phrases(text: str) -> tuple[list[Phrase], list[Token]]:
    """All money phrases of text with clause/paren context and the words attached to them."""
    toks = tokenize(text)
    phrases: list[Phrase] = []
    clause = depth = 0
    clause_of: list[int] = []
    paren_of: list[bool] = []
    for k, t in enumerate(toks):
        spaced_plus = t.kind == "PLUS" and (k > 0 and _gap(toks[k - 1], t) > 0 or _conj(toks, k))
        if t.kind in _CLAUSE_BREAK or spaced_plus:
            clause += 1
        depth = depth + (t.kind == "LP") - (t.kind == "RP")
        clause_of.append(clause)
        paren_of.append(depth > 0)
    i, between = 0, False
    while i < len(toks):
        between |= toks[i].kind == "BETWEEN"
        if toks[i].kind not in ("NUM", "CUR", "CODE", "APPROX", "UPTO", "FROM", "BETWEEN"):
            i += 1
            continue
        ph, nxt = _phrase_at(toks, i, between)
        if ph is not None:
            ph.clause = clause_of[nxt - 1]
            ph.paren = paren_of[nxt - 1]
            phrases.append(ph)
        i = max(nxt, i + 1)
    _attach_context(toks, clause_of, phrases)
    return phrases, toks


def _attach_context(toks: list[Token], clause_of: list[int], phrases: list[Phrase]) -> None:
    """Give each phrase the period and pay kind written in its own clause (after it, else before)."""
    if not phrases:
        return  # a segment with no amount: no clause map to build
    by_clause: dict[int, list[Token]] = {}
    for k, t in enumerate(toks):
        by_clause.setdefault(clause_of[k], []).append(t)
    starts: dict[int, list[int]] = {}
    for p in phrases:
        starts.setdefault(p.clause, []).append(p.start)
    for ph in phrases:
        mine = by_clause.get(ph.clause, [])
        after = [t for t in mine if t.start >= ph.end]
        before = [t for t in mine if t.end <= ph.start]
        nxt = [s for s in starts[ph.clause] if s >= ph.end]
        if nxt:
            after = [t for t in after if t.end <= nxt[0]]
        for group in (after, list(reversed(before))):
            for t in group:
                if t.kind == "PERIOD" and ph.period is None:
                    ph.period = t.value
                elif t.kind == "KIND" and ph.kind is None:
                    ph.kind = t.value
                elif t.kind == "CODE" and group is after and not (ph.lo and ph.lo.code):
                    if ph.lo is not None and ph.hi is None and ph.lo.code is None:
                        ph.lo.code = t.value
                    elif ph.hi is not None and ph.hi.code is None:
                        ph.hi.code = t.value
        if ph.percent:
            ph.kind = "equity" if ph.kind in (None, "base") else ph.kind
