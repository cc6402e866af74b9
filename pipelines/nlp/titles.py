"""Title normaliser: role and seniority from the title (taxonomy tie-breaks as ordered data rules).

Generic titles ("Engineer", "Member of Technical Staff") fall back to the description's skill
profile; seniority falls back to the years of experience the text asks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from .automaton import WholeWordPhrases
from .taxonomy import role_taxonomy
from .title_parse import ParsedTitle, TitleParser
from .years import required_years

__all__ = ["Decision", "TitleNormaliser", "normalise_title", "required_years"]

_PUNCT = re.compile(r"[^a-z0-9+#]+")
_ROLE_NOUN_NUM = re.compile(
    r"\b(?:engineer|scientist|developer|analyst|researcher|architect|swe)\s+([1-6])\b"
)


def normalise_title(title: str) -> str:
    """Lowercase, "&" -> "and", punctuation -> single spaces: "Sr. AI/ML Engineer" -> "sr ai ml engineer"."""
    t = title.lower().replace("&", " and ").replace("+", " ")
    t = t.replace("pre-sales", "presales").replace("pre sales", "presales")  # technical, not sales
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
    refine: frozenset[str] = frozenset()  # roles a qualifier segment may refine this head to
    first_words: frozenset[str] = frozenset()  # first word of every phrase of the first group

    def matches(self, norm: str, words: set[str] | None = None) -> bool:
        if words is not None and self.first_words.isdisjoint(words):
            return False  # cheap set test before the regexes: most rules miss most titles
        if self.none is not None and self.none.search(norm):
            return False
        return all(g.search(norm) for g in self.groups)


@dataclass(frozen=True, slots=True)
class Decision:
    value: str
    confidence: float
    provenance: str


#: entries a title memo holds before it starts again (a lake's distinct titles mostly fit)
_MEMO_MAX = 50_000
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remembered(memo: dict[_K, _V], key: _K, make: Callable[[_K], _V]) -> _V:
    """`make(key)`, memoised in `memo` (emptied when it outgrows _MEMO_MAX): crawls repeat the
    same titles many times."""
    if key in memo:
        return memo[key]
    if len(memo) > _MEMO_MAX:
        memo.clear()
    memo[key] = value = make(key)
    return value


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

        refine_to = data["vocab"]["refine_to"]
        self.rules = [
            TitleRule(
                r["role"],
                tuple(_phrase_re(expand(g)) for g in r["all"]),
                _phrase_re(expand(r["none"])) if r.get("none") else None,
                frozenset(refine_to if r.get("refine") is True else r.get("refine", [])),
                frozenset(normalise_title(p).split()[0] for p in expand(r["all"][0])),
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
        self.numbered = dict(sen.get("numbered", {}))
        self.numbered_re = _phrase_re(self.numbered) if self.numbered else None
        self.ladder = {lvl: i for i, lvl in enumerate(sen["ladder"]["order"])}
        all_levels = [w for lvl in self.priority for w in sen[lvl]] + list(self.numbered)
        self.level_any = _phrase_re(all_levels)
        self.numeric = sen["numeric"]
        self.text_phrase_level = {
            p.lower(): lvl for lvl, ps in sen.get("text_phrases", {}).items() for p in ps
        }
        self.text_phrases = WholeWordPhrases(sorted(self.text_phrase_level, key=len, reverse=True))
        self.parser = TitleParser(data, data["vocab"]["role_nouns"])
        self.person_agent = set(data["vocab"].get("person_agent", []))
        self.trailing_noise = self.generic - set(data["vocab"]["role_nouns"])
        self.refiners = frozenset(data["vocab"]["refine_to"])
        self.ai_roles = frozenset(r["slug"] for r in data["roles"] if r["is_ai_role"])
        not_person = {"engineering", *data["vocab"].get("programme_nouns", [])}
        self._person_re = _phrase_re(
            [n for n in data["vocab"]["role_nouns"] if n not in not_person]
        )
        employer = _phrase_re(data["vocab"].get("employer_nouns", ["startup"])).pattern
        self._employer_re = re.compile(employer[: -len("(?= )")] + r"(?= $)")
        self._memo: dict[tuple[str, str], tuple[Decision, frozenset[str]] | None] = {}
        self._heads: dict[str, str] = {}
        self._englishes: dict[str, str] = {}
        # level words in another sense ("Staff Accountant": on the payroll; "Lead Generation"):
        # the level word (the phrase's first) is dropped before levels are read
        not_levels = [normalise_title(p).split() for p in sen.get("not_levels", [])]
        self._not_level = (
            None
            if not not_levels
            else re.compile(
                r"(?<= )(?:"
                + "|".join(
                    re.escape(w[0]) + r"(?= " + re.escape(" ".join(w[1:])) + r" )"
                    for w in not_levels
                )
                + r")"
            )
        )
        self.years = sorted(((y["min"], y["level"]) for y in sen["years"]), reverse=True)
        self.table_grades = frozenset(sen.get("table_grades", []))
        prof = data["profile"]
        self.ai_profile, self.ml_profile = set(prof["ai_product"]), set(prof["ml_training"])
        self.min_distinct = prof["min_distinct"]

    # ---- role
    def role(
        self, title: str, mentions: list[dict[str, Any]] | None = None, has_text: bool = False
    ) -> Decision:
        """Role slug with confidence and provenance ("title" | "description" | "default").

        The head segment decides ("AI Engineer, RAG" is an AI engineer); a qualifier refines a
        broad head only towards an AI role ("Product Manager, AI/ML", "Software Engineer, LLM").
        """
        dec = self._role(title, mentions, has_text)
        if dec.value != "scientist":
            return dec
        # a bare "Scientist" title: ML if the description is about models, else not engineering
        ml = self.profile(mentions or []) != "software-engineer"
        return Decision(
            "ml-engineer" if ml else "other", 0.5, "description" if has_text else "default"
        )

    def _role(self, title: str, mentions: list[dict[str, Any]] | None, has_text: bool) -> Decision:
        parsed = self.parser.split(self._english(title))
        full = normalise_title(parsed.full)
        generic_head = False
        if parsed.head is not parsed.full:
            head = normalise_title(parsed.head)
            decided = self._title_role(head, parsed.head)
            generic_head = decided is None
            if decided is not None:
                dec, refine_to = decided
                if dec.value not in self.ai_roles and (second := self._second_job(parsed)):
                    return second
                if not refine_to:
                    return dec
                whole = self._title_role(self._refine_scope(parsed, full), parsed.head)
                if whole is not None and whole[0].value in refine_to:
                    return whole[0]
                # a broad head's own rule wins on the whole title ("Research Engineer, Applied
                # AI"): the qualifiers alone may still name the AI family (a specific head such as
                # ML keeps its own list: "ML Engineer (Inference)" is no LLM engineer)
                quals = self._refine_scope(parsed, full, with_head=False)
                broad = refine_to == self.refiners and quals.strip()
                alone = self._title_role(quals, quals) if broad else None
                if alone is not None and alone[0].value in refine_to:
                    return Decision(alone[0].value, min(alone[0].confidence, 0.8), "title")
                return dec
        decided = self._title_role(full, parsed.head)
        if decided is not None and not (generic_head and not self._any_rule(full)):
            return decided[0]
        # a generic head ("Founding Engineer - Hybrid/HCM - FT") whose qualifiers name no family:
        # the description decides (tie-break 5)
        norm = full
        content = set(norm.split()) - set(self._seniority_words(norm))
        profile = self.profile(mentions or [])
        if profile == "software-engineer" and not norm.split():
            # no word the lexicon can read ("兼職人員"): nothing says this is engineering
            return Decision("other", 0.3, "default")
        if profile == "software-engineer" and not has_text:
            return Decision("software-engineer" if content else "other", 0.4, "default")
        if "founding" in content and profile != "software-engineer":
            profile = "founding-ai-engineer"  # founding engineer at an AI startup
        return Decision(profile, 0.7 if profile != "software-engineer" else 0.6, "description")

    def _second_job(self, parsed: ParsedTitle) -> Decision | None:
        """An AI role named by a second job title joined with a slash ("Data Scientist / Machine
        Learning Engineer, GenAI & LLM"): a posting for either job counts as the AI one."""
        for q in parsed.qualifiers:
            norm = normalise_title(q)
            if not self._person_re.search(norm) or not _after_slash(parsed.full, q):
                continue  # "Sales Manager - AI Engineer Recruitment" is no second job
            decided = self._title_role(norm, q)
            if decided is None or decided[0].value not in self.ai_roles:
                continue
            dec, refine_to = decided
            rest = [x for x in parsed.qualifiers if x is not q]
            if refine_to and rest:  # the second job's own qualifiers refine it
                whole = self._title_role(normalise_title(" ".join((q, *rest))), q)
                if whole is not None and whole[0].value in refine_to:
                    return whole[0]
            return dec
        return None

    def _refine_scope(self, parsed: ParsedTitle, full: str, with_head: bool = True) -> str:
        """The title (or its qualifiers alone) without qualifiers that describe the employer
        ("- Agentic AI Startup"): they say what the company builds, not what this job is."""
        kept = [q for q in parsed.qualifiers if not self._employer_re.search(normalise_title(q))]
        if not with_head:
            return normalise_title(" ".join(kept))
        if len(kept) == len(parsed.qualifiers):
            return full
        return normalise_title(" ".join((parsed.head, *kept)))

    def _any_rule(self, norm: str) -> bool:
        words = set(norm.split())
        return any(r.matches(norm, words) for r in self.rules)

    def _person_agent(self, head: str) -> bool:
        """The head noun is an agent in the everyday sense ("Corporate Travel Agent")."""
        words = normalise_title(head).split()
        while words and words[-1] in self.trailing_noise:
            words.pop()
        return (
            bool(words)
            and words[-1] in self.person_agent
            and (len(words) < 2 or words[-2] not in self.ai_words)
        )

    def forget(self) -> None:
        """Empty the memos of the titles read so far (their heads and role decisions); the
        taxonomy stays loaded. For a measurement that must start as a fresh process would."""
        self._memo.clear()
        self._heads.clear()
        self._englishes.clear()

    def _title_role(self, norm: str, head: str) -> tuple[Decision, frozenset[str]] | None:
        """(decision, roles it may be refined to) from title words alone; None for a title
        naming no family. Memoised: crawls repeat the same titles and heads many times."""
        return _remembered(self._memo, (norm, head), lambda key: self._title_role_uncached(*key))

    def _title_role_uncached(self, norm: str, head: str) -> tuple[Decision, frozenset[str]] | None:
        content = set(norm.split()) - set(self._seniority_words(norm))
        if not content or content <= self.generic:
            return None
        if self._person_agent(head):
            return Decision("other", 0.8, "title"), frozenset()
        words = set(norm.split())
        rules = [r for r in self.rules if r.matches(norm, words)]
        if rules:
            hits = [r.role for r in rules]
            conf = 0.95 if len(set(hits)) == 1 else 0.8
            return Decision(hits[0], conf, "title"), rules[0].refine
        return self._no_rule(norm, content), self.refiners

    def _no_rule(self, norm: str, content: set[str]) -> Decision:
        """A title with words but no rule: AI words alone, an engineering noun, or not engineering."""
        if content <= self.ai_words:
            return Decision("ai-engineer", 0.5, "title")  # "GenAI": an AI title, no role word
        if not self.eng.search(norm):
            return Decision("other", 0.5, "title")
        if not self.scientist_only.search(norm) or "scientist" not in content:
            return Decision("software-engineer", 0.6, "title")
        return Decision("scientist", 0.5, "description")  # resolved from the text in role()

    def profile(self, mentions: list[dict[str, Any]]) -> str:
        """Tie-break 5: AI-product vs ML-training vs plain software, from distinct skills named."""
        kept = [m for m in mentions if m.get("section") not in {"about_company", "benefits"}]
        ai, ml = _distinct_named(kept, self.ai_profile), _distinct_named(kept, self.ml_profile)
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
        """Seniority slug from title words, else from what the text says, else unknown.

        A range ("Senior/Staff", "I/II") gives its lower level; a job named "Associate" (head
        noun) has no level; numbered levels (II, L5, IC3) count only without a level word.
        Order of evidence: title level words, the taxonomy's own grades (I/II/III, "Engineer 2"),
        years written in the title ("- 8 years"), then the text (a stated level, the title
        restated with a level, required years); company ladder grades (L3, IC4, "Engineer 4",
        IV) mean different levels at different employers, so the text outranks them.
        """
        english = self._english(title)
        ranged = self._range_level(english)
        if ranged is not None:
            return Decision(ranged, 0.8, "title")
        norm = normalise_title(english)
        head = self._head(english)
        if head.endswith(" associate ") and (head.strip() != "associate" or head == norm):
            # "Trust & Safety Associate", "Founders Associate (GTM)": the job, not a level
            norm = norm.replace(head, head[: -len("associate ")], 1)
        if self._not_level is not None:
            norm = self._not_level.sub(" ", norm)
        for lvl in self.priority:
            if self.levels[lvl].search(norm):
                return Decision(lvl, 0.9, "title")
        grade = self._grade(norm, title)
        if grade is not None and grade[1]:
            return Decision(grade[0], 0.8, "title")
        in_title = title_years(english)
        if in_title is not None:
            return Decision(self._years_level(in_title), 0.7, "title")
        described = self._described_level(head, text)
        if described is not None:
            return described
        if grade is not None:
            return Decision(grade[0], 0.6, "title")
        if text and (phrase := self.text_phrases.search(_unemphasised(text.lower()))):
            return Decision(self.text_phrase_level[phrase], 0.5, "text")
        return Decision("unknown", 0.0, "none")

    def _english(self, title: str) -> str:
        """parser.english of a title, memoised: role and seniority both read it, and crawls
        repeat titles."""
        return _remembered(self._englishes, title, self.parser.english)

    def _head(self, english: str) -> str:
        """Normalised head segment of a title (memoised: crawls repeat titles)."""
        return _remembered(
            self._heads, english, lambda e: normalise_title(self.parser.split(e).head)
        )

    def _grade(self, norm: str, title: str) -> tuple[str, bool] | None:
        """(level, is a taxonomy grade) of a numbered grade in the title ("II", "L4", "Engineer 2").

        Roman grades are written in capitals ("Engineer II"); a lower-case "i" is a word
        (Nordic "in") unless the whole title was scraped in lower case."""
        for m in self.numbered_re.finditer(norm) if self.numbered_re is not None else ():
            key = m.group()
            if key in _ROMAN and not _roman_in_capitals(key, title):
                continue  # "Prosjektleder i Stavanger": Nordic "i" (in), not grade I
            return self.numbered[key], key in self.table_grades
        num = _ROLE_NOUN_NUM.search(norm)
        if num and num.group(1) in self.numeric:
            key = num.group(1)
            return self.numeric[key], key in self.table_grades
        return None

    def _years_level(self, years: int) -> str:
        return next(lvl for lo, lvl in self.years if years >= lo)

    def _described_level(self, head: str, text: str) -> Decision | None:
        """The level the text gives: a labelled field, the title restated with a level word
        ("We are hiring a Senior AI Engineer"), a description opening with one ("Junior-mid level
        ..."), or the years it requires."""
        if not text:
            return None
        low = text.lower()
        stated = self._stated_level(text, low)
        if stated is not None:
            return Decision(stated, 0.7, "text")
        restated = self._restated_level(head, low)
        if restated is not None:
            return Decision(restated, 0.6, "text")
        years = required_years(text, low)
        if years is not None:
            return Decision(self._years_level(years), 0.6, "years")
        return None

    def _restated_level(self, head: str, low: str) -> str | None:
        """A level word right before the title's role phrase where the text names the position
        (start of a sentence, "a"/"as"/"hiring"...: not "mentor junior engineers"), or opening the
        text with "<level> level"."""
        opening = _OPENING_LEVEL.match(low[:400])
        if opening is not None and (lvl := self._level_words(opening.group("lv"))) is not None:
            return lvl
        phrase = " ".join(self.level_any.sub(" ", head).split())
        if len(phrase.split()) < 2:
            return None  # "engineer" alone is too common to mean this position
        i = low.find(phrase)
        for _ in range(5):
            if i == -1:
                return None
            before = ("\n" if i <= 60 else "") + low[max(0, i - 60) : i]
            m = _RESTATED.search(before)
            if m is not None and (lvl := self._level_words(m.group("lv"))) is not None:
                return lvl
            i = low.find(phrase, i + len(phrase))
        return None

    def _level_words(self, words: str) -> str | None:
        """Level of one level word or the lower of a pair ("senior and staff" -> senior)."""
        parts = [p for p in _PAIR_SPLIT.split(words.strip()) if p]
        levels = [
            lv for p in parts if (lv := self._level_of(normalise_title(p).strip())) is not None
        ]
        if not levels:
            return None
        return min(levels, key=self.ladder.__getitem__)

    def _stated_level(self, text: str, low: str | None = None) -> str | None:
        """A level the text states as a field: "Seniority level: Entry level", "Nível: Júnior".
        `low` (text.lower()) lets two thirds of postings, which name no field word, skip the
        line-anchored regex (it tries every line start of the text)."""
        if not text or ":" not in text:
            return None
        if low is not None and not _may_state_level(text, low):
            return None
        m = _LEVEL_FIELD.search(text)
        if m is None:
            return None
        norm = normalise_title(self.parser.english(m.group("value")))
        for lvl in self.priority:
            if self.levels[lvl].search(norm):
                return lvl
        return None

    def _range_level(self, english: str) -> str | None:
        """Lower level of a level range written with / ~ - or "to" ("Senior~Staff" -> senior)."""
        if not _RANGE_HINT.search(english):
            return None
        lowest: str | None = None
        for m in _RANGE.finditer(english):
            pair = [normalise_title(m.group(g)).strip() for g in ("a", "b")]
            levels = [self._level_of(w) for w in pair]
            if None in levels or levels[0] == levels[1]:
                continue
            low = min((lv for lv in levels if lv), key=self.ladder.__getitem__)
            if lowest is None or self.ladder[low] < self.ladder[lowest]:
                lowest = low
        return lowest

    def _level_of(self, words: str) -> str | None:
        padded = f" {words} "
        for lvl in self.priority:
            if self.levels[lvl].search(padded):
                return lvl
        m = self.numbered_re.search(padded) if self.numbered_re is not None else None
        return self.numbered[m.group()] if m else None


_LEVEL_TOKEN = r"(?:senior|sr|snr|junior|jr|mid(?:[- ]level)?|staff|principal|lead|entry(?:[- ]level)?|intern|i{1,3}|iv|v|l\d|ic\d)"
_RANGE = re.compile(
    rf"(?<![\w.])(?P<a>{_LEVEL_TOKEN})\.?\s*(?:/|~|-|\bto\b|\bor\b)\s*"
    rf"(?P<b>{_LEVEL_TOKEN}(?:\.?\s+{_LEVEL_TOKEN})*)(?![\w])"
)
#: a level stated as a labelled field in the description (boards render it so)
_LEVEL_FIELD = re.compile(
    r"(?im)^[^\w\n]*(?:seniority(?: level)?|experience level|career level|job level|level"
    r"|n[ií]vel|nivel|niveau|karrierestufe|erfahrungslevel)\s*\**\s*:\s*\**\s*(?P<value>[^\n.;,]{1,40})"
)
#: a word every _LEVEL_FIELD match holds, lower-cased; and the characters that match an ASCII
#: letter of those words case-insensitively without lower-casing to it ("ſ" ~ "s", "K" ~ "k")
_LEVEL_FIELD_WORDS = ("level", "seniority", "niv", "nív", "karrierestufe")
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_state_level(text: str, low: str) -> bool:
    """Can _LEVEL_FIELD match the text? (substring tests: C speed, no regex)"""
    return any(w in low for w in _LEVEL_FIELD_WORDS) or any(c in text for c in _ODD_CASE)


_RANGE_HINT = re.compile(r"[/~-]|\bto\b|\bor\b")
_LEVEL_ADJ = r"(?:senior|sr|junior|jr|mid|intermediate|entry|staff|principal|lead)"
_LEVEL_SEQ = rf"{_LEVEL_ADJ}\.?(?:\s*(?:/|-|~|\band\b|\bor\b|\bto\b)\s*{_LEVEL_ADJ}\.?)?"
#: the title's role phrase named with a level where the text names the position itself
_RESTATED = re.compile(
    rf"(?:\n|[.!?:;]\s+|\b(?:a|an|as|our|hiring|seeking|several|multiple|x\d|\d)\s+)"
    rf"(?P<lv>{_LEVEL_SEQ})(?:[- ]level)?,?\s+$"
)
#: a description opening with "<level> level" or a level range ("Junior-mid level fintech ...")
_OPENING_LEVEL = re.compile(
    rf"^\W*(?:(?:a|an)\s+)?(?P<lv>{_LEVEL_ADJ}(?:\s*(?:/|-|~|\band\b|\bor\b|\bto\b)\s*{_LEVEL_ADJ})?)"
    rf"[\s-]+level\b"
)
_PAIR_SPLIT = re.compile(r"\s*(?:/|-|~|\band\b|\bor\b|\bto\b)\s*")
#: years written into the title ("Consultant - Python, GenAI - 8 years", "Data Engineer (3-5 yrs)");
#: not a contract's or programme's length
_TITLE_YEARS = re.compile(
    r"(?i)(?<![\w.])(?P<lo>\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b"
    r"(?!\s*(?:-\s*)?(?:contract|fixed|term|ftc|project|assignment|programme|program|old|apprenticeship))"
)


_ROMAN = frozenset({"i", "ii", "iii", "iv", "v"})


def _distinct_named(mentions: list[dict[str, Any]], family: set[str]) -> int:
    """Distinct skills of a family the text names. One phrase tagged with a skill and its parent
    ("Reinforcement Learning": reinforcement-learning + machine-learning) names one thing."""
    spans: dict[tuple[Any, Any], set[str]] = {}
    for m in mentions:
        if m["slug"] in family:
            spans.setdefault((m.get("start"), m.get("end")), set()).add(m["slug"])
    alone = {next(iter(slugs)) for slugs in spans.values() if len(slugs) == 1}
    shared = {frozenset(slugs) for slugs in spans.values() if len(slugs) > 1 and slugs - alone}
    return len(alone) + len(shared)


def _after_slash(full: str, segment: str) -> bool:
    """The segment follows a slash in the title: an alternative job, not a qualifier."""
    i = full.find(segment)
    return i > 0 and full[:i].rstrip().endswith("/")


def _unemphasised(low: str) -> str:
    """Markdown emphasis off, so "en tant que **stagiaire**" reads as the phrase."""
    return low.replace("*", "").replace("__", "") if "*" in low or "__" in low else low


def _roman_in_capitals(numeral: str, title: str) -> bool:
    """The numeral stands in the title in capitals, or the title has no capitals at all."""
    if not any(c.isupper() for c in title):
        return True
    return re.search(rf"(?<![A-Za-z]){numeral.upper()}(?![A-Za-z])", title) is not None


def title_years(title: str) -> int | None:
    """Required years written in a title, if any ("... - 8 years" -> 8; "2 Year Contract" -> None)."""
    if "yr" not in title and "year" not in title:
        return None
    m = _TITLE_YEARS.search(title)
    if m is None or int(m.group("lo")) > 15:
        return None
    return int(m.group("lo"))
