"""One text normaliser run before every extraction rule (skills, titles, seniority, salary).

Real postings arrive as scrapers saved them: Markdown escapes (`5\\+ years`, `c\\+\\+`, `\\$48\\.26`),
HTML entities left in plain text, smart quotes and dashes, zero-width and no-break spaces, bullet
glyphs. Rules written for clean text miss all of these, so every extractor sees the same cleaned
text. The normaliser is cheap (one translate, two guarded regex passes) and idempotent on the text
it produces; offsets that extractors report refer to the normalised text.
"""

from __future__ import annotations

import html
import re
import unicodedata

#: characters replaced one for one (or deleted); a single str.translate pass
_CHAR_MAP = {
    # quotes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # dashes and minus signs
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces a reader sees as one space
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
    "\u3000": " ", "\t": " ",
    # invisible characters: deleted
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u00ad": None, "\u200e": None, "\u200f": None,
    # ellipsis
    "\u2026": "...",
}  # fmt: skip
#: one scan finds the few mapped characters (str.translate walks every character in Python's
#: dict-lookup path and was the normaliser's whole cost on long postings)
_MAPPED = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")


def _replace(match: re.Match[str]) -> str:
    return _CHAR_MAP[match.group(0)] or ""


#: Markdown's backslash escapes (CommonMark: any ASCII punctuation may be escaped)
_MD_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: bullet glyphs at the start of a line become a Markdown list marker
_BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25e6\u2023\u2043\u25a0\u25a1\u27a2\u2219\u00b7\u2027\u25ba\u25b8\u2794\u2192\uf0b7"
_BULLET = re.compile(r"(?m)^[ \t]*[" + _BULLET_GLYPHS + r"]+[ \t]*")


def _has_bullet_glyph(text: str) -> bool:
    """Why: the line-anchored bullet pattern costs a third of the normaliser on a long posting,
    and only ~1 in 20 non-ASCII postings holds a glyph at all (17 substring tests are ~6x
    cheaper)."""
    return any(g in text for g in _BULLET_GLYPHS)


def normalise_text(text: str | None) -> str:
    """The text every extractor reads (see module docstring); '' for None."""
    if not text:
        return ""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _MAPPED.sub(_replace, text)
        if _has_bullet_glyph(text):
            text = _BULLET.sub("- ", text)
    elif "\t" in text:
        text = text.replace("\t", " ")
    if "&" in text and ";" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if not text.isascii():
            text = _MAPPED.sub(_replace, text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


_UPPER = re.compile(r"[^\W\d_a-z]")  # a letter that is not ASCII lower case (tested with isupper)


def is_lowercased(text: str, min_letters: int = 40, low: str | None = None) -> bool:
    """True when text with enough letters has (almost) no capitals: scraped or typed all lower case.

    Case-sensitive rules (a capitalised 'Go', 'R', 'Spark') cannot decide such text, so the
    extractors switch to their lower-case senses with context rules instead. Cased text is
    rejected after its first few capitals, without counting every letter. `low`: the caller's
    lower_same_length(text), saving a second lower-casing (it differs from text.lower() only
    where "İ" lowercases to two characters)."""
    if len(text) < min_letters:
        return False
    if low is None or "\u0130" in text:
        low = text.lower()
    if text != low:
        limit = len(text) * 0.002  # letters <= len(text): more capitals than this never qualify
        caps = 0
        for m in _UPPER.finditer(text):
            if m.group().isupper():
                caps += 1
                if caps > limit:
                    return False
        letters = sum(map(str.isalpha, text))
        return letters >= min_letters and caps <= letters * 0.002
    return sum(map(str.isalpha, text)) >= min_letters


def lower_same_length(text: str) -> str:
    """Lowercase without changing length, so offsets found in the result index `text` too
    ("İ" lowercases to two characters and is kept as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
