"""Cross-source dedup: one job listed on an ATS, as JSON-LD and on HN becomes one dup group.

Postings on different boards of the same company cluster (normalised name, typo-tolerant) are the
same job when their locations do not conflict, their level words agree, and either their titles
match (word order free) without two full descriptions contradicting it, or their descriptions are
near-duplicates (MinHash LSH, Jaccard >= 0.8) with similar titles. Groups are connected components.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import polars as pl
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz, process

from analytics.db import first_row, sql, transaction
from analytics.dedup_keys import (
    NON_WORD,
    fold,
    location_key,
    norm_company,
    norm_title,
    title_marks,
)

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
    words = NON_WORD.sub(" ", fold(text)).split()
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


def _sighting(row: dict) -> _Sighting:
    title = norm_title(row["title"])
    return _Sighting(
        posting_id=row["posting_id"],
        board=f"{row['source']}:{row['board']}",
        company=norm_company(row["company"]),
        title=title,
        marks=title_marks(title),
        location=location_key(row["locations"], row["workplace_type"]),
        text=row.get("description_text"),
    )


def _union_block(block: list[_Sighting], uf: _UnionFind) -> None:
    """Join the same-job pairs of one company cluster (only clusters on 2+ boards have any).

    Sighting order decides which of two conflicting unions wins (cannot-link pairs), so the
    block is compared in posting_id order whatever order the rows were read in."""
    if len({s.board for s in block}) > 1:
        block = sorted(block, key=lambda s: s.posting_id)
        for a, b in _block_pairs(block, uf):
            uf.union(a.posting_id, b.posting_id)


def dup_groups(df: pl.DataFrame) -> pl.DataFrame:
    """posting_id -> dup_group_id (smallest posting_id of its group) for an int_dedup_input frame.

    Only postings of one company cluster listed on at least two boards are compared, so the
    cost follows the number of cross-listed companies, not the square of all postings.
    """
    sightings = [_sighting(r) for r in df.to_dicts()]
    clusters = company_clusters(s.company for s in sightings)
    blocks: dict[str, list[_Sighting]] = defaultdict(list)
    for s in sightings:
        if s.company:
            blocks[clusters[s.company]].append(s)
    uf = _UnionFind(s.posting_id for s in sightings)
    for block in blocks.values():
        _union_block(block, uf)
    ids = [s.posting_id for s in sightings]
    return pl.DataFrame(
        {"posting_id": ids, "dup_group_id": [uf.find(p) for p in ids]},
        schema={"posting_id": pl.String(), "dup_group_id": pl.String()},
    )


#: postings (with description text) held in memory at once while comparing clusters
DEDUP_CHUNK_ROWS = 20_000


def _register_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """company -> cluster id for every company name in the warehouse (names, not postings: the
    fuzzy clustering runs over distinct names, a few thousand even at 1M postings)."""
    names = [r[0] for r in con.execute("select distinct company from postings_core").fetchall()]
    keys = {name: norm_company(name) for name in names if name is not None}
    clusters = company_clusters(keys.values())
    frame = pl.DataFrame(
        {"company": list(keys), "cluster": [clusters[k] if k else None for k in keys.values()]},
        schema={"company": pl.String(), "cluster": pl.String()},
    )
    con.register("batch_company_clusters", frame.to_arrow())


def _cluster_chunks(scope: pl.DataFrame, limit: int) -> Iterable[list[str]]:
    """Clusters on 2+ boards, packed into lists of about `limit` postings (a bigger cluster is
    its own chunk: a cluster is never split, its pairs must all be compared)."""
    sizes = (
        scope.filter(pl.col("cluster_boards") > 1)
        .group_by("cluster")
        .len()
        .sort("cluster")
        .iter_rows()
    )
    chunk: list[str] = []
    rows = 0
    for cluster, size in sizes:
        if chunk and rows + size > limit:
            yield chunk
            chunk, rows = [], 0
        chunk.append(cluster)
        rows += size
    if chunk:
        yield chunk


def assign_dup_groups(
    con: duckdb.DuckDBPyConnection,
    changed: Iterable[str] | None = None,
    *,
    chunk_rows: int = DEDUP_CHUNK_ROWS,
) -> int:
    """Recompute dup_group_id where it can change; returns how many postings were regrouped.

    `changed` names the postings that are new or have new content (None = recompute all). Only
    their company clusters are compared again, a bounded chunk of clusters at a time, so a daily
    load over a large warehouse costs what changed, and memory does not grow with the warehouse.
    """
    _register_clusters(con)
    ids = pl.DataFrame({"posting_id": list(changed or [])}, schema={"posting_id": pl.String()})
    con.register("batch_dedup_changed", ids.to_arrow())
    scope = con.sql(sql("load/dedup_scope"), params={"everything": changed is None}).pl()
    con.register("batch_dedup_scope", scope.to_arrow())
    uf = _UnionFind(scope["posting_id"])
    for clusters in _cluster_chunks(scope, chunk_rows):
        rows = con.sql(
            "select i.*, s.cluster from int_dedup_input as i "
            "inner join batch_dedup_scope as s using (posting_id) "
            "where list_contains($clusters, s.cluster)",
            params={"clusters": clusters},
        ).pl()
        for _, block_rows in rows.group_by("cluster", maintain_order=True):
            _union_block([_sighting(r) for r in block_rows.to_dicts()], uf)
    groups = pl.DataFrame(
        {
            "posting_id": scope["posting_id"],
            "dup_group_id": [uf.find(p) for p in scope["posting_id"]],
        },
        schema={"posting_id": pl.String(), "dup_group_id": pl.String()},
    )
    con.register("batch_dup_groups", groups.to_arrow())
    with transaction(con):
        regrouped = con.execute(
            "update postings_core as core set dup_group_id = g.dup_group_id "
            "from batch_dup_groups as g where g.posting_id = core.posting_id "
            "and core.dup_group_id is distinct from g.dup_group_id"
        ).fetchall()
    for name in (
        "batch_company_clusters",
        "batch_dedup_changed",
        "batch_dedup_scope",
        "batch_dup_groups",
    ):
        con.unregister(name)
    return int(regrouped[0][0]) if regrouped else 0


def duplicate_rate(con: duckdb.DuckDBPyConnection) -> float:
    """Share of postings that are extra sightings of a job already counted (0 = no duplicates)."""
    row = first_row(
        con,
        "select count(*), count(distinct coalesce(dup_group_id, posting_id)) from postings_core",
    )
    total, groups = row or (0, 0)
    return 0.0 if not total else 1 - groups / total
