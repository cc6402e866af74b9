"""Amount kinds read from the shape of the text around them, not from kind words.

Why separate from context.py (kind words): these rules look at arithmetic and order instead of
vocabulary: a sum written out ('A + B = C') whose parts add up, a pay step that comes later
('..., after 6 months X'), a salary-sized line in a perks list, a period that belongs to the
amount it follows.
"""

from __future__ import annotations

import re
from typing import Any

from .fx import rough_usd_rate
from .model import Phrase
from .parse import _plausible

#: a pay step that comes later ("after 6 months", "nach der Probezeit", "após 3 meses")
LATER = re.compile(
    r"\b(?:after|nach|après|apres|após|apos|depois\s+de|tras|na|etter|efter)\s+"
    r"(?:(?:the|a|an|der|dem|den|de|la|le|o|\d+|one|two|three|six|twelve)\s+){0,2}"
    r"(?:months?|years?|monat\w*|jahr\w*|maanden|jaar|mois|ans?|meses|anos|años|m[åa]ned\w*|m[åa]nad\w*|[åa]r|"
    r"probation\w*|probezeit|einarbeitung\w*|trial\s+period|période\s+d'essai)\b",
    re.IGNORECASE,
)


def sums(seg: str, phrases: list[Phrase]) -> dict[int, int]:
    """{id(part): id(total)} for sums written out ('A + B = C') whose parts add up to the total;
    the parts are then components and the total the amount."""
    out: dict[int, int] = {}
    for k in range(1, len(phrases)):
        total = phrases[k]
        if seg[phrases[k - 1].end : total.start].strip() != "=" or total.hi is not None:
            continue
        first = k - 1
        while first > 0 and "+" in seg[phrases[first - 1].end : phrases[first].start][:30]:
            first -= 1
        parts = phrases[first:k]
        if len(parts) < 2 or any(p.hi is not None or p.lo is None for p in parts):
            continue
        value = total.lo.value * total.lo.mult if total.lo else 0.0
        if (
            value
            and abs(sum(p.lo.value * p.lo.mult for p in parts if p.lo) - value) <= 0.005 * value
        ):
            out.update({id(p): id(total) for p in parts})
    return out


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def salary_sized(ph: Phrase, r: dict[str, Any]) -> bool:
    """Written as a salary (a currency, with a range or a k) and a plausible full-time year of
    pay: a '$1,500 yearly budget' or 'up to €50 a month' is none."""
    amts = [a for a in (ph.lo, ph.hi) if a is not None]
    if r["currency_from"] not in ("code", "symbol") or not (ph.hi or any(a.has_mult for a in amts)):
        return False
    top = max(v for v in (r["min"], r["max"]) if v is not None)
    return _plausible(top * _PER_YEAR[r["period"]] * rough_usd_rate(r["currency"]), r["currency"])


def follows(pos: int, ends: list[int]) -> bool:
    """A token right after an amount ('500元/日'): a period there is that amount's own."""
    return any(0 <= pos - end <= 2 for end in ends)


_INTERN = re.compile(
    r"\bintern(?:ship)?s?\b|praktik|werkstudent|est[áa]gi|stagiaire|\bstage\b|trainee", re.I
)
_STIPEND_WORDS = frozenset(("stipend", "stipends", "bolsa", "bolsas"))


def intern_stipend(seg: str, hits: list[tuple[int, int, str]], ss: int, se: int) -> bool:
    """An intern's stipend is the intern's pay: a sentence naming an internship whose only
    benefit word is 'stipend' ('Monthly stipend for this internship: $4,200'); an equipment or
    learning stipend for interns stays a benefit."""
    words = {seg[s:e].lower() for s, e, kind in hits if kind == "benefit" and ss <= s < se}
    return bool(words) and words <= _STIPEND_WORDS and bool(_INTERN.search(seg, ss, se))
