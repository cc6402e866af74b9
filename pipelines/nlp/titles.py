"""Title normaliser: role and seniority from the title (taxonomy tie-breaks as ordered data rules).

Generic titles ("Engineer", "Member of Technical Staff") fall back to the description's skill
profile; seniority falls back to the years of experience the text asks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .taxonomy import role_taxonomy

_PUNCT = re.compile(r"[^a-z0-9+#]+")
_YEARS = re.compile(
    r"\b(?P<lo>\d{1,2})\s*(?P<plus>\+|plus)?\s*(?:(?:-|–|to)\s*(?P<hi>\d{1,2})\s*\+?\s*)?"
    r"(?:years?|yrs?)\b",
    re.I,
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_WORD_YEARS = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")(?=\s*(?:\(\d+\)\s*)?\+?\s*(?:years?|yrs?)\b)", re.I
)
_PRE = re.compile(r"(at least|minimum(?: of)?|min\.?|over)\s*$", re.I)
_ROLE_NOUN_NUM = re.compile(
    r"\b(?:engineer|scientist|developer|analyst|researcher|architect|swe)\s+([1-6])\b"
)


def normalise_title(title: str) -> str:
    """Lowercase, "&" -> "and", punctuation -> single spaces: "Sr. AI/ML Engineer" -> "sr ai ml engineer"."""
    t = title.lower().replace("&", " and ").replace("+", " ")
    t = t.replace("data center", "datacenter").replace("data centre", "datacenter")
    t = " " + " ".join(_PUNCT.sub(" ", t).split()) + " "
    return t.replace(" member of technical staff ", " mts ")  # "staff" here is no level


def _phrase_re(phrases: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({normalise_title(p).strip() for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<= )(?:" + "|".join(re.escape(a) for a in alts) + r")(?= )")


@dataclass(frozen=True, slots=True)
class TitleRule:
    role: str
    groups: tuple[re.Pattern[str], ...]
    none: re.Pattern[str] | None

    def matches(self, norm: str) -> bool:
        if self.none is not None and self.none.search(norm):
            return False
        return all(g.search(norm) for g in self.groups)


@dataclass(frozen=True, slots=True)
class Decision:
    value: str
    confidence: float
    provenance: str


class TitleNormaliser:
    """Applies the ordered title rules of roles.toml; first matching rule wins (tie-break order)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or role_taxonomy()
        macros = {
            "$AI": data["vocab"]["ai"],
            "$ENG": data["vocab"]["eng"],
            "$HARD": data["other"]["hard"],
            "$SOFT": data["other"]["soft"],
        }

        def expand(phrases: list[str]) -> list[str]:
            return [x for p in phrases for x in macros.get(p, [p])]

        self.rules = [
            TitleRule(
                r["role"],
                tuple(_phrase_re(expand(g)) for g in r["all"]),
                _phrase_re(expand(r["none"])) if r.get("none") else None,
            )
            for r in data["title_rule"]
        ]
        self.eng = _phrase_re(data["vocab"]["eng"])
        self.scientist_only = _phrase_re(["scientist", "scientists"])
        self.generic = set(data["vocab"]["generic"])
        self.ai_words = {w for p in data["vocab"]["ai"] for w in p.split()}
        sen = data["seniority"]
        self.priority = sen["priority"]
        self.levels = {lvl: _phrase_re(sen[lvl]) for lvl in self.priority}
        self.numeric = sen["numeric"]
        self.years = sorted(((y["min"], y["level"]) for y in sen["years"]), reverse=True)
        prof = data["profile"]
        self.ai_profile, self.ml_profile = set(prof["ai_product"]), set(prof["ml_training"])
        self.min_distinct = prof["min_distinct"]

    # ---- role
    def role(
        self, title: str, mentions: list[dict[str, Any]] | None = None, has_text: bool = False
    ) -> Decision:
        """Role slug with confidence and provenance ("title" | "description" | "default")."""
        norm = normalise_title(title)
        content = set(norm.split()) - set(self._seniority_words(norm))
        if content and not content <= self.generic:
            hits = [r.role for r in self.rules if r.matches(norm)]
            if hits:
                return Decision(hits[0], 0.95 if len(set(hits)) == 1 else 0.8, "title")
            if content <= self.ai_words:
                return Decision("ai-engineer", 0.5, "title")  # "GenAI": an AI title, no role word
            if not self.eng.search(norm):
                return Decision("other", 0.5, "title")
            if not self.scientist_only.search(norm) or "scientist" not in content:
                return Decision("software-engineer", 0.6, "title")
            # a bare "Scientist" title: ML if the description is about models, else not engineering
            ml = self.profile(mentions or []) != "software-engineer"
            return Decision(
                "ml-engineer" if ml else "other", 0.5, "description" if has_text else "default"
            )
        profile = self.profile(mentions or [])
        if profile == "software-engineer" and not has_text:
            return Decision("software-engineer" if content else "other", 0.4, "default")
        if "founding" in content and profile != "software-engineer":
            profile = "founding-ai-engineer"
        return Decision(profile, 0.7 if profile != "software-engineer" else 0.6, "description")

    def profile(self, mentions: list[dict[str, Any]]) -> str:
        """Tie-break 5: AI-product vs ML-training vs plain software, from distinct skill slugs."""
        slugs = {
            m["slug"] for m in mentions if m.get("section") not in {"about_company", "benefits"}
        }
        ai, ml = len(slugs & self.ai_profile), len(slugs & self.ml_profile)
        if ai >= self.min_distinct and ai >= ml:
            return "ai-engineer"
        if ml >= self.min_distinct:
            return "ml-engineer"
        return "software-engineer"

    # ---- seniority
    def _seniority_words(self, norm: str) -> list[str]:
        return [
            w
            for lvl in self.priority
            for m in self.levels[lvl].finditer(norm)
            for w in m.group().split()
        ]

    def seniority(self, title: str, text: str = "") -> Decision:
        """Seniority slug from title words, else from required years in the text, else unknown."""
        norm = normalise_title(title)
        for lvl in self.priority:
            if self.levels[lvl].search(norm):
                return Decision(lvl, 0.9, "title")
        num = _ROLE_NOUN_NUM.search(norm)
        if num and num.group(1) in self.numeric:
            return Decision(self.numeric[num.group(1)], 0.7, "title")
        years = required_years(text)
        if years is not None:
            level = next(lvl for lo, lvl in self.years if years >= lo)
            return Decision(level, 0.6, "years")
        return Decision("unknown", 0.0, "none")


def required_years(text: str) -> int | None:
    """Largest lower bound of "N+ years (of experience)" requirements, capped at 15.

    >>> required_years("3+ years of Python; 5-7 years of experience overall")
    5
    """
    best: int | None = None
    if not text or ("year" not in text and "yr" not in text and "Year" not in text):
        return None
    text = _WORD_YEARS.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    for m in _YEARS.finditer(text):
        lo = int(m.group("lo"))
        post = text[m.end() : m.end() + 60].lower()
        pre_m = _PRE.search(text[max(0, m.start() - 20) : m.start()])
        pre = pre_m.group(1).lower() if pre_m else ""
        if pre == "over" and "experience" not in post:
            continue  # "for over 20 years" is company history
        if not (m.group("plus") or m.group("hi") or pre or "experience" in post or " exp" in post):
            continue
        if lo > 15 or (m.group("hi") and int(m.group("hi")) > 20):
            continue
        best = lo if best is None else max(best, lo)
    return best
