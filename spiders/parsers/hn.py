"""Hacker News "Who is hiring?" via Algolia: thread discovery and comment -> one Posting per role."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import finish, iso_utc, note_ignored, note_skipped, unique
from spiders.parsers.hn_header import PAY, WORK, parse_header
from spiders.parsers.hn_roles import split_roles

THREAD_PREFIX = "Ask HN: Who is hiring? ("
ITEM_URL = "https://news.ycombinator.com/item?id={}"


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


_ROLE_PAY = re.compile(r"\b(?:pay|salary|compensation)\b\s*:?\s*(.+?)(?:\.\s|\.?$)", re.I)


def _role_pay(role: str, body: list[str]) -> str | None:
    """Pay stated in the role's own paragraph ("ML Engineer: ... Pay: $150k-$180k.")."""
    for line in body:
        if line.lower().lstrip("-*• ").startswith(role.lower()):
            m = _ROLE_PAY.search(line)
            if m and PAY.search(m.group(1)):
                return m.group(1).strip()
    return None


def _ident(comment: dict[str, Any]) -> str | None:
    cid = comment.get("id") if comment.get("id") is not None else comment.get("objectID")
    if isinstance(cid, bool) or not isinstance(cid, int | str):
        return None
    return str(cid).strip() or None


def _is_reply(comment: dict[str, Any]) -> bool:
    """A search hit answering another comment (parent is not the story) is discussion."""
    parent, story = comment.get("parent_id"), comment.get("story_id")
    return parent is not None and story is not None and str(parent) != str(story)


def parse_hn_comment(
    comment: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """One top-level comment (Algolia items child or search hit) -> one Posting per role.
    The whole comment stays the description of each role. Replies, deleted comments and
    comments without a header are not postings (counted as ignored); a header without any
    role is a posting we cannot name (counted as skipped)."""
    text_html = comment.get("text") or comment.get("comment_text")
    cid = _ident(comment)
    if comment.get("deleted") or comment.get("dead"):
        note_ignored("deleted or dead comment")
        return []
    if _is_reply(comment):
        note_ignored("reply")
        return []
    if cid is None:
        note_skipped("no id", "HN comment without a usable id")
        return []
    if not isinstance(text_html, str) or not text_html.strip():
        note_ignored("empty comment")
        return []
    paras = _paragraphs(text_html)
    head = parse_header(paras[0]) if paras else None
    if head is None or head.separator is None and not head.roles:
        note_ignored("no posting header")  # discussion or a question at the top level
        return []
    roles = split_roles(head, paras[1:])
    if not roles:
        note_skipped("no role", f"HN comment {cid}: header {paras[0][:80]!r}")
        return []
    work_raw = "; ".join(head.work) or None
    pay = "; ".join(head.pay) or None
    locations = head.locations + [o for o in head.other if _place_shaped(o)]
    out = []
    for n, role in enumerate(roles, start=1):
        out.append(
            finish(
                Posting(
                    source="hn",
                    board=board,
                    source_id=cid if len(roles) == 1 else f"{cid}-{n}",
                    url=ITEM_URL.format(cid),
                    title=role,
                    company=head.company,
                    locations=unique(locations),
                    workplace_type=_workplace(work_raw),
                    workplace_raw=work_raw,
                    employment_type="; ".join(unique(head.employment)) or None,
                    visa_sponsorship="; ".join(head.visa) or None,
                    posted_at=iso_utc(comment.get("created_at") or comment.get("created_at_i")),
                    description_html=text_html,
                    salary_text=(_role_pay(role, paras[1:]) if len(roles) > 1 else None) or pay,
                    fetched_at=fetched_at,
                )
            )
        )
    return out


#: a header field that announces the hiring ("Hiring", "We're hiring", "Now hiring"): no place
_HIRING_FIELD = re.compile(r"(?i)^\s*(?:now\s+|we(?:'re|\s+are)\s+|is\s+)?hiring\b")


def _place_shaped(text: str) -> bool:
    """An unclassified header field after the company that is shaped like a place name
    ("Tallinn", "Cluj-Napoca, RO"): capitalised words, no digits, at most four words, not a
    hiring announcement ("Hiring"). This is the header convention's location slot, not a
    gazetteer match."""
    words = text.replace(",", " ").split()
    return (
        not _HIRING_FIELD.match(text)
        and 1 <= len(words) <= 4
        and not any(ch.isdigit() for ch in text)
        and all(w[0].isupper() or w.lower() in ("of", "de", "am", "la") for w in words)
    )


def _workplace(raw: str | None) -> str:
    if not raw:
        return "unknown"
    words = {m.lower().replace("-", "").replace(" ", "") for m in WORK.findall(raw)}
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
    if not isinstance(payload, dict) or not isinstance(payload.get("children", []), list):
        raise ValueError("HN thread: expected an object with a 'children' list")
    out: list[Posting] = []
    for child in payload.get("children") or []:
        if not isinstance(child, dict):
            note_skipped("unreadable item", f"HN child of type {type(child).__name__}")
            continue
        replies = _count_replies(child)
        if replies:
            note_ignored("reply", replies)
        try:
            out.extend(parse_hn_comment(child, board=board, fetched_at=fetched_at))
        except Exception as exc:  # noqa: BLE001 - one unreadable comment, not the thread
            note_skipped("unreadable item", f"HN comment {child.get('id')!r}: {exc!r}"[:200])
    return out


def _count_replies(comment: dict[str, Any]) -> int:
    kids = comment.get("children") or []
    if not isinstance(kids, list):
        return 0
    return sum(1 + _count_replies(k) for k in kids if isinstance(k, dict))
