"""Comparison keys of a posting for cross-source dedup: company, title, level words, place.

Why a module of its own: these normalisers decide what "the same company" and "the same title"
mean; analytics.dedup only decides which postings to compare and how to group them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_LEGAL = re.compile(
    r"\b(incorporated|inc|llc|l\.l\.c|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company)\b\.?"
)
#: generic trailing words of a brand, stripped so 'OpenAI' meets 'Open AI' and 'Acme AI' meets 'Acme'
_BRAND_TAIL = re.compile(r"(?<=...)(ai|labs?|technologies|technology|tech|hq|io|group|holdings)$")
_TITLE_SYNONYMS = {
    "sr": "senior",
    "jr": "junior",
    "eng": "engineer",
    "ml": "machine learning",
    "swe": "software engineer",
}
#: title words that make two otherwise equal titles different openings
_TITLE_MARKS = {
    "senior",
    "junior",
    "staff",
    "principal",
    "lead",
    "intern",
    "head",
    "director",
    "manager",
    "vp",
    "chief",
    "associate",
    "entry",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
}
NON_WORD = re.compile(r"[^a-z0-9+#]+")
_REMOTE = re.compile(r"\b(remote|anywhere|worldwide|distributed)\b")


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return text.lower()


def norm_company(name: str | None) -> str:
    """'Acme AI, Inc. (YC W24)' -> 'acme' (legal forms, brand tails and spacing do not matter)."""
    text = re.sub(r"\([^)]*\)", " ", fold(name).replace("&", " and "))
    key = NON_WORD.sub("", _LEGAL.sub(" ", text))
    return _BRAND_TAIL.sub("", key)


def norm_title(title: str | None) -> str:
    """'Sr. ML Engineer (Remote)' -> 'senior machine learning engineer'."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", fold(title))
    text = re.split(r"\s[-|–—]\s|,", text)[0]
    words = [_TITLE_SYNONYMS.get(w, w) for w in NON_WORD.sub(" ", text).split()]
    return " ".join(words)


def title_marks(title: str) -> frozenset[str]:
    """Level words and numbers of a normalised title ('engineer ii' -> {'ii'})."""
    return frozenset(w for w in title.split() if w in _TITLE_MARKS or any(c.isdigit() for c in w))


def location_key(locations: Iterable[str] | None, workplace_type: str | None = None) -> str:
    """'San Francisco, CA' -> 'san francisco'; remote postings -> 'remote'; unknown -> ''."""
    first = next(iter(locations or []), "") or ""
    folded = fold(first)
    if _REMOTE.search(folded) or (not folded and workplace_type == "remote"):
        return "remote"
    city = re.split(r"[,/;(]|\s-\s", folded)[0]
    return " ".join(NON_WORD.sub(" ", city).split())
