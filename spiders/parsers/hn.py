"""Hacker News "Who is hiring?" via Algolia: thread discovery and comment -> one Posting per role."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import clean_str, finish, iso_utc, unique

THREAD_PREFIX = "Ask HN: Who is hiring? ("
ITEM_URL = "https://news.ycombinator.com/item?id={}"
_ROLE = re.compile(
    r"\b(engineer|engineers|developer|developers|scientist|researcher|architect|designer|manager|"
    r"lead|head of|director|analyst|swe|sre|devops|intern|internship|cto|vp|specialist|"
    r"consultant|administrator|recruiter|founding)\b",
    re.I,
)
_PAY = re.compile(r"([$€£]\s?\d|\d\s?[kK]\b|\d{2,3}[,.]\d{3}|\bUSD\b|\bEUR\b|\bGBP\b)")
_EMPLOYMENT = re.compile(
    r"\b(full[- ]?time|part[- ]?time|contract(or)?|freelance|internship|intern)\b", re.I
)
_WORK = re.compile(r"\b(remote|onsite|on-site|on site|in[- ]office|hybrid)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+(.*)$")
#: "Roles: a, b" / "Hiring for a, b": a colon is required after roles/positions/openings, or
#: "Positions are remote-friendly" would become a role
_LIST_HEAD = re.compile(
    r"^\s*(?:(?:roles?|positions?|openings?)\s*:|(?:hiring for|we(?:'re| are) hiring)\b\s*:?)\s*(.*)$",
    re.I,
)


def find_hiring_threads(payload: dict[str, Any], limit: int = 1) -> list[dict[str, Any]]:
    """Newest 'Who is hiring?' stories of a search_by_date page (not 'wants to be hired')."""
    hits = [
        h
        for h in payload.get("hits") or []
        if isinstance(h, dict) and str(h.get("title") or "").startswith(THREAD_PREFIX)
    ]
    hits.sort(key=lambda h: h.get("created_at_i") or 0, reverse=True)
    return [
        {"id": str(h.get("objectID") or h.get("story_id")), "title": h["title"]}
        for h in hits[:limit]
    ]


def _plain(fragment: str) -> str:
    text = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(html_lib.unescape(text).split())


def _paragraphs(text_html: str) -> list[str]:
    """Paragraph/line texts; HN separates paragraphs with <p> and rarely uses <br> or newlines."""
    chunks = re.split(r"<p>|</p>|<br\s*/?>|\n", text_html)
    return [p for p in (_plain(c) for c in chunks) if p]


def _field_roles(field: str) -> list[str]:
    """Roles of one header field: comma/semicolon parts with a role word; a part without one
    qualifies the role before it ("Research Scientist, Language Models")."""
    roles: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]", field)):
        if not part:
            continue
        if _ROLE.search(part) or not roles:
            roles.append(part)
        else:
            roles[-1] = f"{roles[-1]}, {part}"
    return roles


def split_roles(header_fields: list[str], body: list[str]) -> list[str]:
    """Role titles of a comment: the role field of the header (a comma list means several),
    else bullet lines or a 'Roles: a, b' line in the body."""
    role_fields = [f for f in header_fields[1:] if _ROLE.search(f) and "http" not in f.lower()]
    field_roles = _field_roles(role_fields[0]) if role_fields else []
    if len(field_roles) > 1:
        return unique(field_roles)
    body_roles: list[str] = []
    for line in body:
        bullet = _BULLET.match(line)
        head = _LIST_HEAD.match(line)
        if bullet and _ROLE.search(bullet.group(1)) and len(bullet.group(1)) <= 90:
            body_roles.append(re.split(r"\s+[-–—]\s+|:\s+", bullet.group(1))[0].strip())
        elif head and head.group(1) and len(head.group(1)) <= 200:
            body_roles.extend(_field_roles(head.group(1)))
    if len(body_roles) > 1 or (body_roles and not field_roles):
        return unique(body_roles)
    return field_roles


_ROLE_PAY = re.compile(r"\b(?:pay|salary|compensation)\b\s*:?\s*(.+?)(?:\.\s|\.?$)", re.I)


def _role_pay(role: str, body: list[str]) -> str | None:
    """Pay stated in the role's own paragraph ("ML Engineer: ... Pay: $150k-$180k.")."""
    for line in body:
        if line.lower().startswith(role.lower()):
            m = _ROLE_PAY.search(line)
            if m and _PAY.search(m.group(1)):
                return m.group(1).strip()
    return None


def parse_hn_comment(
    comment: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """One top-level comment (Algolia items child or search hit) -> one Posting per role.
    The whole comment stays the description of each role."""
    text_html = comment.get("text") or comment.get("comment_text")
    cid = comment.get("id") or comment.get("objectID")
    if isinstance(cid, str):
        cid = cid.strip()
    valid_id = isinstance(cid, int | str) and not isinstance(cid, bool) and str(cid) != ""
    if not isinstance(text_html, str) or not text_html or not valid_id:
        return []  # no text or no usable id (a malformed hit): nothing we could key
    if comment.get("deleted") or comment.get("dead"):
        return []
    paras = _paragraphs(text_html)
    fields = [f.strip() for f in paras[0].split("|")] if paras else []
    fields = [f for f in fields if f]
    if len(fields) < 2:  # not in the "Company | Role | ..." convention: not a posting we can key
        return []
    roles = split_roles(fields, paras[1:]) or [""]
    work_raw = next((f for f in fields[1:] if _WORK.search(f)), None)
    pay = next((f for f in fields[1:] if _PAY.search(f) and not f.lower().startswith("http")), None)
    emp = next((f for f in fields[1:] if _EMPLOYMENT.fullmatch(f.strip())), None)
    emp = emp or next((m.group(0) for f in fields[1:] for m in [_EMPLOYMENT.search(f)] if m), None)
    locations = [
        f
        for f in fields[1:]
        if not _ROLE.search(f)
        and not _PAY.search(f)
        and "http" not in f.lower()
        and "." not in f.split()[0]
        and not _EMPLOYMENT.fullmatch(f)
        and f.strip().upper() not in ("REMOTE", "ONSITE", "HYBRID")
    ]
    out = []
    for n, role in enumerate(roles, start=1):
        out.append(
            finish(
                Posting(
                    source="hn",
                    board=board,
                    source_id=str(cid) if len(roles) == 1 else f"{cid}-{n}",
                    url=ITEM_URL.format(cid),
                    title=role,
                    company=fields[0],
                    locations=unique(locations),
                    workplace_type=_workplace(work_raw),
                    workplace_raw=work_raw,
                    employment_type=clean_str(emp),
                    posted_at=iso_utc(comment.get("created_at") or comment.get("created_at_i")),
                    description_html=text_html,
                    salary_text=(_role_pay(role, paras[1:]) if len(roles) > 1 else None) or pay,
                    fetched_at=fetched_at,
                )
            )
        )
    return out


def _workplace(raw: str | None) -> str:
    if not raw:
        return "unknown"
    words = {m.lower().replace("-", "").replace(" ", "") for m in _WORK.findall(raw)}
    if "hybrid" in words:
        return "hybrid"
    remote = "remote" in words
    onsite = bool(words & {"onsite", "inoffice"})
    if remote and onsite:
        return "unknown"  # "On-site & Remote": both offered; no single value is true
    return "remote" if remote else "onsite" if onsite else "unknown"


def parse_hn_thread(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """Algolia `/items/{story}` tree: top-level children only (replies are discussion)."""
    out: list[Posting] = []
    for child in payload.get("children") or []:
        if isinstance(child, dict):
            out.extend(parse_hn_comment(child, board=board, fetched_at=fetched_at))
    return out
