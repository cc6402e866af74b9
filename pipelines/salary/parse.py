"""Turn grammar phrases into one base-pay reading: magnitudes, currency, period, kind."""

from __future__ import annotations

import re
from typing import Any

from .context import family_hint
from .fx import rough_usd_rate
from .grammar import parse_phrases
from .lexicon import AMBIGUOUS_SYMBOLS, MULTS, SYMBOLS
from .model import ParsedSalary, Phrase
from .normalise import plausible_bounds
from .tokens import Token

#: Which location currencies an ambiguous symbol may stand for.
_FAMILIES = {
    "$": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"},
    "kr": {"SEK", "NOK", "DKK"},
    "¥": {"JPY", "CNY"},
    "元": {"CNY", "TWD", "HKD"},
}
_BASE_KINDS = (None, "base")
_HEADLINE_KINDS = ("ote", "total_comp")


_WHOLE = re.compile(r"(\d),[-–](?!\d)")  # "1840,- Euro", "1.200,–": whole units, German style


def whole_units(text: str) -> str:
    """'60.000,- bis 70.000,- Euro' as '60.000 bis 70.000 Euro' (the dash marks no decimals)."""
    return _WHOLE.sub(r"\1", text) if ",-" in text or ",–" in text else text


def _is_money(ph: Phrase) -> bool:
    """A number is pay only with a currency, a magnitude, or salary-sized digits."""
    if ph.percent or ph.big:
        return False
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    if all(a.value <= 0 for a in amts):
        return False
    if ph.wage or any(a.symbol or a.code or a.has_mult for a in amts):
        return True
    return all(a.value >= 1000 for a in amts)


def ambiguous_symbol(ph: Phrase) -> str | None:
    """'kr' or '元' when that is the phrase's only currency mark (resolved by place or language)."""
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    if any(a.code for a in amts):
        return None
    syms = {"kr" if a.symbol.lower().startswith("kr") else a.symbol for a in amts if a.symbol}
    return syms.pop() if len(syms) == 1 and syms <= {"kr", "元"} else None


def _year_alone(ph: Phrase) -> bool:
    """'EBA 2022', 'since 2015': a lone year with no currency, period or range is no pay."""
    lo = ph.lo
    return (
        lo is not None
        and ph.hi is None
        and ph.period is None
        and not (lo.symbol or lo.code or lo.has_mult)
        and len(lo.raw) == 4
        and lo.raw[:2] in ("19", "20")
    )


def _values(ph: Phrase) -> tuple[float, float | None, list[str]]:
    """Apply magnitudes, sharing a suffix across a range the way writers intend it."""
    lo, hi = ph.lo, ph.hi
    flags: list[str] = []
    assert lo is not None
    if hi is None:
        return lo.value * lo.mult, None, flags
    lm, hm = lo.mult, hi.mult
    if hi.has_mult and not lo.has_mult and lo.value <= hi.value:
        # "$150-225K", "2-3k": the suffix belongs to both ends; with a symbol on each side
        # ("$130 to $160K") only when the lower end then lands in the upper's range ("$4 - $7K"
        # stays literal: a four-dollar floor is a typo we flag, not a figure we invent)
        if not ph.spaced_symbols or (lo.value >= 10 and lo.value * hm >= 0.2 * hi.value * hm):
            lm = hm
    elif lo.has_mult and not hi.has_mult and hi.value < lo.value * lm <= hi.value * lm:
        hm = lm  # "$75k - $120/yr": upper bound lost its k
    elif (
        not lo.has_mult
        and not hi.has_mult
        and 10 <= lo.value < 1000 <= hi.value
        and 0.2 * hi.value <= lo.value * 1000 <= hi.value
    ):
        lm = 1000.0  # "$140 - $160000", "60-80 000 Kč": the thousands of the upper end are shared
        flags.append("magnitude_shared")
    return lo.value * lm, hi.value * hm, flags


def _currency(ph: Phrase, hint_text: str | None, hint: str | None) -> tuple[str, str, list[str]]:
    """Explicit ISO code > unambiguous symbol > text hint ('(EUR)') > location hint > USD."""
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    codes = [a.code for a in amts if a.code]
    # "kr", "Kr.", "kroner", "kronor": one Nordic crown, resolved by location like "$"
    syms = ["kr" if a.symbol.lower().startswith("kr") else a.symbol for a in amts if a.symbol]
    implied = [MULTS[a.mult_word][1] for a in amts if a.mult_word and MULTS[a.mult_word][1]]
    if codes:
        flags = []
        if syms and syms[0] not in AMBIGUOUS_SYMBOLS and SYMBOLS.get(syms[0]) != codes[0]:
            flags.append("currency_conflict")
        return codes[0], "code", flags
    if syms:
        sym = syms[0]
        if sym in AMBIGUOUS_SYMBOLS and hint_text:
            return hint_text, "hint", []
        if hint in _FAMILIES.get(sym, ()):
            return hint, "hint", []
        return SYMBOLS.get(sym, "USD"), "symbol", []
    if implied:
        return implied[0] or "INR", "symbol", []
    if hint_text:
        return hint_text, "hint", []
    if hint:
        return hint, "hint", ["currency_from_location"]
    return "USD", "default", ["currency_assumed"]


def _text_code_hint(toks: list[Token], phrases: list[Phrase]) -> str | None:
    """A currency code standing on its own ('(EUR)') says what '$' or bare numbers mean."""
    spans = [(p.start, p.end) for p in phrases]
    for t in toks:
        if t.kind == "CODE" and not any(s <= t.start < e for s, e in spans):
            return t.value
    return None


def _plausible(annual_usd: float, currency: str) -> bool:
    low, high = plausible_bounds(currency)
    return low <= annual_usd <= high


def _period(
    ph: Phrase,
    lo: float,
    hi: float | None,
    usd_rate: float,
    currency: str,
    months: bool,
    prose: bool,
) -> tuple[str, bool]:
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    for a in amts:
        if a.mult_word and MULTS[a.mult_word][2]:
            return MULTS[a.mult_word][2] or "year", False
    if ph.period:
        return ph.period, False
    # Unlabelled pay is annual when a year of it is plausible pay for the currency; monthly when
    # only twelve of it are ("$2000 - $3000", "R$ 7,5k", "45 000 - 65 000 Kč"), except in a pay
    # field written in thousands ("$3K - $7K" on a yearly field); hourly when tiny.
    top = max(v for v in (lo, hi) if v is not None) * usd_rate
    low = lo * usd_rate
    hourly_sized = not any(a.has_mult for a in amts)
    if hourly_sized and top < (150 if prose else 300):
        return "hour", True
    if months and not _plausible(top, currency) and _plausible(top * 12, currency):
        return "month", True
    if months and not _plausible(low, currency) and _plausible(low * 12, currency):
        if _plausible(top * 12, currency):  # "SGD 6,000 - 15,000": both ends are months' pay
            return "month", True
    return ("hour", True) if hourly_sized and top < 300 else ("year", True)


def _reading(
    ph: Phrase,
    hint_text: str | None,
    hint: str | None,
    literal: bool = False,
    months: bool = False,
    prose: bool | None = None,
) -> dict[str, Any]:
    """One phrase as min/max/currency/period; literal: a rate ('Rate 120-180 PLN') is no k-figure."""
    lo, hi, flags = _values(ph)
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    bare = not any(a.has_mult or a.symbol for a in amts) and ph.period is None
    if bare and not literal and all(30 <= a.value < 1000 for a in amts):
        # "80-110 GBP": bare figures are thousands; "$45" (a written symbol) stays literal
        lo, hi = lo * 1000, hi * 1000 if hi is not None else None
        flags.append("magnitude_inferred")
    cur, cur_from, cflags = _currency(ph, hint_text, hint)
    prose = months if prose is None else prose
    period, inferred = _period(ph, lo, hi, rough_usd_rate(cur), cur, months, prose)
    mn: float | None = lo
    mx: float | None = hi if hi is not None else lo
    if ph.open_low:
        mn, mx = None, lo
    elif ph.open_high:
        mx = None
    if ph.hi is not None and ph.hi.plus:
        flags.append("open_upper_plus")
    if ph.approx:
        flags.append("approximate")
    return {
        "min": mn,
        "max": mx,
        "currency": cur,
        "period": period,
        "period_inferred": inferred,
        "currency_from": cur_from,
        "flags": flags + cflags,
    }


def parse_salary_text(text: str, currency_hint: str | None = None) -> ParsedSalary | None:
    """Read base pay (and the other amounts) from one pay string; None when it holds no pay."""
    if not text or not text.strip():
        return None
    text = whole_units(text[:2000])  # a pay statement is short; bounds work on hostile input
    phrases, toks = parse_phrases(text)
    money = [p for p in phrases if _is_money(p) and not _year_alone(p)]
    hint_text = _text_code_hint(toks, phrases)
    base = next((p for p in money if p.kind in _BASE_KINDS), None)
    if base is None:
        base = next((p for p in money if p.kind in _HEADLINE_KINDS), None)
    if base is None:
        return None
    # "$3K - $7K" on a pay field is the annual k shorthand; "8 a 10 mil", "4萬" are plain thousands
    field_months = not any(a.mult_word == "k" for a in (base.lo, base.hi) if a)
    r = _reading(base, hint_text, currency_hint, months=field_months, prose=False)
    family = (
        ambiguous_symbol(base) if currency_hint is None and r["currency_from"] == "symbol" else None
    )
    if family and (lang := family_hint(family, text)):
        r = _reading(base, lang, None, months=field_months, prose=False)
        r["flags"].append("currency_from_language")
    elif family:  # a bare "kr" / "元" with no place or language to go by
        r["flags"].append("currency_symbol_ambiguous")
    flags = list(r["flags"])
    if base.kind in _HEADLINE_KINDS:
        flags.append(base.kind)
    others = []
    for p in phrases:
        if p is base or p.big or not (_is_money(p) or p.percent):
            continue
        o = _reading(p, hint_text, currency_hint) if not p.percent else _pct(p)
        o["kind"] = p.kind or ("alternative" if p.paren or p.approx else "other")
        o["raw"] = text[p.start : p.end]
        others.append(o)
    return ParsedSalary(
        min=r["min"],
        max=r["max"],
        currency=r["currency"],
        period=r["period"],
        period_inferred=r["period_inferred"],
        raw=text.strip()[:300],
        kind=base.kind or "base",
        currency_from=r["currency_from"],
        estimate=any(t.kind == "EST" for t in toks),
        flags=flags,
        other_amounts=others,
    )


def _pct(p: Phrase) -> dict[str, Any]:
    lo = p.lo.value if p.lo else None
    hi = p.hi.value if p.hi else lo
    return {"min": lo, "max": hi, "unit": "percent"}


__all__ = ["parse_salary_text"]
