"""The typed posting record: the one contract between collect, extract and load stages."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

#: Source kinds a spider may emit; `Posting.source` is one of these.
SOURCE_KINDS = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "recruitee",
    "jsonld",
    "hn",
    "wwr",
    "remoteok",
)


@dataclass(kw_only=True, slots=True)
class Posting:
    """One job posting as a source published it; raw values travel next to normalised ones."""

    #: source kind, one of SOURCE_KINDS
    source: str
    #: board token / site slug / host the posting was listed on
    board: str
    #: stable id within (source, board)
    source_id: str
    #: canonical posting URL
    url: str | None = None
    #: application URL when the source gives one separately
    apply_url: str | None = None
    #: title, whitespace-stripped
    title: str = ""
    #: hiring company name as stated (or the board name when the source has none)
    company: str | None = None
    #: raw location strings, primary first
    locations: list[str] = field(default_factory=list)
    #: ISO 3166 alpha-2 codes, only when the source gives them
    country_codes: list[str] = field(default_factory=list)
    #: remote | hybrid | onsite | unknown
    workplace_type: str = "unknown"
    #: raw remote/workplace value as given
    workplace_raw: str | None = None
    #: employment type as given (FULL_TIME, Full-time, ...)
    employment_type: str | None = None
    #: company headquarters as the source states it (WWR "Headquarters:"), never a job location
    company_hq: str | None = None
    #: visa/sponsorship note as stated ("Visa sponsorship available"), never a job location
    visa_sponsorship: str | None = None
    #: department or team
    department: str | None = None
    #: ISO 8601 UTC timestamp ("2026-03-01T12:00:00Z") or None
    posted_at: str | None = None
    #: ISO 8601 UTC timestamp or None
    updated_at: str | None = None
    #: description as HTML (entity-unescaped)
    description_html: str | None = None
    #: description as plain text (derived from HTML when the source has none)
    description_text: str | None = None
    #: structured pay exactly as the source gave it (dict/list JSON), None when absent
    salary_raw: Any = None
    #: free-text pay line when the source has one ("$150K - $200K", "(Glassdoor est.)" ...)
    salary_text: str | None = None
    #: ISO 8601 UTC timestamp of the fetch
    fetched_at: str | None = None
    #: crawl run that fetched it
    run_id: str | None = None
    #: sha256 of the content fields (see compute_content_hash), set by the spider pipeline
    content_hash: str | None = None

    @property
    def posting_key(self) -> str:
        """Natural key of a posting: source, board and source id."""
        return posting_key(self.source, self.board, self.source_id)

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict; lists and structured pay are copied, strings shared.

        Why not dataclasses.asdict: its recursive deep copy was a tenth of a crawl's CPU
        (three conversions per posting on the way to the lake)."""
        out = {name: getattr(self, name) for name in _FIELD_NAMES}
        out["locations"] = list(self.locations)
        out["country_codes"] = list(self.country_codes)
        if self.salary_raw is not None:
            out["salary_raw"] = copy.deepcopy(self.salary_raw)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Posting:
        """Build from a lake row, ignoring unknown keys (older/newer lake files stay readable)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


_FIELD_NAMES = tuple(f.name for f in fields(Posting))


def posting_key(source: str, board: str, source_id: str) -> str:
    return f"{source}:{board}:{source_id}"


#: Fields whose change means the posting changed (a new version); fetch metadata is excluded.
CONTENT_FIELDS = (
    "title",
    "company",
    "locations",
    "workplace_type",
    "employment_type",
    "department",
    "description_html",
    "description_text",
    "salary_raw",
    "salary_text",
)
#: content fields added later: hashed only when set, so postings without them keep their hash
#: (a new field must not make every stored posting look changed)
OPTIONAL_CONTENT_FIELDS = ("company_hq", "visa_sponsorship")


def compute_content_hash(posting: Posting | dict[str, Any]) -> str:
    """Stable hash of the content fields, so unchanged postings are not re-extracted."""
    data = posting.to_dict() if isinstance(posting, Posting) else posting
    content = {k: data.get(k) for k in CONTENT_FIELDS}
    content.update({k: data[k] for k in OPTIONAL_CONTENT_FIELDS if data.get(k) is not None})
    payload = json.dumps(content, sort_keys=True, default=str)
    # surrogatepass: a lone surrogate in scraped text must not fail the hash (and the posting)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]
