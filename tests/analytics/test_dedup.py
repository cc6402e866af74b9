"""Cross-source dedup: ATS + JSON-LD + HN copies of one job merge; different jobs never do."""

from __future__ import annotations

import polars as pl
from warehouse_seeds import scalar

from analytics.dedup import assign_dup_groups, dup_groups, duplicate_rate
from analytics.dedup_keys import location_key, norm_company, norm_title, title_marks

ML_SF = {
    "greenhouse:acme:101",
    "jsonld:careers.acme.example:ml-engineer-sf",
    "hn:whoishiring-2026-03:hn-4242",
}


def groups_of(con) -> dict[str, str]:
    return dict(con.execute("select posting_id, dup_group_id from postings").fetchall())


def test_normalisers():
    assert (
        norm_company("Acme AI, Inc.") == norm_company("ACME ai") == norm_company("Acme") == "acme"
    )
    assert norm_company("OpenAI") == norm_company("Open AI (YC)")
    assert title_marks(norm_title("Software Engineer II")) == {"ii"}
    assert norm_title("Sr. ML Engineer (Remote)") == "senior machine learning engineer"
    assert norm_title("Machine Learning Engineer - San Francisco") == "machine learning engineer"
    assert location_key(["San Francisco, California"]) == location_key(["San Francisco, CA"])
    assert location_key(["Remote - US"]) == "remote" == location_key([], "remote")
    assert location_key([]) == ""


def test_ats_jsonld_and_hn_copies_are_one_group(seeded):
    groups = groups_of(seeded)
    assert len({groups[p] for p in ML_SF}) == 1
    assert groups["greenhouse:acme:101"] == min(ML_SF)


def test_different_jobs_stay_apart(seeded):
    groups = groups_of(seeded)
    ml_group = groups["greenhouse:acme:101"]
    # same company and title, other city; same office, other role; same title, other company
    for other in (
        "jsonld:careers.acme.example:ml-engineer-nyc",
        "greenhouse:acme:104",
        "hn:whoishiring-2026-03:hn-4243",
        "greenhouse:acme:102",
    ):
        assert groups[other] != ml_group
        assert groups[other] == other


def test_postings_dedup_has_one_row_per_group(seeded):
    assert scalar(seeded, "select count(*) from postings") == 8
    assert scalar(seeded, "select count(*) from postings_dedup") == 6
    row = seeded.execute(
        "select posting_id, sighting_count, sources from postings_dedup where dup_group_id = $g",
        {"g": min(ML_SF)},
    ).fetchall()[0]
    assert row == ("greenhouse:acme:101", 3, ["greenhouse", "hn", "jsonld"])
    assert abs(duplicate_rate(seeded) - 2 / 8) < 1e-9


def test_dedup_is_stable_when_rerun(seeded):
    before = groups_of(seeded)
    assign_dup_groups(seeded)
    assert groups_of(seeded) == before


def test_near_duplicate_description_merges_despite_a_reworded_title():
    text = " ".join(f"word{i}" for i in range(80))
    df = pl.DataFrame(
        {
            "posting_id": ["lever:acme:1", "jsonld:acme.example:x"],
            "source": ["lever", "jsonld"],
            "board": ["acme", "acme.example"],
            "company": ["Acme", "Acme Inc"],
            "title": ["Applied AI Engineer, Agents", "AI Engineer (Agents team)"],
            "locations": [["London"], ["London, UK"]],
            "workplace_type": ["onsite", "onsite"],
            "first_seen_at": [None, None],
            "description_text": [text, text + " apply now"],
        }
    )
    out = dict(dup_groups(df).iter_rows())
    assert out["lever:acme:1"] == out["jsonld:acme.example:x"]


def test_same_board_postings_are_never_merged():
    df = pl.DataFrame(
        {
            "posting_id": ["greenhouse:acme:1", "greenhouse:acme:2"],
            "source": ["greenhouse", "greenhouse"],
            "board": ["acme", "acme"],
            "company": ["Acme", "Acme"],
            "title": ["ML Engineer", "ML Engineer"],
            "locations": [["London"], ["London"]],
            "workplace_type": ["onsite", "onsite"],
            "first_seen_at": [None, None],
            "description_text": ["same text " * 30, "same text " * 30],
        }
    )
    out = dict(dup_groups(df).iter_rows())
    assert out["greenhouse:acme:1"] != out["greenhouse:acme:2"]


def test_a_more_senior_opening_is_another_job():
    df = pl.DataFrame(
        {
            "posting_id": ["lever:acme:1", "jsonld:acme.example:2"],
            "source": ["lever", "jsonld"],
            "board": ["acme", "acme.example"],
            "company": ["Acme", "Acme"],
            "title": ["Data Engineer", "Senior Data Engineer"],
            "locations": [["Berlin"], ["Berlin"]],
            "workplace_type": ["onsite", "onsite"],
            "first_seen_at": [None, None],
            "description_text": ["short", "also short"],
        }
    )
    out = dict(dup_groups(df).iter_rows())
    assert out["lever:acme:1"] != out["jsonld:acme.example:2"]


def test_level_words_keep_openings_apart():
    df = pl.DataFrame(
        {
            "posting_id": ["lever:acme:1", "jsonld:acme.example:2"],
            "source": ["lever", "jsonld"],
            "board": ["acme", "acme.example"],
            "company": ["Acme", "Acme"],
            "title": ["Software Engineer II", "Software Engineer III"],
            "locations": [["Berlin"], ["Berlin"]],
            "workplace_type": ["onsite", "onsite"],
            "first_seen_at": [None, None],
            "description_text": [None, None],
        }
    )
    out = dict(dup_groups(df).iter_rows())
    assert out["lever:acme:1"] != out["jsonld:acme.example:2"]


def test_two_full_but_different_descriptions_veto_a_title_match():
    words_a = " ".join(f"alpha{i}" for i in range(200))
    words_b = " ".join(f"beta{i}" for i in range(200))
    df = pl.DataFrame(
        {
            "posting_id": ["lever:acme:1", "jsonld:acme.example:2", "hn:who:3"],
            "source": ["lever", "jsonld", "hn"],
            "board": ["acme", "acme.example", "who"],
            "company": ["Acme", "Acme", "Acme"],
            "title": ["ML Engineer", "Machine Learning Engineer", "ML Engineer"],
            "locations": [["Berlin"], ["Berlin"], ["Berlin, DE"]],
            "workplace_type": ["onsite", "onsite", "onsite"],
            "first_seen_at": [None, None, None],
            "description_text": [words_a, words_b, "We are hiring, email us."],
        }
    )
    out = dict(dup_groups(df).iter_rows())
    assert out["lever:acme:1"] != out["jsonld:acme.example:2"]
    # the short HN comment never vetoes; it joins (at least) one of them
    assert out["hn:who:3"] in {out["lever:acme:1"], out["jsonld:acme.example:2"]}


def _posting(source: str, board: str, sid: str, company: str, title: str, day: int) -> dict:
    body = " ".join(f"{company.split()[0].lower()}word{i}" for i in range(60))
    return {
        "source": source,
        "board": board,
        "source_id": sid,
        "title": title,
        "company": company,
        "locations": ["Berlin, Germany"],
        "workplace_type": "onsite",
        "description_text": body,
        "fetched_at": f"2026-03-{day:02d}T06:00:00Z",
    }


def test_incremental_dedup_matches_a_full_recompute(con):
    """Only the clusters of changed postings are compared again, yet the groups equal a full
    recompute: a copy that changes company leaves its old group, and the rest regroup."""
    from analytics.load import load_raw

    first = [
        _posting("greenhouse", "acme", "1", "Acme", "ML Engineer", 1),
        _posting("lever", "acme-ai", "a", "Acme AI", "Machine Learning Engineer", 1),
        _posting("jsonld", "acme.example", "x", "Acme Inc.", "ML Engineer", 1),
        _posting("greenhouse", "zenith", "9", "Zenith Labs", "Data Scientist", 1),
        _posting("lever", "zenith", "z", "Zenith", "Data Scientist", 1),
    ]
    load_raw(con, first, "20260301T060000Z-aaaaaa")
    groups = groups_of(con)
    assert len({groups[f"{p['source']}:{p['board']}:{p['source_id']}"] for p in first[:3]}) == 1
    assert groups["greenhouse:zenith:9"] == groups["lever:zenith:z"]

    moved = _posting("greenhouse", "acme", "1", "Borealis", "ML Engineer", 2)  # root leaves
    stats = load_raw(con, [moved], "20260302T060000Z-bbbbbb")
    assert stats.changed_ids == ("greenhouse:acme:1",)
    incremental = groups_of(con)
    assert incremental["greenhouse:acme:1"] == "greenhouse:acme:1"
    assert incremental["jsonld:acme.example:x"] == incremental["lever:acme-ai:a"]
    assert incremental["jsonld:acme.example:x"] != "greenhouse:acme:1"

    assign_dup_groups(con)  # full recompute changes nothing
    assert groups_of(con) == incremental


def test_dedup_compares_clusters_in_bounded_chunks(seeded):
    before = groups_of(seeded)
    seeded.execute("update postings_core set dup_group_id = posting_id")
    assert assign_dup_groups(seeded, chunk_rows=1) == 2  # the two extra ML sightings regroup
    assert groups_of(seeded) == before


def test_an_ambiguous_sighting_joins_the_same_group_whatever_the_row_order():
    """A short HN line matches two openings whose full descriptions disagree (cannot-link): it
    may join only one, and which one must not depend on the order rows were read in."""
    words = [" ".join(f"{stem}{i}" for i in range(200)) for stem in ("alpha", "omega")]
    df = pl.DataFrame(
        {
            "posting_id": ["lever:acme:1", "jsonld:acme.example:2", "hn:whoishiring:3"],
            "source": ["lever", "jsonld", "hn"],
            "board": ["acme", "acme.example", "whoishiring"],
            "company": ["Acme", "Acme", "Acme"],
            "title": ["Machine Learning Engineer"] * 3,
            "locations": [["London"], ["London"], ["London"]],
            "workplace_type": ["onsite"] * 3,
            "first_seen_at": [None, None, None],
            "description_text": [words[0], words[1], "ML engineer in London, apply"],
        }
    )
    forward = dict(dup_groups(df).iter_rows())
    backward = dict(dup_groups(df.reverse()).iter_rows())
    assert forward == backward
    assert forward["lever:acme:1"] != forward["jsonld:acme.example:2"]
    assert forward["hn:whoishiring:3"] in {
        forward["lever:acme:1"],
        forward["jsonld:acme.example:2"],
    }
