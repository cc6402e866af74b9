"""Fault injection for the replica: per-path-prefix rules that break responses on purpose.

Why: crawl robustness (retries, backoff, partial listings, size limits, loop detection) can only
be tested against a server that misbehaves in known, repeatable ways.

Kinds (FaultRule.kind):
  status        reply `status` (default 500) instead of the real answer
  rate_limit    reply 429 with `Retry-After: retry_after`
  delay         sleep `delay` seconds, then answer normally
  hang          never answer (the connection stays open until the server stops)
  truncate      cut the body to `fraction` of its length (broken JSON/XML)
  bad_utf8      splice invalid UTF-8 bytes (0xff 0xfe) into the body
  double_utf8   UTF-8 bytes re-encoded as if they were Latin-1 (mojibake: "Zürich" -> "ZÃ¼rich")
  huge          pad the body with whitespace to `size` bytes (still valid JSON)
  redirect_loop 302 to the same path with `?_loop=n+1`, forever
  endless       paged endpoints never end: totals are inflated and past-the-end pages repeat page 0
  duplicate_ids repeat the first two items of the page's job list at its end
  empty         the board answers with zero jobs (envelope kept)

`times` limits how many matching requests fire (None = every one: e.g. a permanent 500);
`after` lets that many matching requests through first (e.g. fail only page 3).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

FAULT_KINDS = (
    "status",
    "rate_limit",
    "delay",
    "hang",
    "truncate",
    "bad_utf8",
    "double_utf8",
    "huge",
    "redirect_loop",
    "endless",
    "duplicate_ids",
    "empty",
)
_LIST_KEYS = ("jobs", "content", "offers", "hits")
_TOTAL_KEYS = ("totalFound", "nbHits")


@dataclass(slots=True)
class FaultRule:
    """One fault on every request whose path (or path?query) starts with `prefix`."""

    prefix: str
    kind: str = "status"
    times: int | None = None
    after: int = 0
    status: int = 500
    retry_after: float = 1.0
    delay: float = 0.5
    fraction: float = 0.5
    size: int = 12_000_000
    #: matching requests seen so far (fired or not)
    seen: int = 0
    fired: int = 0

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; use one of {FAULT_KINDS}")

    def take(self, path: str, path_qs: str) -> bool:
        """True when this request should get the fault (and counts it)."""
        if not (path.startswith(self.prefix) or path_qs.startswith(self.prefix)):
            return False
        self.seen += 1
        if self.seen <= self.after or (self.times is not None and self.fired >= self.times):
            return False
        self.fired += 1
        return True


class FaultPlan:
    """Ordered fault rules; every rule that matches a request applies (delays first)."""

    def __init__(self, *rules: FaultRule) -> None:
        self.rules: list[FaultRule] = list(rules)

    def __repr__(self) -> str:
        return f"FaultPlan{tuple(self.rules)!r}"

    def add(self, rule: FaultRule) -> FaultPlan:
        self.rules.append(rule)
        return self

    def active(self, path: str, path_qs: str) -> list[FaultRule]:
        return [r for r in self.rules if r.take(path, path_qs)]

    # convenience constructors --------------------------------------------------------------
    @staticmethod
    def fail(prefix: str, times: int | None = 2, status: int = 503) -> FaultRule:
        return FaultRule(prefix, "status", times=times, status=status)

    @staticmethod
    def rate_limit(prefix: str, times: int = 1, retry_after: float = 1.0) -> FaultRule:
        return FaultRule(prefix, "rate_limit", times=times, retry_after=retry_after)

    @staticmethod
    def slow(prefix: str, delay: float, times: int | None = None) -> FaultRule:
        return FaultRule(prefix, "delay", times=times, delay=delay)

    @staticmethod
    def hang(prefix: str) -> FaultRule:
        return FaultRule(prefix, "hang")


def _job_list(doc: Any) -> list | None:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for k in _LIST_KEYS:
            if isinstance(doc.get(k), list):
                return doc[k]
    return None


def transform_json(body: bytes, kind: str, first_page: list | None = None) -> bytes:
    """empty / duplicate_ids / endless on a JSON body (unparseable bodies pass unchanged)."""
    try:
        doc = json.loads(body)
    except ValueError:
        return body
    items = _job_list(doc)
    if items is None:
        return body
    legal = [x for x in items[:1] if isinstance(x, dict) and "legal" in x]  # RemoteOK element 0
    jobs = items[len(legal) :]
    if kind == "empty":
        jobs = []
        if isinstance(doc, dict):
            doc.update({k: 0 for k in ("totalFound", "nbHits", "nbPages") if k in doc})
            if isinstance(doc.get("meta"), dict):
                doc["meta"]["total"] = 0
    elif kind == "duplicate_ids":
        jobs = jobs + [dict(x) for x in jobs[:2]]
    elif kind == "endless":
        if not jobs and first_page:
            jobs = list(first_page)
        if isinstance(doc, dict):
            doc.update({k: 10**6 for k in (*_TOTAL_KEYS, "nbPages") if k in doc})
    items[:] = legal + jobs
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def transform_text(body: bytes, kind: str) -> bytes:
    """empty / duplicate_ids for RSS, sitemaps and listing pages."""
    text = body.decode("utf-8")
    for pat in (r"    <item>.*?</item>\n", r"<url>.*?</url>\n", r"<li>.*?</li>\n"):
        found = re.findall(pat, text, re.S)
        if not found:
            continue
        if kind == "empty":
            text = re.sub(pat, "", text, flags=re.S)
        elif kind == "duplicate_ids":
            last = text.rfind(found[-1]) + len(found[-1])
            text = text[:last] + "".join(found[:2]) + text[last:]
        break
    return text.encode("utf-8")


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # 5 bytes cp1252 leaves undefined map to C1 controls, like browsers
        return chr(b)


_CP1252 = [_cp1252_char(b) for b in range(256)]


def damage(body: bytes, rule: FaultRule) -> bytes:
    """Byte-level faults: truncate, bad_utf8, double_utf8, huge."""
    if rule.kind == "truncate":
        return body[: max(1, int(len(body) * rule.fraction))]
    if rule.kind == "bad_utf8":  # inside a string value when there is one
        at = body.find(b'":"', len(body) // 2)
        at = at + 3 if at >= 0 else len(body) // 2
        return body[:at] + b"\xff\xfe\xc3(" + body[at:]
    if rule.kind == "double_utf8":
        return "".join(map(_CP1252.__getitem__, body)).encode("utf-8")
    if rule.kind == "huge":
        return body + b" " * max(0, rule.size - len(body))
    return body
