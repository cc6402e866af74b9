"""Titles as scraped: foreign role words in English, then a head segment and its qualifiers.

Job boards pack places, pay, work mode, team names and emojis into titles ("Senior AI Engineer -
Grafana AI/ML | USA | Remote", "[Belo Horizonte - Presencial] .NET Developer Pleno - 7.5k PJ").
The role is named by the *head*: the first segment that holds a role noun; the other segments
only qualify it (taxonomy tie-break 1: the explicit role word wins). Non-English role and level
words (Desenvolvedor, Werkstudent, 工程师) are mapped to English first, from `[title_lexicon]`
in roles.toml, so the same rules read them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: letters NFKD does not decompose
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "đ": "d"})
#: gender and inclusive-form markers: "(m/w/d)", "(f/m/x)", "Desenvolvedor(a)", "Entwickler(in)"
_GENDER = re.compile(
    r"\(\s*[mwfdxh](?:\s*[/|,]\s*[mwfdxh*]){1,3}\s*\)|(?<=\w)\((?:a|in|e|o|as|innen)\)|\*in\b",
    re.I,
)
#: segment separators: spaced dashes/colons/at-signs, pipes, brackets, commas, tildes, underscores,
#: spaced slashes, and the joining words "with" / "at"
_SEP = re.compile(
    r"\s+[-:@]\s+|\s+/\s+|[|,;()\[\]{}~_\u3010\u3011·•]|\s+(?:with|at|w/)\s+",
    re.I,
)


def fold(text: str) -> str:
    """Accents off ("Sênior" -> "Senior", "ingeniør" -> "ingenior"); CJK and ASCII unchanged."""
    if text.isascii():
        return text
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    """The title in English words, its head segment and the qualifier segments (raw text)."""

    full: str
    head: str
    qualifiers: tuple[str, ...]


class TitleParser:
    """Applies the lexicon and splits a title into head and qualifiers."""

    def __init__(self, data: dict[str, Any], role_nouns: list[str]) -> None:
        lex = data.get("title_lexicon", {})
        words = {fold(k).lower(): v for k, v in lex.get("words", {}).items()}
        suffixes = {fold(k).lower(): v for k, v in lex.get("suffixes", {}).items()}
        scripts = dict(lex.get("substrings", {}))
        self._words = words
        self._word_re = (
            re.compile(
                r"\b(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b"
            )
            if words
            else None
        )
        self._suffixes = suffixes
        self._suffix_re = (
            re.compile(r"\b(\w*?)(" + "|".join(map(re.escape, suffixes)) + r")\b")
            if suffixes
            else None
        )
        self._scripts = sorted(scripts.items(), key=lambda kv: -len(kv[0]))
        programme = {n.lower() for n in data.get("vocab", {}).get("programme_nouns", [])}
        nouns = sorted({n.lower() for n in role_nouns}, key=len, reverse=True)
        self._noun_re = re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r")\b")
        jobs = [n for n in nouns if n not in programme]
        self._job_re = re.compile(r"\b(?:" + "|".join(map(re.escape, jobs)) + r")\b")

    def english(self, title: str) -> str:
        """Lower-cased title with foreign role/level words in English, gender markers removed."""
        t = _GENDER.sub(" ", title)
        if not t.isascii():
            for src, dst in self._scripts:
                if src in t:
                    t = t.replace(src, f" {dst} ")
            t = fold(t)
        t = t.lower()
        if self._suffix_re is not None:
            t = self._suffix_re.sub(self._suffix_sub, t)
        if self._word_re is not None:
            t = self._word_re.sub(lambda m: self._words[m.group(1)], t)
        return t

    def _suffix_sub(self, m: re.Match[str]) -> str:
        return f"{m.group(1)} {self._suffixes[m.group(2)]}".strip()

    def parse(self, title: str) -> ParsedTitle:
        """Head = the first segment naming an occupation ("Binance Seeds Trainee Program - Full
        Stack Engineer": the engineer, not the programme), else the first naming any role noun
        (an intern, a trainee), else the whole title."""
        return self.split(self.english(title))

    def split(self, full: str) -> ParsedTitle:
        """`parse` for a title already in English words (the output of `english`)."""
        segments = [s.strip() for s in _SEP.split(full) if s and s.strip(" -:.")]
        head_idx = next((i for i, s in enumerate(segments) if self._job_re.search(s)), None)
        if head_idx is None:
            head_idx = next((i for i, s in enumerate(segments) if self._noun_re.search(s)), None)
        if head_idx is None or len(segments) < 2:
            return ParsedTitle(full, full, ())
        quals = tuple(s for i, s in enumerate(segments) if i != head_idx)
        return ParsedTitle(full, segments[head_idx], quals)
