"""What an amount in a description is for, read from the words around it.

Why typed candidates: a posting names many amounts (funding rounds, a home-office budget, a 401k
match, a signing bonus, the pay range) and only the pay range is a salary. Each amount is typed by
the nearest kind word in its own sentence (either side), then by the heading it sits under; an
amount with no pay evidence at all is `other`, never pay. The word families below are the
vocabulary of pay paragraphs in the languages job boards use (stems, so compounds match).
"""

from __future__ import annotations

import re

#: kind -> stems that mark it; matched case-insensitively, stems may start inside a word
#: ("Bruttojahresgehalt", "housing supportif") because scraped text glues words.
_FAMILIES: dict[str, str] = {
    "ote": (
        r"\bote\b|on[\s-]?target|total\s+(?:target\s+)?(?:comp|cash|earn)|zieleinkommen|"
        r"\bmit\s+provision|target\s+(?:income|earnings|comp)|\btc\b"
    ),
    "bonus": (
        r"bonus|b[ôo]nus|commission|sign[\s-]?on|signing|incentive|\bvariable|prämie|praemie|"
        r"\bprovision|13th|profit[\s-]?shar|\bplr\b|\bprime\b|recommend|referral|empfehlung"
    ),
    "equity": r"equity|\bstock|\brsus?\b|\boptions\b|\bshares\b|\besop|vesting|\btokens?\b",
    "benefit": (
        r"stipend|allowance|budget|reimburs|\b401\s?\(?k|\bmatch|insurance|coverage|"
        r"\bhra\b|\bhsa\b|fertility|adoption|surrogacy|learning|training|education|course|"
        r"conference|certificat|relocation|home[\s-]?office|equipment|wellness|well-?being|\bgym|"
        r"fitness|lunch|meal|\bfood|voucher|housing|commut|subsid|cart[ãa]o|\bvale\b|\bvr\b|"
        r"aux[ií]lio|refei|alimenta|zuschuss|jobrad|gesundheit|essens|mileage|/km\b|kilomet|"
        r"donat|charit|coworking|internet|\bphone|per\s+diem|pension|retirement|vacation|"
        r"holiday|\bleave\b|\bpto\b|days\s+off|abondement|\bpee\b|mutuelle|ticket|gift|"
        r"discount|rabatt|urlaub|prime\s+de|benef[ií]c|benefits?\b|perks?\b|bolsa"
    ),
    "funding": (
        r"raised|raising|funding|funded|series\s+[a-f]\b|valuation|revenue|\barr\b|investor|"
        r"invest|backed|venture|customers|clients|\busers|employees|people|headcount|"
        r"\bmarket\s+(?:cap|size)|billion|chiffre\s+d'affaires|umsatz|mitarbeit|collaborat|"
        r"patients|specialists|\bgrant|awards|\baum\b|\bgmv\b|transactions|countries|"
        r"organi[sz]ations|companies|downloads|members|\bloans?\b|\bsales\b|portfolio|"
        r"\bfund\b|donors|assets|\bdeals?\b|volum"
    ),
    "base": (
        r"salar|compensation|\bpay\b|\bpays\b|\bpaid\b|\bwages?\b|\bbase\b|\brates?\b|"
        r"remunera|rémunér|gehalt|verg[üu]tung|entgelt|lohn|einkommen|bezahlung|brutto|"
        r"\bgross\b|\bnet\b|netto|salaire|sueldo|sal[áa]rio|faixa|l[øo]nn?\b|\blön|loon|"
        r"\bctc\b|\blpa\b|stawka|wynagrodz|tv[öo]d|\btarif|\bearn|\bincome|"
        r"\brange\b|fourchette|spanne|\bbands?\b|\bstarting\s+at|hourly|\bbetween\b"
    ),
}
_ANY = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _FAMILIES.items()), re.IGNORECASE)
_HEAD_KIND = ("benefit", "bonus", "equity", "funding")


def kind_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every kind word in text."""
    return [(m.start(), m.end(), m.lastgroup or "base") for m in _ANY.finditer(text)]


#: a word after one of these names a further part of the package, not the amount before it
_JOINER = re.compile(
    r"\+|\bplus\b|\bas\s+well\s+as\b|\band\b|\bwith\b|\bincluding\b|\bzzgl|\bzuzüglich|"
    r"\bsowie\b|\bmais\b|\bet\b|\bund\b",
    re.IGNORECASE,
)


def nearest_kind(
    text: str, hits: list[tuple[int, int, str]], start: int, end: int
) -> tuple[str | None, int]:
    """The kind whose word is closest to [start, end) (words inside the span are ignored;
    '$170-225K + equity': a word joined on after the amount is another part, not its kind)."""
    best: tuple[int, int, str] | None = None
    for s, e, kind in hits:
        if s >= start and e <= end:
            continue
        if s >= end and _JOINER.search(text, end, s):
            continue
        dist = start - e if e <= start else s - end
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
