"""Required years of experience, in the forms postings write them.

"5+ years", "5 plus years", "five (5) years", "3-5 yrs", "Experience: 4 years", "5 or more years",
"mindestens 3 Jahre Berufserfahrung", "3 anos de experiência", "3年以上工作经验", "1-3 年经验".
Years a posting only welcomes ("3-5 years of experience is a plus") are no requirement.
Extraction speed matters, so a
cheap pre-scan finds the year words first and the detailed patterns run only on a window around
each one (most of a posting never reaches them).
"""

from __future__ import annotations

import re

from .automaton import KeywordAutomaton

#: CJK "年" sits between letters without a word boundary ("3年以上"), so only the Latin words take \b
_YEAR = r"(?:(?:years?|yrs?|jahre?n?|anos|años|ans|års|år|jaar|vuotta)\b|年)"
#: the pre-scan: year words found in one Aho-Corasick pass over the lower-cased text (a regex
#: alternation over the whole posting cost more than everything else here, and one str.find
#: loop per stem about three times the automaton)
_YEAR_STEMS = ("year", "yr", "jahr", "anos", "años", "ans", "år", "jaar", "vuotta", "年")
_YEAR_STEM_AC: KeywordAutomaton[None] = KeywordAutomaton(dict.fromkeys(_YEAR_STEMS))
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
#: "five (5)" -> "5", "two-plus" -> "2 plus"
_WORD_NUM = re.compile(
    r"(?i)\b(" + "|".join(_NUMBER_WORDS) + r")(?:\s*\(\d{1,2}\))?(?:-(?=plus\b)|(?=[\s+-]))"
)
#: Chinese/Japanese numerals before 年: "三年以上" -> "3年以上"
_CJK_NUMBERS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九十", start=0)} | {
    "两": "2",
    "兩": "2",
}
_CJK_NUM = re.compile("(?<![〇一二三四五六七八九十百])([" + "".join(_CJK_NUMBERS) + "])(?=\\s*年)")
#: a number starts a requirement unless it continues another number ("2.5", "1,5") or closes a
#: range ("3-5": 5 is not a lower bound); a full stop glued before it ("future.3-5 years") is
#: a sentence end, so the range still reads from 3
_YEARS = re.compile(
    r"(?i)(?<![\d,])(?<!\d\.)(?<!\d-)(?<!\d\s-\s)(?P<lo>\d{1,2})\s*(?P<plus>\+|plus|or more|or above)?\s*"
    r"(?:(?:-|to|bis|a)\s*(?P<hi>\d{1,2})\s*\+?\s*)?" + _YEAR + r"(?P<after>\s*\+)?"
)
_EXPERIENCE = re.compile(
    r"(?i)\b(?:experience|exp|erfahrung|berufserfahrung|experi[eê]ncia|experiencia|exp[eé]rience"
    r"|erfaring|ervaring|erfarenhet|track record)|经验|經驗|経験"
)
_PRE = re.compile(
    r"(?i)(at least|minimum(?: of)?|min\.?|over|more than|mindestens|au moins|m[ií]nimo(?: de)?"
    r"|minst|experience:?|exp\.?:?|experience of)\s*$"
)
_POST_MIN = re.compile(r"(?i)^\s*(?:minimum|min\.?|or more|or longer|\+|以上)")
#: the years are welcome, not required: "3-5 years of experience is a plus", "... would be an asset"
_OPTIONAL = re.compile(
    r"(?i)^[^.;:\n]{0,50}?\b(?:is|are|would be|will be|counts? as)\s+(?:a\s+|an\s+)?(?:big\s+|strong\s+|huge\s+)?"
    r"(?:plus|bonus|advantage|asset|nice[- ]to[- ]have)\b"
)


def required_years(text: str, low: str | None = None) -> int | None:
    """Largest lower bound of the "N+ years (of experience)" requirements, capped at 15.

    >>> required_years("3+ years of Python; 5-7 years of experience overall")
    5
    >>> required_years("we have served customers for 20 years") is None
    True

    `low` is `text.lower()` when the caller has it already.
    """
    if not text:
        return None
    if low is None:
        low = text.lower()
    found: list[tuple[int, int, int]] = []  # (start, end, lower bound) in the text
    for start in sorted(_year_positions(low)):
        if start > 0 and low[start - 1].isalpha() and low[start] != "年":
            continue  # "plans", "nanos": not a year word
        lo_w, hi_w = max(0, start - 40), min(len(text), start + 70)
        # the numeral before 年 needs the 年 to be read ("三年"); 年 itself is left as it is
        pre = (
            _numbers(text[lo_w : start + 1])[:-1]
            if low[start] == "年"
            else _numbers(text[lo_w:start])
        )
        post = _numbers(text[start:hi_w])
        window, stem = pre + post, len(pre)
        for m in _YEARS.finditer(window):
            if not m.start() <= stem < m.end():
                continue  # another year word's match: read at its own position
            lo = _bound(window, m)
            if lo is not None:
                found.append((start - (stem - m.start()), start + (m.end() - stem), lo))
    return _combine(text, found)


def _numbers(chunk: str) -> str:
    """Number words as digits: "five (5)" -> "5", "三年" -> "3年"."""
    chunk = _WORD_NUM.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()] + " ", chunk)
    if "年" in chunk:
        chunk = _CJK_NUM.sub(lambda m: _CJK_NUMBERS[m.group(1)], chunk)
    return chunk


def _combine(text: str, found: list[tuple[int, int, int]]) -> int | None:
    """Requirements joined by "or" are alternatives (the lower one suffices: "3+ years of
    software engineering and/or 5+ years of detection engineering" -> 3); the others all hold
    (the largest counts)."""
    best: int | None = None
    group: int | None = None
    prev_end = -1
    for start, end, lo in sorted(set(found)):
        if group is not None and _alternative(text[prev_end : max(prev_end, start)]):
            group = min(group, lo)
        else:
            if group is not None:
                best = group if best is None else max(best, group)
            group = lo
        prev_end = max(prev_end, end)
    if group is not None:
        best = group if best is None else max(best, group)
    return best


_TAIL_OR = re.compile(r"(?i)\b(?:or|oder|ou)[\s\-*•]*$")
_INLINE_OR = re.compile(r"(?i)\b(?:or|oder|ou)\b[^,;.\n]{0,30}$")


def _alternative(gap: str) -> bool:
    """The text between two requirements offers a choice between them."""
    if len(gap) > 150:
        return False
    return bool(_TAIL_OR.search(gap) or ("\n" not in gap and _INLINE_OR.search(gap)))


def _year_positions(low: str) -> set[int]:
    """Start offsets of every year stem in the lower-cased text."""
    return {start for _, start, _ in _YEAR_STEM_AC.matches(low)}


def _bound(window: str, m: re.Match[str]) -> int | None:
    """The lower bound of one match if it reads as a requirement, else None."""
    lo = int(m.group("lo"))
    hi = m.group("hi")
    if lo > 15 or (hi and int(hi) > 20):
        return None
    post = window[m.end() : m.end() + 60]
    pre_m = _PRE.search(window[max(0, m.start() - 24) : m.start()])
    pre = pre_m.group(1).lower() if pre_m else ""
    cue_after = bool(_EXPERIENCE.search(post))
    cue_before = bool(_EXPERIENCE.search(window[max(0, m.start() - 30) : m.start()]))
    if pre in {"over", "more than"} and not cue_after:
        return None  # "for over 20 years" is company history
    if _OPTIONAL.match(post):
        return None  # welcome, not required
    marked = m.group("plus") or m.group("after") or hi or pre or _POST_MIN.match(post)
    if not (marked or cue_after or cue_before):
        return None
    return lo
