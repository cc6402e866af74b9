"""What an amount in a description is for, read from the words around it.

Why typed candidates: a posting names many amounts (funding rounds, a home-office budget, a 401k
match, a signing bonus, the pay range) and only the pay range is a salary. Each amount is typed by
the nearest kind word in its own sentence (either side), then by the heading it sits under; an
amount with no pay evidence at all is `other`, never pay. The word families below are the
vocabulary of pay paragraphs in the languages job boards use (stems, so compounds match).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: kind -> word stems that mark it (a word marks the kind when it starts with a stem; "~stem"
#: also matches inside a long compound: "Bruttojahresgehalt", "Gesundheitsbudget"). Word look-ups,
#: not one big regex: a 150-branch alternation scanned character by character cost more than the
#: whole grammar.
_STEMS: dict[str, str] = {
    "ote": "ote on-target ontarget zieleinkommen tc",
    "bonus": (
        "bonus bonuses bônus commission commissions sign-on signing incentive incentives variable "
        "prämie prämien praemie provision 13th profit-sharing plr prime recommend referral "
        "empfehlung ~bonus ~prämie ~獎金 ~奖金 ~分紅 ~分红 ~賞与 ~獎助 ~奖助"
    ),
    "equity": "equity stock stocks rsu rsus options shares esop vesting token tokens",
    "benefit": (
        "stipend allowance budget reimburs 401k 401 match insurance coverage cover hra hsa "
        "fertility adoption surrogacy learning training trainings education course conference "
        "certificat relocation home-office equipment wellness wellbeing well-being gym fitness "
        "lunch meal meals food voucher housing commut subsid cartão cartao vale vr auxílio auxilio "
        "refei alimenta zuschuss jobrad gesundheit essens mileage km kilomet donat charit coworking "
        "internet phone pension pensjon retirement vacation holiday holidays leave pto abondement pee "
        "mutuelle ticket tickets gift discount rabatt urlaub benefício benefícios beneficio "
        "benefit benefits perk perks bolsa subvention mitgliedschaft membership mobilit "
        "~tillegg ~tillæg ~tillägg ~budget ~zuschuss ~zulage ~pauschale ~zuschüsse ~補助 ~补助 ~津貼 ~津贴 ~补贴 ~福利 "
        "~手当"
    ),
    "funding": (
        "raised raising funding funded valuation revenue revenues arr investor investors invest "
        "investment backed venture customers clients users employees people headcount billion "
        "umsatz mitarbeiter collaborateurs patients specialists grant grants awards aum gmv "
        "transactions countries organizations organisations companies downloads members loan "
        "loans sales portfolio fund donors assets deal deals volumen volume volumina"
    ),
    "base": (
        "salary salaries salaried pay pays paid wage wages base rate rates remuneration compensat "
        "remunerated rémunération rémunéré gehalt gehälter vergütung verguetung entgelt lohn "
        "einkommen bezahlung brutto gross net netto salaire sueldo salário salario faixa lønn "
        "løn lön loon salaris ctc lpa stawka wynagrodzenie tvöd tvod tarif earn earning earnings "
        "income range fourchette spanne band bands ~gehalt ~lohn ~salar ~vergütung ~薪 ~待遇 "
        "~工資 ~工资 ~給与 ~報酬 lương luong maaş maas ücret ucret tjene tjener tjäna tjänar ~lønn ~løn ~lön"
    ),
}
_PAIRS = {
    "on target": "ote",
    "total comp": "ote",
    "total compensation": "ote",
    "total cash": "ote",
    "target earnings": "ote",
    "on-target earnings": "ote",
    "on-target compensation": "ote",
    "target income": "ote",
    "home office": "benefit",
    "days off": "benefit",
    "per diem": "benefit",
    "market cap": "funding",
    "chiffre d'affaires": "funding",
    **{f"series {x}": "funding" for x in "abcdef"},
}
_PREFIX: dict[str, list[tuple[str, str]]] = {}
_INFIX: list[tuple[str, str]] = []
for _kind, _words in _STEMS.items():
    for _stem in _words.split():
        if _stem.startswith("~"):
            _INFIX.append((_stem[1:], _kind))
        else:
            _PREFIX.setdefault(_stem[:2], []).append((_stem, _kind))
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SHORT = 4  # a stem this short marks whole words only (and a plural): "pay"/"pays", not "payment"
_HEAD_KIND = ("benefit", "bonus", "equity", "funding")


#: the words that open a pair: the pair look-up (and its string) only after one of them
_PAIR_FIRST = frozenset(pair.split(" ", 1)[0] for pair in _PAIRS)


@lru_cache(maxsize=4096)
def _word_kind(word: str) -> str | None:
    """A word's kind (memo: a few thousand words recur across all postings; up to 80 stem tests)."""
    for stem, kind in _PREFIX.get(word[:2], ()):
        if word.startswith(stem) and (len(stem) >= _SHORT or len(word) <= len(stem) + 1):
            return kind
    if len(word) > 9 or not word.isascii():
        for stem, kind in _INFIX:
            if stem in word:
                return kind
    return None


def kind_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every kind word in text (one word scan, dictionary look-ups)."""
    out: list[tuple[int, int, str]] = []
    prev: tuple[int, str] | None = None
    for m in _WORD.finditer(text.lower()):
        word = m.group(0)
        pair = (
            _PAIRS.get(f"{prev[1]} {word}") if prev is not None and prev[1] in _PAIR_FIRST else None
        )
        if pair and prev is not None:  # the pair is one word: "on-target earnings" is no "earn"
            if out and out[-1][0] == prev[0]:
                out.pop()
            out.append((prev[0], m.end(), pair))
        else:
            kind = _word_kind(word)
            if kind:
                out.append((m.start(), m.end(), kind))
        prev = (m.start(), word)
    return out


#: a word after one of these names a further part of the package, not the amount before it
_JOINER = re.compile(
    r"\+|\bplus\b|\bas\s+well\s+as\b|\band\b|\bwith\b|\bincluding\b|\bzzgl|\bzuzüglich|"
    r"\bsowie\b|\bmais\b|\bet\b|\bund\b",
    re.IGNORECASE,
)


_BESIDES = re.compile(
    r"(?:in\s+addition\s+to|on\s+top\s+of|besides|beyond|zusätzlich\s+zu\w*|neben|"
    r"en\s+plus\s+de|além\s+d[oa])\s+(?:your|the|our|dem|deinem|ihrem|votre|seu|sua)?\s*$",
    re.IGNORECASE,
)


_CLAUSE_PENALTY = 3


def _aside_between(text: str, e: int, start: int) -> bool:
    """A closed aside holding a figure lies between a kind word and an amount ('variable (OTE
    $184,000) Performing: $160,000'); a label aside ('600 000 kr (master) og 580 000') does not."""
    close = text.rfind(")", e, start)
    if close < 0:
        return False
    opened = text.rfind("(", e, close)
    return any(ch.isdigit() for ch in text[opened + 1 if opened >= 0 else e : close])


def nearest_kind(
    text: str, hits: list[tuple[int, int, str]], start: int, end: int
) -> tuple[str | None, int]:
    """The kind whose word is closest to [start, end) (words inside the span are ignored;
    '$170-225K + equity': a word joined on after the amount is another part, not its kind)."""
    best: tuple[int, int, str] | None = None
    for s, e, kind in hits:
        if s >= start and e <= end:
            continue
        if s >= end and (_JOINER.search(text, end, s) or "(" in text[end:s]):
            continue
        if e <= start and _aside_between(text, e, start):
            continue  # "(OTE $184,000) Performing: $160,000": a closed aside types only itself
        if kind == "base" and _BESIDES.search(text, max(0, s - 30), s):
            continue  # "in addition to your salary, 2700 RON": the salary is elsewhere
        dist = start - e if e <= start else s - end
        if s >= end and any(ch in ",;" for ch in text[end:s]):
            dist += _CLAUSE_PENALTY  # "月薪 45,000元，另有獎金": a word past a comma is further off
        # on a tie a non-base word wins: "$5,000 learning budget" beats a range word further off
        rank = (max(dist, 0), kind == "base")
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], kind)
    return (best[2], best[0]) if best else (None, 1 << 30)


def heading_kind(heading: str) -> str | None:
    """A heading says what the lines under it are: 'Salary' -> base, 'Benefits' -> benefit."""
    if not heading:
        return None
    kinds = {kind for _, _, kind in kind_hits(heading)}
    if "base" in kinds:
        return "base"
    return next((k for k in _HEAD_KIND if k in kinds), None)


#: pay words of languages written in one currency area: with no currency, no symbol and no place
#: to go by, they say which ('bis zu 65.000 Gehalt' EUR, 'startlønn 1 151 610' NOK); flagged
_AREA_WORDS = (
    *((w, "EUR") for w in ("gehalt", "lohn", "vergütung", "verguetung", "entgelt", "einkommen")),
    ("salaris", "EUR"),
    ("lønn", "NOK"),
    ("løn", "DKK"),
    ("lön", "SEK"),
)


def language_currency(text: str, hits: list[tuple[int, int, str]]) -> str | None:
    """The currency the segment's own pay words imply, or None (English, Spanish, French, ...)."""
    for s, e, kind in hits:
        word = text[s:e].lower()
        if kind == "base":
            for stem, currency in _AREA_WORDS:
                if stem in word:
                    return currency
    return None


_TRADITIONAL = frozenset("資經時萬與這們個區為價業發")
_SIMPLIFIED = frozenset("资经时万与这们个区为价业发")


def family_hint(symbol: str, text: str) -> str | None:
    """Which crown or yuan an ambiguous symbol is when no place says: the pay word's language
    ('lønn' NOK, 'løn' DKK, 'lön' SEK) or the script (traditional characters TWD, simplified CNY).
    Called only for such a symbol with no location, so the substring tests stay rare."""
    if symbol == "kr":
        low = text.lower()
        if "lön" in low or " och " in low:
            return "SEK"
        if "lønn" in low:
            return "NOK"
        return "DKK" if "løn" in low else None
    if symbol == "元":
        head = text[:3000]
        trad = sum(ch in _TRADITIONAL for ch in head)
        simp = sum(ch in _SIMPLIFIED for ch in head)
        if trad != simp:
            return "TWD" if trad > simp else "CNY"
    return None
