"""Pay in a description: one cheap scan for money, the grammar only where money is, typed amounts.

Why: descriptions run to thousands of characters and hold pay in one sentence, if at all. One
compiled scan (scan.py) finds every place that can hold an amount (currency symbols and codes, grouped or
long digit runs, "85k", lakh words); the grammar then reads only the line or sentence around each
hit. Every amount found is typed from its context (context.py); only base pay becomes the salary,
on-target earnings only when nothing else is stated; the rest is kept as `other_amounts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipelines.textnorm import normalise_text

from .context import family_hint, heading_kind, kind_hits, language_currency, nearest_kind
from .grammar import parse_phrases
from .model import Phrase
from .parse import _is_money, _reading, _text_code_hint, ambiguous_symbol, whole_units
from .scan import SENT_END, money_hits, segments
from .shapes import LATER, follows, intern_stipend, salary_sized, sums

_CONTEXT = 120  # characters of context the grammar reads either side of the amounts
_HEADING = re.compile(r"^\s*(?:#{1,6}\s*\S|\*\*[^*\n]{2,70}\*\*\s*:?\s*$|[^\n.]{2,60}:\s*$)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: behind a look-ahead on the words' first letters: searched once per amount, it otherwise tries
#: all seven branches at every character of the sentence (no searchable prefix when case-blind)
_RATE_WORDS = re.compile(
    r"(?=[rsvhbf])(?:\brate\b|stawka|\bvat\b|hourly|stunde|\bb2b\b|freelanc)", re.I
)
_SPACES = re.compile(r"[ \t\r\f\v]{2,}")
_MD = re.compile(r"\*\*|__|(?<!\S)\*(?=\S)")
#: a Markdown link reads as its text: "[bonus](https://…)" is the word bonus, not an aside
_MD_LINK = re.compile(r"\[([^\]\n]{1,80})\]\([^)\s]{1,400}\)")


@dataclass(slots=True)
class Candidate:
    """One money phrase with its reading, kind and where it sat."""

    reading: dict[str, Any]
    kind: str
    strong: bool  # a pay word in its own sentence (weak: only a heading, period or range)
    label: str  # text before it on its line ("Zone A:", "Colorado ...") for location choice
    raw: str
    paren: bool = False
    flags: list[str] = field(default_factory=list)


def heading_before(text: str, start: int, max_lines: int = 20) -> str:
    """The nearest heading-like line above start (a '## Salary', '**Benefits:**', 'Pay:')."""
    pos = start - 1
    for _ in range(max_lines):
        if pos <= 0:
            return ""
        s = text.rfind("\n", 0, pos) + 1
        line = text[s:pos]
        if line.strip() and _HEADING.match(line):
            return line
        pos = s - 1
    return ""


def _line_above(text: str, start: int) -> str:
    """The short line above a bare range ('**San Francisco Bay Area**' then '$180k - $220k')."""
    end = text.rfind("\n", 0, max(start - 1, 0))
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    line = text[text.rfind("\n", 0, max(end, 0)) + 1 : max(end, 0)].strip()
    return line if 0 < len(line) <= 80 else ""


def _sentence_span(seg: str, ph: Phrase) -> tuple[int, int]:
    starts = [m.end() for m in SENT_END.finditer(seg, 0, ph.start)]
    end = SENT_END.search(seg, ph.end)
    return (starts[-1] if starts else 0), (end.start() if end else len(seg))


def _period_in_sentence(
    ph: Phrase, toks: list[Any], s: int, e: int, claimed: set[int]
) -> str | None:
    """A period written elsewhere in the sentence ('... per month, from 7000') beats a guess;
    one written right after another amount is that amount's ('42000 ..., 津貼500元/日')."""
    best: tuple[int, str] | None = None
    for t in toks:
        if t.kind == "PERIOD" and s <= t.start < e and t.start not in claimed:
            dist = abs(t.start - ph.end) if t.start >= ph.end else abs(ph.start - t.end)
            if best is None or dist < best[0]:
                best = (dist, t.value)
    return best[1] if best else None


#: emphasis closed and reopened inside a number ("**33** **00€"): markup, not a separator
_SPLIT_BOLD = re.compile(r"(?<=\d)\*\*\s?\*\*(?=\d)")


def _prepare(raw: str) -> str:
    """A pay segment as the grammar reads it: normalised, emphasis marks and runs of spaces gone."""
    if "**" in raw:
        raw = _SPLIT_BOLD.sub("", raw)
    seg = _SPACES.sub(" ", normalise_text(raw))
    if "*" in seg or "__" in seg:  # most pay lines carry no emphasis: skip the callback pass
        seg = _MD.sub(_unmark, seg)
    if "](" in seg:
        seg = _MD_LINK.sub(r"\1", seg)
    return whole_units(seg)


def _unmark(m: re.Match[str]) -> str:
    return "" if len(m.group(0)) == 2 else " "


def _window(seg: str) -> str:
    """The part of a long segment the grammar needs: from a little before the first amount to a
    little after the last (the tokenizer's cost grows with the text it reads)."""
    if len(seg) <= 2 * _CONTEXT:
        return seg
    hits = money_hits(seg)
    if not hits:
        return seg
    return seg[max(0, hits[0][0] - _CONTEXT) : hits[-1][0] + _CONTEXT]


def _kind(ph: Phrase, near: str | None, head: str | None, explicit: bool, hinted: bool) -> str:
    """The amount's kind: its nearest kind word, else its heading's; with neither, base pay only
    when written as pay (a currency with a period, a range or a k) and 'other' otherwise."""
    if near is not None:
        return near
    if head is not None:
        return head if head != "base" or explicit or hinted else "other"
    assert ph.lo is not None
    written_as_pay = explicit and (ph.period or ph.hi is not None or ph.lo.has_mult)
    return "base" if written_as_pay else "other"


def read_candidates(text: str, hint: str | None) -> list[Candidate]:
    """Every typed money phrase in the pay-bearing segments of a description (raw text: each
    segment is normalised on its own, so normalisation costs what the pay lines cost)."""
    out: list[Candidate] = []
    crowns: dict[str, str | None] = {}  # the language's crown or yuan, read once per text
    for s, e, marked in segments(text):
        seg = _window(_prepare(text[s:e]))
        hits = None if marked else kind_hits(seg)
        head: str | None = None
        if hits is not None and all(k != "base" for _, _, k in hits):
            # bare numbers ("4,000 customers") are pay only next to a pay word or under a pay heading
            head = heading_kind(heading_before(text, s))
            if head != "base":
                continue
        phrases, toks = parse_phrases(seg)
        money = [ph for ph in phrases if _is_money(ph)]  # (a percentage is never money)
        if not money:
            continue
        hits = kind_hits(seg) if hits is None else hits
        hint_text = _text_code_hint(toks, phrases)
        ends = [ph.end for ph in phrases if ph.period is not None]
        claimed = {t.start for t in toks if t.kind == "PERIOD" and follows(t.start, ends)}
        prev_end = 0  # a range's label is the text between the previous amount and it
        # "39000元 + 津貼3500元 = 42500元", "3000 + 500 = 3500 EUR": parts of any size, by identity
        part_of = sums(seg, [ph for ph in phrases if ph.lo is not None and not ph.percent])
        totals = set(part_of.values())
        part_kind: dict[int, tuple[str, bool]] = {}
        for ph in money:
            explicit = any(a.symbol or a.code or a.has_mult for a in (ph.lo, ph.hi) if a)
            if not explicit and ph.lo and _YEAR.match(ph.lo.raw) and ph.hi is None:
                continue  # "since 2015": a year, not money
            ss, se = _sentence_span(seg, ph)
            near, _ = nearest_kind(seg, [h for h in hits if ss <= h[0] < se], ph.start, ph.end)
            if near is None and ph.kind in ("ote", "total_comp", "equity", "bonus"):
                near = "ote" if ph.kind == "total_comp" else ph.kind
            if near is None:
                head = heading_kind(heading_before(text, s)) if head is None else head
            if ph.period is None:
                ph.period = _period_in_sentence(ph, toks, ss, se, claimed)
            strong = near == "base"
            kind = _kind(ph, near, head, explicit, hint is not None)
            rate_ctx = bool(_RATE_WORDS.search(seg[ss:se]))
            r = _reading(ph, hint_text, hint, literal=rate_ctx, months=True)
            family = (
                ambiguous_symbol(ph) if hint is None and r["currency_from"] == "symbol" else None
            )
            if family and (lang := crowns.setdefault(family, family_hint(family, text))):
                r = _reading(ph, lang, None, literal=rate_ctx, months=True)  # 'lønn ... kr'
                r["flags"] = [*r["flags"], "currency_from_language"]
            elif family:  # a bare "kr" / "元" with no place or language to go by
                r["flags"] = [*r["flags"], "currency_symbol_ambiguous"]
            if r["currency_from"] == "default" and hint is None:
                lang = language_currency(seg, hits)  # "bis zu 65.000 Festgehalt": German pay
                if lang:
                    r = _reading(ph, lang, None, literal=rate_ctx, months=True)
                    r["flags"] = [*r["flags"], "currency_from_language"]
            if kind == "base" and prev_end and LATER.search(seg, prev_end, ph.start):
                kind = "later"  # "36.000 € - 38.000 €, nach 9 Monaten 41.000 €": a later step
            if id(ph) in part_of:  # a part of a sum written out: the total is the pay
                part_kind.setdefault(part_of[id(ph)], (kind, strong))
                kind = "component"
            elif id(ph) in totals:
                kind, strong = part_kind.get(id(ph), (kind, strong))
            if r["currency_from"] == "default":
                kind = "other" if kind == "base" else kind
            elif kind == "benefit" and near is None and salary_sized(ph, r):
                kind = "base"  # "**Benefits** * £95-110k": a perks list opening with the pay
            elif kind == "benefit" and intern_stipend(seg, hits, ss, se):
                kind, strong = "base", True  # "monthly stipend for this internship: $4,200"
            out.append(
                Candidate(
                    reading=r,
                    kind=kind,
                    strong=strong,
                    label=seg[prev_end : ph.start]
                    if prev_end or ph.start > 3
                    else _line_above(text, s),
                    raw=seg[ph.start : ph.end],
                    paren=ph.paren,
                )
            )
            prev_end = ph.end
    return out


def _loc_words(location: str) -> set[str]:
    generic = {"remote", "hybrid", "onsite", "office", "only", "within", "based", "and", "the"}
    return {w for w in re.findall(r"[a-zà-ÿ]{3,}", location.lower()) if w not in generic}


_LABEL_CUT = re.compile(r".*(?:\s[-–]\s|[()\[\];|•])")


def _label_tail(label: str) -> str:
    """The words naming a range: '(São Paulo - office) - Pleno: ' -> 'Pleno' (the office in an
    aside is no range label); 'in Colorado it is ' and 'Zone A: ' stay whole."""
    return _LABEL_CUT.sub("", label.rstrip(" :"), count=1)


def _key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r["min"], r["max"], r["currency"], r["period"])


def choose(cands: list[Candidate], location: str, hint: str | None) -> dict[str, Any] | None:
    """Base pay from typed candidates: strong > weak, the posting location's range, else the span."""
    base = [c for c in cands if c.kind == "base"]
    flags: list[str] = []
    if not base:
        base = [c for c in cands if c.kind == "ote"]
        flags = ["ote"] if base else []
    if not base:
        return None
    # a currency guessed from the language only when no amount states one ('33803 Ort ... 17 €')
    base = [c for c in base if "currency_from_language" not in c.reading["flags"]] or base
    pool = [c for c in base if c.strong] or base
    pool = [c for c in pool if not c.paren] or pool
    if hint and any(c.reading["currency"] == hint for c in pool):
        pool = [c for c in pool if c.reading["currency"] == hint]
    words = _loc_words(location)
    if len({_key(c.reading) for c in pool}) > 1 and words:
        local = [c for c in pool if words & _loc_words(_label_tail(c.label))]
        pool = local or pool
    first = pool[0].reading
    same = [
        c
        for c in pool
        if (c.reading["currency"], c.reading["period"]) == (first["currency"], first["period"])
    ]
    distinct = list({_key(c.reading): c for c in same}.values())
    chosen = dict(first)
    chosen["flags"] = list(first["flags"]) + flags
    if len(distinct) > 1:
        lows = [c.reading["min"] for c in distinct]
        highs = [c.reading["max"] for c in distinct]
        floor = min((v for v in lows if v is not None), default=None)
        caps = [c.reading["max"] for c in distinct if c.reading["min"] is None]
        # "starting 42,500; can reach 53,000": a cap above every stated floor keeps that floor
        chosen["min"] = floor if floor is not None and all(floor <= v for v in caps) else None
        chosen["max"] = None if None in highs else max(highs)
        chosen["flags"].append("span_of_ranges")
    used = {id(c) for c in distinct} | {id(pool[0])}
    chosen["raw"] = " | ".join(c.raw for c in distinct)[:300] or pool[0].raw
    chosen["other_amounts"] = [
        {k: c.reading[k] for k in ("min", "max", "currency", "period")}
        | {"kind": c.kind, "raw": c.raw}
        for c in cands
        if id(c) not in used
    ]
    return chosen
