"""extract_salary: structured field, then salary_text, then pay found in the description."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache
from typing import Any

from pipelines.geo import infer_country
from pipelines.textnorm import normalise_text

from .candidates import choose, read_candidates
from .lexicon import CJK_PLACES, COUNTRY_HINTS, CURRENCY_COUNTRY
from .locate import description_text, pay_blocks, pay_context
from .model import ParsedSalary
from .normalise import normalise
from .parse import parse_salary_text
from .structured import READERS

_PARSED_FIELDS = tuple(f.name for f in fields(ParsedSalary))
_EMPTY: tuple[Any, ...] = (None, "", [], {})
_COUNTRY_CURRENCY = {country: currency for _, country, currency in COUNTRY_HINTS}
_COUNTRY_CURRENCY.update(
    {
        "IT": "EUR",
        "PT": "EUR",
        "AT": "EUR",
        "BE": "EUR",
        "FI": "EUR",
        "CZ": "CZK",
        "AE": "AED",
        "KR": "KRW",
    }
)


_HINT_RX = re.compile(
    "|".join(
        rf"(?P<h{i}>\b{re.escape(needle)}\b)" for i, (needle, _, _) in enumerate(COUNTRY_HINTS)
    )
)


_US_STATE = re.compile(
    r",\s*(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
    r"NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)\b(?!\s*,?\s*(?:Canada|"
    r"Australia|India|Brazil|Germany|Spain))"
)


def location_hint(record: dict[str, Any]) -> tuple[str | None, str | None]:
    """(country, currency) guessed from the posting's location strings, or (None, None)."""
    locs = record.get("locations") or []
    if isinstance(locs, str):
        locs = [locs]
    return _hint_for(tuple([*map(str, locs), str(record.get("location") or "")]))


@lru_cache(maxsize=8192)
def _hint_for(places: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Postings repeat a few thousand location strings: each is read once."""
    if _US_STATE.search(" ".join(places)):  # "Vancouver, WA", "Portland, ME": a US city
        return "US", "USD"
    text = " ".join(places).lower()
    if not text.isascii():
        cjk = {(c, cur) for needle, c, cur in CJK_PLACES if needle in text}
        if len(cjk) == 1:
            return cjk.pop()
    hits = [COUNTRY_HINTS[int(m.lastgroup[1:])][1:] for m in _HINT_RX.finditer(text) if m.lastgroup]
    if not hits:  # "Boston, MA", "München": the shared place list knows cities and state codes
        geo = infer_country(list(places))
        code = geo["country_code"]
        currency = _COUNTRY_CURRENCY.get(code) if code else None
        return (code, currency) if currency else (None, None)
    if len({cur for _, cur in hits}) != 1:  # "US & Canada": no single currency to assume
        return None, None
    return hits[0]


def _from_parsed(p: ParsedSalary, source: str) -> dict[str, Any]:
    d = {name: getattr(p, name) for name in _PARSED_FIELDS}  # shallow: asdict deep-copies
    d["source"] = "estimate" if p.estimate else source
    return d


def _text_pay(text: str, hint: str | None, strict: bool) -> ParsedSalary | None:
    p = parse_salary_text(text, hint)
    if p is None:
        return None
    if strict and (
        p.currency_from == "default"
        and "magnitude_inferred" not in p.flags
        and (p.max or p.min or 0) < 1000
    ):
        return None
    return p


def _structured(record: dict[str, Any], hint: str | None) -> dict[str, Any] | None:
    raw, source = record.get("salary_raw"), record.get("source")
    if raw in _EMPTY or source not in READERS:
        return None
    if isinstance(raw, str):  # some sources hand pay over as display text
        p = _text_pay(normalise_text(raw), hint, True)
        return _from_parsed(p, "structured") if p else None
    reading = READERS[source](raw)
    if reading is None and source == "ashby" and isinstance(raw, dict):
        summary = raw.get("scrapeableCompensationSalarySummary") or raw.get(
            "compensationTierSummary"
        )
        p = _text_pay(summary, hint, True) if summary else None
        return _from_parsed(p, "structured") if p else None
    if reading is not None:
        reading["source"] = "structured"
    return reading


def _from_description(record: dict[str, Any], hint: str | None) -> dict[str, Any] | None:
    blocks = pay_blocks(record.get("description_html"))
    parsed: list[tuple[str, ParsedSalary]] = []
    for title, rng in blocks:
        p = parse_salary_text(rng, hint)
        if p is not None:
            parsed.append((title, p))
    if parsed:
        title, base = parsed[0]
        out = _from_parsed(base, "text")
        if base.period_inferred:
            context = f"{title} {pay_context(record.get('description_html'))}".lower()
            period = next(
                (
                    v
                    for k, v in (
                        ("hourly", "hour"),
                        ("per hour", "hour"),
                        ("annual", "year"),
                        ("monthly", "month"),
                    )
                    if k in context
                ),
                None,
            )
            if period:
                out["period"], out["period_inferred"] = period, False
        for t, o in parsed[1:]:
            out["other_amounts"].append(
                {
                    "kind": t or "other",
                    "min": o.min,
                    "max": o.max,
                    "currency": o.currency,
                    "period": o.period,
                    "raw": o.raw,
                }
            )
        return out
    location = _location_text(record)
    cands = read_candidates(record["_text"], hint)
    found = choose(cands, location, hint)
    if found is None:
        return None
    found["source"] = "text"
    found["estimate"] = False
    return found


_TITLE_MONEY = re.compile(
    r"[$€£₹¥]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR|PLN|SEK|NOK|DKK|BRL)\b|\d\s?[kK]\b"
)


def _from_title(title: str, hint: str | None) -> dict[str, Any] | None:
    """Pay written in the title ('Backend Engineer (80-100k €)'), read only when it is marked as
    money (a currency or a k) and nothing else in the posting states pay."""
    if not _TITLE_MONEY.search(title):
        return None
    p = _text_pay(title, hint, True)
    if p is None or p.currency_from == "default" or (p.max or p.min or 0) < 1000:
        return None
    out = _from_parsed(p, "text")
    out["flags"] = [*out["flags"], "from_title"]
    return out


def _location_text(record: dict[str, Any]) -> str:
    locs = record.get("locations") or []
    if isinstance(locs, str):
        locs = [locs]
    return " ".join([*map(str, locs), str(record.get("location") or "")])


_WORK_KIND = (
    (
        "intern",
        re.compile(
            r"\bintern(?:ship)?s?\b|praktik|werkstudent|estagi|est[áa]gio|stagiaire|"
            r"apprentice|trainee|\bbolsa\b",
            re.I,
        ),
    ),
    (
        "part_time",
        re.compile(
            r"part[\s-]?time|teilzeit|minijob|temps\s+partiel|meio\s+per[ií]odo|"
            r"\b(?:[5-9]|[12]\d|3[0-4])\s?(?:h|std|stunden|hours)\s*(?:/|pro|per|a)\s*(?:woche|week)",
            re.I,
        ),
    ),
    (
        "contract",
        re.compile(
            r"\bcontract(?:or)?\s+(?:role|position|basis|work|job|engagement)|\bcontractors?\b|"
            r"freelanc|\bb2b\b|\bpj\b|contract[\s-]to[\s-]hire|\(contract\)|[-|]\s*contract\b|"
            r"fixed[\s-]term|befristet|\bcdd\b|\bmonths?\s+contract\b|\bir35\b|\bday[\s-]rate\b",
            re.I,
        ),
    ),
)


#: behind a look-ahead on every character a branch of _WORK_KIND can start with (a new branch
#: must start with one of them, or widen it): most positions skip the
#: thirty-odd branches (an alternation of groups has no prefix the engine could search for)
_WORK_RX = re.compile(
    "(?=[ipwestabmcfd(|1-9-])(?:"
    + "|".join(f"(?P<{flag}>{rx.pattern})" for flag, rx in _WORK_KIND)
    + ")"
)
#: cheap substring test first: most postings hold none of these and skip the regex
_WORK_KEYS = (
    "intern", "prakti", "werkstud", "estagi", "estági", "stagiaire", "apprenti", "trainee",
    "bolsa", "part-time", "part time", "parttime", "teilzeit", "minijob", "partiel", "período",
    "periodo", "woche", "week", "contract", "freelanc", "b2b", "ir35", "day rate", "day-rate",
    "pj", "employed", "fixed", "befristet", "cdd",
)  # fmt: skip


def work_flags(record: dict[str, Any], raw: str) -> list[str]:
    """part_time / contract / intern from the title, the pay text and the description's opening
    (where boards state the kind of contract); one scan."""
    text = " ".join(
        [str(record.get("title") or ""), raw or "", str(record.get("_text") or "")[:600]]
    ).lower()
    if not any(key in text for key in _WORK_KEYS):
        return []
    found = {m.lastgroup for m in _WORK_RX.finditer(text)}
    return [flag for flag, _ in _WORK_KIND if flag in found]


def _normalised(record: dict[str, Any]) -> dict[str, Any]:
    """Pay text as scrapers save it (Markdown escapes, NBSP, en dashes) read as a person reads it."""
    out = dict(record)
    for key in ("salary_text", "title"):
        if isinstance(out.get(key), str):
            out[key] = normalise_text(out[key])
    out["_text"] = description_text(record)  # raw: pay segments are normalised one by one
    return out


def extract_salary(record: dict[str, Any]) -> dict[str, Any] | None:
    """One salary row for a posting (or `extract` input line); None when it states no pay."""
    record = _normalised(record)
    country, hint = location_hint(record)
    out = _structured(record, hint)
    if out is None and record.get("salary_text"):
        p = _text_pay(str(record["salary_text"]), hint, False)
        out = _from_parsed(p, "text") if p else None
    if out is None:
        out = _from_description(record, hint)
    if out is None and record.get("title"):
        out = _from_title(str(record["title"]), hint)
    if out is None or out.get("currency") is None:
        return None
    country = country or CURRENCY_COUNTRY.get(out["currency"])
    norm = normalise(
        out["min"], out["max"], out["currency"], out["period"], country, record.get("posted_at")
    )
    return {
        "min": out["min"],
        "max": out["max"],
        "currency": out["currency"],
        "period": out["period"],
        "period_inferred": bool(out["period_inferred"]),
        "annual_min_usd": norm["annual_min_usd"],
        "annual_max_usd": norm["annual_max_usd"],
        "source": out["source"],
        "raw": out["raw"],
        "fx_rate": norm["fx_rate"],
        "fx_rate_date": norm["fx_rate_date"],
        "annualisation": norm["annualisation"],
        "flags": list(
            dict.fromkeys(
                [*out.get("flags", []), *norm["flags"], *work_flags(record, str(out["raw"]))]
                + (["period_inferred"] if out["period_inferred"] else [])
            )
        ),
        "other_amounts": out.get("other_amounts", []),
    }
