"""Role titles of a "Who is hiring?" comment: the header's role fields, else the roles its
body lists (bullets, an "Open roles:" line, a run of title-only lines, "We're hiring a ...").
One title per posting: spiders/parsers/hn.py makes a posting of each."""

from __future__ import annotations

import re

from spiders.parsers.common import unique
from spiders.parsers.hn_header import (
    ROLE,
    ROLE_PLACEHOLDER,
    ROLE_WORDS,
    ROLE_WORK_TAIL,
    Header,
    classify,
)

_BULLET = re.compile(r"^\s*(?:[-*•·▪►→]|\d+[.)])\s+(.*)$")
#: "Open roles: a, b" / "Hiring for a, b" / "We're hiring:" (a list follows on the next lines):
#: a colon is required after roles/positions/openings, or "Positions are remote-friendly" would
#: become a role; `prose` marks the heads that go on as a sentence ("We're hiring a ...")
_LIST_HEAD = re.compile(
    r"^\s*(?:(?:(?:open|current|available)\s+)?(?:roles?|positions?|openings?|jobs?)\s*:|"
    r"(?P<prose>(?:we(?:'re| are)\s+)?(?:hiring|looking)\s+for|we(?:'re| are) hiring)\b\s*:?)"
    r"\s*(?P<rest>.*)$",
    re.I,
)
_ROLE_CUT = re.compile(r"\s+[-–—]\s+|:\s+|\s+https?://|\s*\((?:https?://|www\.)")
#: words that name a job without naming which one ("Role", "Open positions")
_GENERIC_ROLE = re.compile(r"(?i)\b(?:roles?|positions?|openings?)\b")
#: field kinds that a role line's parenthesis or comma tail drops from the title
_NOT_TITLE = ("pay", "work", "url", "location", "employment")
#: "a/an <title>" opening prose: the title ends at its last role word before the clause goes on
#: ("a Senior ML Engineer (remote) to build our platform" -> "Senior ML Engineer (remote)"); read
#: only after "We're hiring" / "Looking for", where the roles are written in a sentence
_ARTICLE_ROLE = re.compile(
    rf"^an?\s+(?P<role>(?:[^\s()]+\s+){{0,6}}?(?i:{ROLE_WORDS})\b(?:\s*\([^()]*\))?)"
    rf"(?=\s+(?i:to|who|that|with|for|in|at|on|and|which|whose)\b|\s*$)"
)


def _field_roles(field: str) -> list[str]:
    """Roles of one role field: comma/semicolon/"and"/"&"/" / " parts with a role word; a part
    without one qualifies the role before it ("Research Scientist, Language Models") and
    "Frontend / Backend Engineer" stays one role."""
    roles: list[str] = []
    for part in (p.strip(" .") for p in re.split(r"[,;]|\s+(?:and|&)\s+|\s+/\s+", field)):
        if not part:
            continue
        if ROLE.search(part) or not roles:
            roles.append(part)
        else:
            joiner = ", " if re.search(rf"{re.escape(roles[-1])}\s*,", field) else " / "
            roles[-1] = f"{roles[-1]}{joiner}{part}"
    return roles


def _role_line(line: str, prose: bool = False) -> str | None:
    """The role title of one list line ("- Senior Engineer - Payments: https://..." ->
    "Senior Engineer"); None when the line is prose, not a title. `prose`: the roles follow
    "We're hiring" in a sentence ("a Senior Engineer to build ...")."""
    bullet = _BULLET.match(line)
    text = bullet.group(1) if bullet else line
    text = _ROLE_CUT.split(text, maxsplit=1)[0].strip(" .,;")
    tail = ROLE_WORK_TAIL.match(text)
    if tail and tail.group("comma") and classify(tail.group("comma")) in _NOT_TITLE:
        text = tail.group("role").strip()  # "Data Engineer, onsite": the work mode is no title
    article = _ARTICLE_ROLE.match(text) if prose else None
    if article:
        text = article.group("role")
    text = re.sub(
        r"\s*\(([^)]*)\)",
        lambda m: "" if classify(m.group(1)) in _NOT_TITLE else m.group(0),
        text,
    ).strip()
    words = text.split()
    if not ROLE.search(_GENERIC_ROLE.sub(" ", text)) or not 1 <= len(words) <= 9:
        return None  # no role noun but "role(s)", "position(s)", "opening(s)": no title
    if text.endswith("?"):
        return None
    if ROLE_PLACEHOLDER.match(text) or re.match(r"(?i)^(we|our|you|i|if|the|this|join)\b", text):
        return None
    return text


def body_roles(body: list[str]) -> list[str]:
    """Roles listed in the body: bullet lines, an "Open roles:" line (inline list or lines
    below it), or short title-only lines in a run of two or more (roles on separate lines)."""
    roles: list[str] = []
    run: list[str] = []
    in_list = False
    for line in body:
        head = _LIST_HEAD.match(line)
        if head:
            in_list = True
            rest, prose = head.group("rest"), head.group("prose") is not None
            if rest and len(rest) <= 200:
                roles.extend(r for r in (_role_line(x, prose) for x in _field_roles(rest)) if r)
            continue
        role = _role_line(line)
        short_line = role is not None and len(line) <= 90 and not line.rstrip().endswith(".")
        if role and (_BULLET.match(line) or in_list):
            roles.append(role)
            continue
        if short_line:
            run.append(role)  # type: ignore[arg-type]
            continue
        if len(run) >= 2:
            roles.extend(run)
        run = []
        in_list = False
    if len(run) >= 2:
        roles.extend(run)
    return unique(roles)


def split_roles(head: Header, body: list[str]) -> list[str]:
    """Role titles of a comment: the header's role fields (a list in one field or several
    role fields mean several), else the roles listed in the body; the body wins when it lists
    more than the header names (the header then names a team or "Multiple roles")."""
    field_roles = unique(r for f in head.roles for r in _field_roles(f))
    listed = body_roles(body)
    if len(listed) > 1 and len(field_roles) <= 1 or (listed and not field_roles):
        return listed
    return field_roles
