"""A batch of input rows -> lake rows, column at a time (Polars), the same rows `rows.lake_row`
makes one at a time.

Why: per-row Python was ~6k rows/s; here each column is cleaned by one Polars expression, the
few functions that stay Python (dates, workplace words) run once per distinct value, and only
the content hash (the spiders' `compute_content_hash`, which must stay byte-identical) is per
row. tests/importers/test_frames.py checks both paths give the same lake rows.
"""

from __future__ import annotations

import io
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import polars as pl
import pyarrow as pa

from importers import IMPORT_SOURCE
from importers.fields import ColumnMap
from importers.rows import _NULLS, _timestamp, _workplace, url_id
from pipelines.records import CONTENT_FIELDS, compute_content_hash
from spiders.parsers.common import _MOJIBAKE, fix_mojibake

#: lake line columns, in the Posting's field order
LAKE_COLUMNS = (
    "source", "board", "source_id", "url", "apply_url", "title", "company", "locations",
    "country_codes", "workplace_type", "workplace_raw", "employment_type", "department",
    "posted_at", "updated_at", "description_html", "description_text", "salary_raw",
    "salary_text", "fetched_at", "run_id", "content_hash",
)  # fmt: skip
_MOJIBAKE_FIELDS = ("title", "company", "department", "description_html", "description_text",
                    "salary_text")  # fmt: skip
_NULL_WORDS = sorted(_NULLS - {""})


def _text(s: pl.Series | None, n: int) -> pl.Series:
    """Stripped strings; empty cells and null spellings ("nan", "None", "N/A") become null."""
    if s is None or s.dtype == pl.Null:
        return pl.Series([None] * n, dtype=pl.String)
    if s.dtype != pl.String:
        s = s.cast(pl.String, strict=False)
    s = s.str.strip_chars()
    blank = (s == "") | s.str.to_lowercase().is_in(_NULL_WORDS)
    return s.set(blank.fill_null(False), None)


def _each_distinct(s: pl.Series, fn: Callable[[Any], Any], dtype: pl.DataType) -> pl.Series:
    """fn applied once per distinct value (dates and words repeat: a file has few of each)."""
    mapping = {v: fn(v) for v in s.unique().to_list() if v is not None}
    if not mapping:
        return pl.Series([None] * len(s), dtype=dtype)
    return s.replace_strict(mapping, default=None, return_dtype=dtype)


def _unmangle(s: pl.Series) -> pl.Series:
    """fix_mojibake on the rows that look mangled (the spiders' normaliser does the same)."""
    hit = s.str.contains(_MOJIBAKE.pattern).fill_null(False)
    if not hit.any():
        return s
    idx = hit.arg_true()
    return s.scatter(idx, [fix_mojibake(v) for v in s.gather(idx).to_list()])


def _timestamps(s: pl.Series | None, n: int) -> pl.Series:
    if s is None:
        return pl.Series([None] * n, dtype=pl.String)
    if s.dtype == pl.Date:
        return s.dt.strftime("%Y-%m-%dT00:00:00Z")
    if isinstance(s.dtype, pl.Datetime):
        if s.dtype.time_zone is None:
            s = s.dt.replace_time_zone("UTC")
        return s.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if s.dtype == pl.String:
        s = _text(s, n)
    return _each_distinct(s, _timestamp, pl.String())


def _amount(s: pl.Series | None, n: int) -> pl.Series:
    if s is None:
        return pl.Series([None] * n, dtype=pl.Float64)
    if s.dtype.is_numeric():
        return s.cast(pl.Float64)
    text = _text(s, n).str.replace_all(",", "")
    return text.str.extract(r"(-?\d+(?:\.\d+)?)", 1).cast(pl.Float64)


def _workplace_columns(s: pl.Series | None, n: int) -> tuple[pl.Series, pl.Series]:
    """(workplace_type, workplace_raw): a remote flag says remote when true, nothing when false."""
    if s is None:
        return pl.Series(["unknown"] * n), pl.Series([None] * n, dtype=pl.String)
    if s.dtype == pl.Boolean:
        kind = pl.select(pl.when(s).then(pl.lit("remote")).otherwise(pl.lit("unknown"))).to_series()
        raw = pl.select(
            pl.when(s.is_null())
            .then(None)
            .otherwise(pl.lit("is_remote=") + s.cast(pl.String).str.to_titlecase())
        ).to_series()
        return kind, raw
    text = _text(s, n) if s.dtype == pl.String else s
    kind = _each_distinct(text, lambda v: _workplace(v)[0], pl.String()).fill_null("unknown")
    raw = _each_distinct(text, lambda v: _workplace(v)[1], pl.String())
    return kind, raw


def _places(s: pl.Series | None, n: int, codes: bool = False) -> pl.Series:
    """A list per row: the cell as one string (or a list cell as it is), empty when absent."""
    if s is None:
        return pl.repeat(pl.lit([], dtype=pl.List(pl.String)), n, eager=True)
    if isinstance(s.dtype, pl.List):
        s = s.cast(pl.List(pl.String)).list.eval(pl.element().str.strip_chars())
        s = s.list.eval(pl.element().filter(pl.element().is_not_null() & (pl.element() != "")))
        s = s.list.unique(maintain_order=True)
    else:
        one = _text(s, n)
        s = pl.select(
            pl.when(one.is_null())
            .then(pl.lit([], dtype=pl.List(pl.String)))
            .otherwise(pl.concat_list(one))
        ).to_series()
    if codes:
        return s.list.eval(
            pl.element().filter(pl.element().str.len_chars() == 2).str.to_uppercase()
        )
    hit = s.list.eval(pl.element().str.contains(_MOJIBAKE.pattern)).list.any().fill_null(False)
    if hit.any():
        flags, values = hit.to_list(), s.to_list()  # rare: rebuild the column in Python
        fixed = [
            [fix_mojibake(x) for x in v] if f else v for f, v in zip(flags, values, strict=True)
        ]
        s = pl.Series(fixed, dtype=pl.List(pl.String))
    return s


def lake_frame(
    batch: pa.RecordBatch | pl.DataFrame,
    cmap: ColumnMap,
    *,
    board: str,
    run_id: str,
    fetched_at: str,
) -> tuple[pl.DataFrame, list[tuple[int, str, str]]]:
    """(lake rows of the batch's good rows with their batch index in `_row`,
    [(row index in the batch, reason, board)] of the rejected ones)."""
    df = batch if isinstance(batch, pl.DataFrame) else pl.from_arrow(batch)
    assert isinstance(df, pl.DataFrame)
    n = df.height

    def col(target: str) -> pl.Series | None:
        name = cmap.targets.get(target)
        return df.get_column(name) if name else None

    site = _text(col("board"), n).str.to_lowercase().str.replace_all(r"[^a-z0-9]+", "_")
    site = site.str.strip_chars("_")
    boards = pl.select(
        pl.when(site.is_null() | (site == ""))
        .then(pl.lit(board))
        .otherwise(pl.lit(board + "/") + site)
    ).to_series()
    title = _text(col("title"), n).str.replace_all(r"\s+", " ").str.strip_chars()
    title = title.set((title == "").fill_null(False), None)
    url = _text(col("url"), n)
    source_id = _text(col("source_id"), n)
    keyless = (source_id.is_null() & url.is_not_null()).arg_true()
    if len(keyless):
        source_id = source_id.scatter(keyless, [url_id(u) for u in url.gather(keyless).to_list()])
    bad_title, bad_key = title.is_null(), source_id.is_null()
    rejects = [(int(i), "no title", boards[int(i)]) for i in bad_title.arg_true()]
    rejects += [(int(i), "no id or url", boards[int(i)]) for i in (bad_key & ~bad_title).arg_true()]
    work, work_raw = _workplace_columns(col("workplace_type"), n)
    lo, hi = _amount(col("salary_min"), n), _amount(col("salary_max"), n)
    pay = pl.select(
        pl.when((lo.is_null() | (lo == 0)) & (hi.is_null() | (hi == 0)))
        .then(None)
        .otherwise(
            pl.struct(
                min=lo,
                max=hi,
                currency=_text(col("salary_currency"), n).str.to_uppercase(),
                period=_text(col("salary_period"), n).str.to_lowercase(),
            )
        )
    ).to_series()
    out = pl.DataFrame(
        {
            "source": pl.Series([IMPORT_SOURCE] * n),
            "board": boards,
            "source_id": source_id,
            "url": url,
            "apply_url": _text(col("apply_url"), n),
            "title": title,
            "company": _text(col("company"), n),
            "locations": _places(col("locations"), n),
            "country_codes": _places(col("country_codes"), n, codes=True),
            "workplace_type": work,
            "workplace_raw": work_raw,
            "employment_type": _text(col("employment_type"), n),
            "department": _text(col("department"), n),
            "posted_at": _timestamps(col("posted_at"), n),
            "updated_at": _timestamps(col("updated_at"), n),
            "description_html": _text(col("description_html"), n),
            "description_text": _text(col("description_text"), n),
            "salary_raw": pay,
            "salary_text": _text(col("salary_text"), n),
            "fetched_at": pl.Series([fetched_at] * n),
            "run_id": pl.Series([run_id] * n),
        }
    )
    out = out.with_columns(_unmangle(out.get_column(c)).alias(c) for c in _MOJIBAKE_FIELDS)
    out = out.with_columns(_row=pl.int_range(0, n, dtype=pl.Int64)).filter(~(bad_title | bad_key))
    hashed = [c for c in CONTENT_FIELDS if c in out.columns]  # a field imports lack hashes as None
    hashes = [
        compute_content_hash(dict(zip(hashed, values, strict=True)))
        for values in out.select(hashed).iter_rows()
    ]
    out = out.with_columns(content_hash=pl.Series(hashes, dtype=pl.String))
    if cmap.extras:
        extra = df.select(cmap.extras).filter(~(bad_title | bad_key))
        out = out.with_columns(extra=extra.to_struct())
    return out, sorted(rejects)


def ndjson(frame: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.write_ndjson(buf)
    return buf.getvalue()


def _frame_job(
    batch: pa.RecordBatch, cmap: ColumnMap, options: dict[str, str]
) -> tuple[int, pl.DataFrame, list[tuple[int, str, str]]]:
    frame, rejects = lake_frame(batch, cmap, **options)  # type: ignore[arg-type]
    return batch.num_rows, frame, rejects


def lake_frames(
    batches: Iterable[pa.RecordBatch], cmap: ColumnMap, workers: int = 1, **options: str
) -> Iterator[tuple[int, pl.DataFrame, list[tuple[int, str, str]]]]:
    """(input rows, lake rows, rejects) per batch, in file order; with workers > 1 the batches
    are mapped by a process pool (a few batches in flight, so memory stays bounded)."""
    if workers <= 1:
        for batch in batches:
            yield _frame_job(batch, cmap, options)
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending: deque[Future[tuple[int, pl.DataFrame, list[tuple[int, str, str]]]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_frame_job, batch, cmap, options))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
