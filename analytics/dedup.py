"""Cross-source dedup: one job listed on an ATS, as JSON-LD and on HN becomes one dup group.

Postings on different boards of the same company cluster (normalised name, typo-tolerant) are the
same job when their locations do not conflict, their level words agree, and either their titles
match (word order free) without two full descriptions contradicting it, or their descriptions are
near-duplicates (MinHash LSH, Jaccard >= 0.8) with similar titles. Groups are connected components.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import polars as pl
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz, process

from analytics.db import first_row, transaction

COMPANY_MIN = 92.0
TITLE_MIN = 90.0
TITLE_MIN_WITH_TEXT = 75.0
TEXT_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
MIN_WORDS = 20
#: two full descriptions (this many words) that share almost nothing veto a metadata match
VETO_WORDS = 150
VETO_JACCARD = 0.2

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
_NON_WORD = re.compile(r"[^a-z0-9+#]+")
_REMOTE = re.compile(r"\b(remote|anywhere|worldwide|distributed)\b")


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return text.lower()


def norm_company(name: str | None) -> str:
    """'Acme AI, Inc. (YC W24)' -> 'acme' (legal forms, brand tails and spacing do not matter)."""
    text = re.sub(r"\([^)]*\)", " ", _fold(name).replace("&", " and "))
    key = _NON_WORD.sub("", _LEGAL.sub(" ", text))
    return _BRAND_TAIL.sub("", key)


def norm_title(title: str | None) -> str:
    """'Sr. ML Engineer (Remote)' -> 'senior machine learning engineer'."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", _fold(title))
    text = re.split(r"\s[-|–—]\s|,", text)[0]
    words = [_TITLE_SYNONYMS.get(w, w) for w in _NON_WORD.sub(" ", text).split()]
    return " ".join(words)


def title_marks(title: str) -> frozenset[str]:
    """Level words and numbers of a normalised title ('engineer ii' -> {'ii'})."""
    return frozenset(w for w in title.split() if w in _TITLE_MARKS or any(c.isdigit() for c in w))


def location_key(locations: Iterable[str] | None, workplace_type: str | None = None) -> str:
    """'San Francisco, CA' -> 'san francisco'; remote postings -> 'remote'; unknown -> ''."""
    first = next(iter(locations or []), "") or ""
    folded = _fold(first)
    if _REMOTE.search(folded) or (not folded and workplace_type == "remote"):
        return "remote"
    city = re.split(r"[,/;(]|\s-\s", folded)[0]
    return " ".join(_NON_WORD.sub(" ", city).split())


@dataclass(slots=True)
class _Sighting:
    posting_id: str
    board: str
    company: str
    title: str
    marks: frozenset[str]
    location: str
    text: str | None


def _compatible(a: _Sighting, b: _Sighting) -> bool:
    """Cross-board, same level words, and no conflicting locations (unknown matches anything)."""
    return (
        a.board != b.board
        and a.marks == b.marks
        and (not a.location or not b.location or a.location == b.location)
    )


def _minhash(text: str | None) -> tuple[MinHash, int] | None:
    """MinHash of word 3-shingles and the word count; None for texts too short to compare."""
    words = _NON_WORD.sub(" ", _fold(text)).split()
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(list(shingles))
    return mh, len(words)


class _UnionFind:
    """Connected components with cannot-link pairs, so an ambiguous short sighting (one HN line
    matching two different openings) cannot chain those openings into one group."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}
        self.apart: list[tuple[str, str]] = []

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        roots = {ra, rb}
        if any({self.find(x), self.find(y)} == roots for x, y in self.apart):
            return
        if ra != rb:
            # the smaller id is the root, so group ids are stable whatever the pair order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def company_clusters(keys: Iterable[str]) -> dict[str, str]:
    """company key -> cluster id; keys sharing a 3-letter prefix and ratio >= COMPANY_MIN merge."""
    unique = sorted({k for k in keys if k})
    uf = _UnionFind(unique)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in unique:
        by_prefix[key[:3]].append(key)
    for members in by_prefix.values():
        if len(members) < 2:
            continue
        scores = process.cdist(members, members, scorer=fuzz.ratio, score_cutoff=COMPANY_MIN)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = members[i], members[j]
            # typos only: short names and differing numbers ('acme2' vs 'acme3') stay apart
            if i < j and min(len(a), len(b)) >= 8 and _digits(a) == _digits(b):
                uf.union(a, b)
    return {k: uf.find(k) for k in unique}


def _block_pairs(block: list[_Sighting], uf: _UnionFind) -> list[tuple[_Sighting, _Sighting]]:
    """Same-job pairs inside one company cluster, text matches first (the strongest evidence);
    title matches contradicted by two full descriptions are recorded as cannot-link in `uf`."""
    hashes = [_minhash(s.text) for s in block]
    pairs = list(_text_pairs(block, hashes))
    titles = [s.title for s in block]
    scores = process.cdist(titles, titles, scorer=fuzz.token_sort_ratio, score_cutoff=TITLE_MIN)
    for i, j in zip(*scores.nonzero(), strict=True):
        if i < j and _compatible(block[i], block[j]):
            if _texts_disagree(hashes[i], hashes[j]):
                uf.apart.append((block[i].posting_id, block[j].posting_id))
            else:
                pairs.append((block[i], block[j]))
    return pairs


def _text_pairs(
    block: list[_Sighting], hashes: list[tuple[MinHash, int] | None]
) -> Iterable[tuple[_Sighting, _Sighting]]:
    lsh = MinHashLSH(threshold=TEXT_THRESHOLD, num_perm=NUM_PERM)
    for idx, entry in enumerate(hashes):
        if entry is not None:
            lsh.insert(idx, entry[0])
    for idx, entry in enumerate(hashes):
        if entry is None:
            continue
        for other in lsh.query(entry[0]):
            a, b, other_mh = block[idx], block[other], hashes[other]
            if (
                other > idx
                and other_mh is not None
                and _compatible(a, b)
                and entry[0].jaccard(other_mh[0]) >= TEXT_THRESHOLD
                and fuzz.token_set_ratio(a.title, b.title) >= TITLE_MIN_WITH_TEXT
            ):
                yield a, b


def _texts_disagree(a: tuple[MinHash, int] | None, b: tuple[MinHash, int] | None) -> bool:
    """Two full job descriptions with almost no shared phrasing are two different openings.

    Short texts (an HN comment, a teaser) never veto: they are not the same document anyway.
    """
    if a is None or b is None or min(a[1], b[1]) < VETO_WORDS:
        return False
    return a[0].jaccard(b[0]) < VETO_JACCARD


def dup_groups(df: pl.DataFrame) -> pl.DataFrame:
    """posting_id -> dup_group_id (smallest posting_id of its group) for an int_dedup_input frame.

    Only postings of one company cluster listed on at least two boards are compared, so the
    cost follows the number of cross-listed companies, not the square of all postings.
    """
    sightings = []
    for r in df.to_dicts():
        title = norm_title(r["title"])
        sightings.append(
            _Sighting(
                posting_id=r["posting_id"],
                board=f"{r['source']}:{r['board']}",
                company=norm_company(r["company"]),
                title=title,
                marks=title_marks(title),
                location=location_key(r["locations"], r["workplace_type"]),
                text=r.get("description_text"),
            )
        )
    clusters = company_clusters(s.company for s in sightings)
    blocks: dict[str, list[_Sighting]] = defaultdict(list)
    for s in sightings:
        if s.company:
            blocks[clusters[s.company]].append(s)
    uf = _UnionFind(s.posting_id for s in sightings)
    for block in blocks.values():
        if len({s.board for s in block}) > 1:
            for a, b in _block_pairs(block, uf):
                uf.union(a.posting_id, b.posting_id)
    ids = [s.posting_id for s in sightings]
    return pl.DataFrame(
        {"posting_id": ids, "dup_group_id": [uf.find(p) for p in ids]},
        schema={"posting_id": pl.String(), "dup_group_id": pl.String()},
    )


def assign_dup_groups(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute dup_group_id for every posting (one update through Arrow); returns group count."""
    groups = dup_groups(con.sql("select * from int_dedup_input").pl())
    con.register("batch_dup_groups", groups.to_arrow())
    with transaction(con):
        con.execute(
            "update postings_core as core set dup_group_id = g.dup_group_id "
            "from batch_dup_groups as g where g.posting_id = core.posting_id "
            "and core.dup_group_id is distinct from g.dup_group_id"
        )
    return groups["dup_group_id"].n_unique() if groups.height else 0


def duplicate_rate(con: duckdb.DuckDBPyConnection) -> float:
    """Share of postings that are extra sightings of a job already counted (0 = no duplicates)."""
    row = first_row(
        con,
        "select count(*), count(distinct coalesce(dup_group_id, posting_id)) from postings_core",
    )
    total, groups = row or (0, 0)
    return 0.0 if not total else 1 - groups / total
