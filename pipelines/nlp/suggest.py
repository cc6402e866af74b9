"""Suggest new taxonomy terms: n-grams and title tokens absent from the taxonomy whose share of
postings rises over recent months (a curator reviews them; nothing is added automatically).

Text candidates come only from sentences that ask something of the hire (pipelines/nlp/asked.py):
a product name in the company blurb or a perk in the benefits is not a skill. A candidate that is
a fragment of a known term ("model context" of "Model Context Protocol") is not proposed, nor words
of a clause that already spells a known skill ("thrive in ambiguous environments" is adaptability,
pipelines/taxonomy/phrases.toml).

A blank spaCy model has no parser/noun chunker, so candidates are n-grams filtered by
capitalisation and stopword heuristics; the trend test is a two-proportion z-test of the
recent months against the earlier ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .asked import asked_sentences
from .asked_phrases import phrase_mentions
from .sections import split_sentences
from .taxonomy import skill_taxonomy

_STOP = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been being this "
    "that these those it its we our you your they their he she i me my us will would can could "
    "should may might must shall do does did have has had not no nor so than too very all any "
    "both each few more most other some such only own same just also into about over under "
    "between through during before after above below up down out off again further then once "
    "here there when where why how what which who whom experience team work working years year "
    "strong ability skills knowledge including new role job company help build building using "
    "use plus etc e.g i.e within across well highly great good best like looking join "
    "opportunity candidates candidate responsibilities requirements qualifications preferred "
    "benefits salary apply equal employer please remote time full".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[.\-][A-Za-z0-9+#]+)*")
_CHUNK = re.compile(r"[^.,;:!?()\[\]\n•|/\"“”]+")


def taxonomy_terms() -> set[str]:
    """Every lowercased surface form, slug and name in the skill taxonomy."""
    tax = skill_taxonomy()
    terms = {s.form.lower() for s in tax.surfaces}
    terms |= {s["slug"].replace("-", " ") for s in tax.skills} | {
        s["name"].lower() for s in tax.skills
    }
    return terms


def _technical(tok: str, first: bool) -> bool:
    """Single words worth proposing: CamelCase, ACRONYM, digits/specials, or Capitalised mid-sentence."""
    if any(c.isdigit() for c in tok) or any(c in "+#.-" for c in tok):
        return True
    if tok.isupper() and 2 <= len(tok) <= 6:
        return True
    if any(c.isupper() for c in tok[1:]):
        return True
    return tok[:1].isupper() and not first


def known_fragments(known: Iterable[str]) -> set[str]:
    """Every run of whole words inside a known multi-word term ("model context", "context
    protocol" of "model context protocol"): proposing one would re-add a known skill in pieces."""
    out: set[str] = set()
    for term in known:
        words = term.split()
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                if b - a < len(words):
                    out.add(" ".join(words[a:b]))
    return out


def candidates(
    text: str, known: set[str], max_n: int = 3, fragments: set[str] | None = None
) -> set[str]:
    """Candidate terms of one text (lowercased), excluding known ones, those containing them and
    fragments of known multi-word terms."""
    fragments = fragments if fragments is not None else known_fragments(known)
    out: set[str] = set()
    for chunk in _CHUNK.findall(text):
        toks = _TOKEN.findall(chunk)
        low = [t.lower() for t in toks]
        for i in range(len(toks)):
            for n in range(1, max_n + 1):
                if i + n > len(toks):
                    break
                gram = low[i : i + n]
                if gram[0] in _STOP or gram[-1] in _STOP or any(g in _STOP for g in gram):
                    continue
                if n == 1 and (len(gram[0]) < 2 or not _technical(toks[i], i == 0)):
                    continue
                term = " ".join(gram)
                if any(" ".join(gram[a:b]) in known for a in range(n) for b in range(a + 1, n + 1)):
                    continue
                if term in fragments or any(
                    " ".join(gram[a : a + k]) in fragments
                    for k in range(2, n)
                    for a in range(n - k + 1)
                ):
                    continue  # a known term in pieces: "model context (servers)"
                out.add(term)
    return out


def without_known_phrases(sentence: str) -> str:
    """The sentence with every clause-form skill mention (asked_phrases.py) cut out, so its words
    ("ambiguous environments") are not proposed as a new term."""
    spans = sorted(
        (m["start"], m["end"]) for m in phrase_mentions(sentence, split_sentences(sentence))
    )
    if not spans:
        return sentence
    out, pos = [], 0
    for start, end in spans:
        if start >= pos:
            out.append(sentence[pos:start])
            pos = end
        else:
            pos = max(pos, end)
    out.append(sentence[pos:])
    return " | ".join(out)  # "|" ends a candidate chunk


def _ztest(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-proportion z statistic (recent k2/n2 vs earlier k1/n1)."""
    p = (k1 + k2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) if 0 < p < 1 else 0.0
    return ((k2 / n2) - (k1 / n1)) / se if se else 0.0


def suggest_terms(
    rows: Iterable[tuple[Any, str, str]],
    known_terms: Iterable[str] | None = None,
    recent_months: int = 3,
    min_postings: int = 5,
    min_z: float = 2.0,
    limit: int = 50,
    asked_only: bool = True,
) -> list[dict[str, Any]]:
    """Rising unknown terms from (posted_month, title, text) rows, strongest trend first.

    Each suggestion: term, source ("text" | "title"), postings, early_share, recent_share, z.
    With `asked_only` (the default) text terms come only from the sentences that ask something
    of the hire, never from company, benefits or legal text.
    """
    known = {t.lower() for t in (known_terms if known_terms is not None else taxonomy_terms())}
    fragments = known_fragments(known)
    per_month: Counter[str] = Counter()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for month, title, text in rows:
        m = str(month)[:7]
        per_month[m] += 1
        body = (
            "\n".join(without_known_phrases(s) for s in asked_sentences(text or "", title))
            if asked_only
            else text or ""
        )
        for term in candidates(body, known, fragments=fragments):
            counts[(term, "text")][m] += 1
        for term in candidates(title or "", known, max_n=2, fragments=fragments):
            counts[(term, "title")][m] += 1
    months = sorted(per_month)
    if len(months) < 2:
        return []
    recent = (
        set(months[-recent_months:])
        if len(months) > recent_months
        else set(months[len(months) // 2 :])
    )
    n_recent = sum(per_month[m] for m in recent)
    n_early = sum(per_month.values()) - n_recent
    out = []
    for (term, source), by_month in counts.items():
        total = sum(by_month.values())
        if total < min_postings:
            continue
        k_recent = sum(v for m, v in by_month.items() if m in recent)
        z = _ztest(total - k_recent, n_early, k_recent, n_recent)
        if z >= min_z:
            out.append(
                {
                    "term": term,
                    "source": source,
                    "postings": total,
                    "early_share": (total - k_recent) / n_early,
                    "recent_share": k_recent / n_recent,
                    "z": z,
                }
            )
    out = _drop_subsumed(out)
    out.sort(key=lambda d: (-d["z"], d["term"]))
    return out[:limit]


def _drop_subsumed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop "studio" when "foobar studio" occurs in exactly the same postings count."""
    longer = [d for d in items if " " in d["term"]]
    keep = []
    for d in items:
        pad = f" {d['term']} "
        if not any(
            o is not d
            and o["source"] == d["source"]
            and o["postings"] == d["postings"]
            and pad in f" {o['term']} "
            for o in longer
        ):
            keep.append(d)
    return keep
