"""Lake/extraction records -> typed Polars frames, so loads go to DuckDB as Arrow in one insert."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import polars as pl

from pipelines.records import compute_content_hash

TS = pl.Datetime("us")
STR_LIST = pl.List(pl.String)

POSTING_SCHEMA: dict[str, pl.DataType] = {
    "posting_id": pl.String(),
    "content_hash": pl.String(),
    "run_id": pl.String(),
    "fetched_at": pl.String(),
    "source": pl.String(),
    "board": pl.String(),
    "source_id": pl.String(),
    "url": pl.String(),
    "apply_url": pl.String(),
    "title": pl.String(),
    "company": pl.String(),
    "locations": STR_LIST,
    "country_codes": STR_LIST,
    "workplace_type": pl.String(),
    "workplace_raw": pl.String(),
    "employment_type": pl.String(),
    "department": pl.String(),
    "posted_at": pl.String(),
    "updated_at": pl.String(),
    "description_html": pl.String(),
    "description_text": pl.String(),
    "salary_raw": pl.String(),
    "salary_text": pl.String(),
}


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)


def run_id_ts() -> pl.Expr:
    """The timestamp a run id starts with (`YYYYMMDDTHHMMSSZ-xxxxxx`), naive UTC; else null."""
    return (
        pl.col("run_id").str.slice(0, 16).str.to_datetime("%Y%m%dT%H%M%SZ", strict=False).cast(TS)
    )


def parse_ts(col: str) -> pl.Expr:
    """ISO 8601 strings (Z or offset) -> naive UTC timestamps; unparseable values become null."""
    return (
        pl.col(col)
        .str.to_datetime(time_zone="UTC", strict=False)
        .dt.replace_time_zone(None)
        .cast(TS)
    )


#: the lake's own timestamp shape (spiders.base.utc_now): parsed with a fixed format, ~20x
#: faster than format inference, which runs only when some value has another shape
LAKE_TS_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def parse_ts_columns(df: pl.DataFrame, cols: Iterable[str]) -> pl.DataFrame:
    """parse_ts on each column, taking the fixed-format fast path where every value fits it."""
    out: list[pl.Series | pl.Expr] = []
    for col in cols:
        values = df[col].cast(pl.String())
        fast = values.str.to_datetime(LAKE_TS_FORMAT, strict=False).cast(TS)
        misses = (fast.is_null() & values.is_not_null()).sum()
        out.append(fast if not misses else parse_ts(col))
    return df.with_columns(out)


def _compact_json(value: Any) -> str:
    """JSON text as DuckDB's reader re-serialises it (key order kept, no spaces), so a posting
    loaded from dicts and from the columnar lake reader stores the same salary_raw."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def _record_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """The per-record work a dict needs before it is a frame row: keys as strings, a content
    hash when the record carries none (hashed as given), nested salary_raw as JSON text."""
    row = {k: rec.get(k) for k in POSTING_SCHEMA}
    if not row["content_hash"]:
        row["content_hash"] = compute_content_hash(dict(rec))
    sal = row["salary_raw"]
    row["salary_raw"] = sal if isinstance(sal, str) or sal is None else _compact_json(sal)
    for key in ("locations", "country_codes"):
        value = row[key]
        # a source that gives one place as a string ("Remote") gives a list of one, not of letters
        row[key] = [value] if isinstance(value, str) else list(value or [])
    for key in ("source", "board", "source_id"):
        row[key] = str(rec[key])
    return row


def _conform(df: pl.DataFrame) -> pl.DataFrame:
    """A frame with the lake columns in POSTING_SCHEMA order and types (missing ones as nulls)."""
    cols = []
    for name, dtype in POSTING_SCHEMA.items():
        if name == "salary_raw" and name in df.columns:
            cols.append(_json_text(name, df.schema[name]))
        elif name in df.columns and dtype == STR_LIST and df.schema[name] == pl.String():
            cols.append(_one_item_list(name))  # one place written as a string: a list of one
        elif name in df.columns:
            cols.append(pl.col(name).cast(dtype, strict=False))
        else:
            cols.append(pl.lit(None, dtype=dtype).alias(name))
    return df.select(cols)


def _one_item_list(name: str) -> pl.Expr:
    col = pl.col(name)
    return (
        pl.when(col.is_null())
        .then(pl.lit(None, dtype=STR_LIST))
        .otherwise(pl.concat_list([col]))
        .alias(name)
    )


def _json_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """A nested column (a source's salary structure) as JSON text, as the dict path stores it."""
    if isinstance(dtype, pl.Struct):
        return pl.col(name).struct.json_encode()
    if dtype in (pl.String(), pl.Null()):
        return pl.col(name).cast(pl.String())
    return pl.col(name).map_elements(_compact_json, return_dtype=pl.String())


def fill_content_hash(df: pl.DataFrame) -> pl.DataFrame:
    """Hash the (rare) frame rows that arrive without a content hash, as the spiders would."""
    missing = df["content_hash"].is_null()
    if not missing.any():
        return df
    hashes = []
    for row in df.filter(missing).to_dicts():
        sal = row.get("salary_raw")
        if isinstance(sal, str):
            try:
                row["salary_raw"] = json.loads(sal)
            except json.JSONDecodeError:
                pass
        hashes.append(compute_content_hash(row))
    filled = df["content_hash"].scatter(missing.arg_true(), hashes)
    return df.with_columns(content_hash=filled)


def postings_frame(
    postings: Iterable[Mapping[str, Any]] | pl.DataFrame, run_id: str | None
) -> pl.DataFrame:
    """Typed frame of lake rows with posting_id, content_hash and seen_at (fetch time, else run time).

    A frame (the lake read columnar, see analytics.lake_read) is conformed with expressions only;
    dicts pay one small per-record step first. Rows without source, board or source id are dropped.
    """
    if isinstance(postings, pl.DataFrame):
        df = _conform(postings)
    else:
        rows = [_record_row(r) for r in postings]
        df = (
            pl.DataFrame(rows, schema=POSTING_SCHEMA)
            if rows
            else pl.DataFrame(schema=POSTING_SCHEMA)
        )
    keys = ("source", "board", "source_id")
    df = df.filter(pl.all_horizontal(pl.col(k).is_not_null() for k in keys))
    df = fill_content_hash(df).with_columns(
        posting_id=pl.coalesce(
            pl.col("posting_id"), pl.concat_str([pl.col(k) for k in keys], separator=":")
        ),
        run_id=pl.coalesce(pl.col("run_id"), pl.lit(run_id, dtype=pl.String())),
        locations=pl.col("locations").fill_null([]),
        country_codes=pl.col("country_codes").fill_null([]),
    )
    return parse_ts_columns(df, ("fetched_at", "posted_at", "updated_at")).with_columns(
        seen_at=pl.coalesce(pl.col("fetched_at"), run_id_ts(), pl.lit(_now())),
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def extraction_frames(extractions: Iterable[Mapping[str, Any]]) -> dict[str, pl.DataFrame]:
    """extractions / skill mentions / salaries frames from extract_record() dicts (last one wins)."""
    by_id: dict[str, Mapping[str, Any]] = {}
    for ext in extractions:
        pid = ext.get("posting_id") or ext.get("posting_key")
        if pid:
            by_id[str(pid)] = ext
    now = _now()
    ext_rows, skill_rows, salary_rows = [], [], []
    for pid, ext in by_id.items():
        skills = list(ext.get("skills") or [])
        ext_rows.append(
            {
                "posting_id": pid,
                "content_hash": ext.get("content_hash"),
                "taxonomy_version": _str(ext.get("taxonomy_version")),
                "role": ext.get("role"),
                "role_confidence": _float(ext.get("role_confidence")),
                "role_provenance": ext.get("role_provenance"),
                "seniority": ext.get("seniority"),
                "seniority_confidence": _float(ext.get("seniority_confidence")),
                "seniority_provenance": ext.get("seniority_provenance"),
                "country_code": ext.get("country_code"),
                "country_provenance": ext.get("country_provenance"),
                "skill_count": len(skills),
                "extracted_at": now,
            }
        )
        for s in skills:
            skill_rows.append(
                {
                    "posting_id": pid,
                    "skill_slug": s.get("slug"),
                    "matched_text": s.get("text"),
                    "start_char": s.get("start"),
                    "end_char": s.get("end"),
                    "section": s.get("section"),
                    "sentence": _str(s.get("sentence")),
                    # asked-for vs only mentioned (None when the extractor does not say)
                    "asked": _bool(s.get("asked")),
                    "asked_reason": _str(s.get("asked_reason")),
                    "content_hash": ext.get("content_hash"),
                    "taxonomy_version": _str(ext.get("taxonomy_version")),
                }
            )
        sal = ext.get("salary")
        if sal:
            salary_rows.append(_salary_row(pid, ext.get("content_hash"), sal))
    return {
        "extractions": pl.DataFrame(ext_rows, schema=EXTRACTION_SCHEMA),
        "skill_mentions": pl.DataFrame(skill_rows, schema=MENTION_SCHEMA).unique(
            ["posting_id", "skill_slug", "start_char"], keep="first", maintain_order=True
        ),
        "salaries": pl.DataFrame(salary_rows, schema=SALARY_SCHEMA),
    }


def _salary_row(pid: str, content_hash: str | None, sal: Mapping[str, Any]) -> dict[str, Any]:
    source = sal.get("source")
    return {
        "posting_id": pid,
        "content_hash": content_hash,
        "min_amount": _float(sal.get("min")),
        "max_amount": _float(sal.get("max")),
        "currency": sal.get("currency"),
        "period": sal.get("period"),
        "period_inferred": sal.get("period_inferred"),
        "annual_min_usd": _float(sal.get("annual_min_usd")),
        "annual_max_usd": _float(sal.get("annual_max_usd")),
        "source": source,
        "is_estimate": bool(sal.get("is_estimate", source == "estimate")),
        "raw_text": _str(sal.get("raw")),
        "fx_rate": _float(sal.get("fx_rate")),
        "fx_rate_date": _str(sal.get("fx_rate_date")),
        "annualisation": _json(sal.get("annualisation")),
        "flags": [str(f) for f in sal.get("flags") or []],
        "other_amounts": _json(sal.get("other_amounts")),
    }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


EXTRACTION_SCHEMA: dict[str, pl.DataType] = {
    "posting_id": pl.String(),
    "content_hash": pl.String(),
    "taxonomy_version": pl.String(),
    "role": pl.String(),
    "role_confidence": pl.Float64(),
    "role_provenance": pl.String(),
    "seniority": pl.String(),
    "seniority_confidence": pl.Float64(),
    "seniority_provenance": pl.String(),
    "country_code": pl.String(),
    "country_provenance": pl.String(),
    "skill_count": pl.Int32(),
    "extracted_at": TS,
}
MENTION_SCHEMA: dict[str, pl.DataType] = {
    "posting_id": pl.String(),
    "skill_slug": pl.String(),
    "matched_text": pl.String(),
    "start_char": pl.Int32(),
    "end_char": pl.Int32(),
    "section": pl.String(),
    "sentence": pl.String(),
    "asked": pl.Boolean(),
    "asked_reason": pl.String(),
    "content_hash": pl.String(),
    "taxonomy_version": pl.String(),
}
SALARY_SCHEMA: dict[str, pl.DataType] = {
    "posting_id": pl.String(),
    "content_hash": pl.String(),
    "min_amount": pl.Float64(),
    "max_amount": pl.Float64(),
    "currency": pl.String(),
    "period": pl.String(),
    "period_inferred": pl.Boolean(),
    "annual_min_usd": pl.Float64(),
    "annual_max_usd": pl.Float64(),
    "source": pl.String(),
    "is_estimate": pl.Boolean(),
    "raw_text": pl.String(),
    "fx_rate": pl.Float64(),
    "fx_rate_date": pl.String(),
    "annualisation": pl.String(),
    "flags": STR_LIST,
    "other_amounts": pl.String(),
}
