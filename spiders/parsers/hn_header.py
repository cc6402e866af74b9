"""The header line of a "Who is hiring?" comment: split on whatever separator the poster used,
then classify each field (company, role, location, work mode, employment type, pay, visa, URL).

Why a typed classifier and not position rules: posters follow the `Company | Role | Location |
...` convention loosely (dashes, slashes, bullets, any order), so each field is judged by what it
says, and a field that says two things ("Remote (US)", "Hybrid - London") gives each part to its
own field instead of pushing non-place text into `locations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.geo import countries_in

ROLE_WORDS = (
    r"engineers?|developers?|devs?|scientists?|researchers?|architects?|designers?|managers?|"
    r"leads?|head of|directors?|analysts?|swes?|sres?|devops|mlops|interns?|internships?|cto|"
    r"vp|specialists?|consultants?|administrators?|recruiters?|founding|programmers?|"
    r"technicians?|writers?|marketers?|product owner|scrum master|accountant|counsel|"
    r"strategist|coordinator|representative|executive|associate|officer|partner|hacker|"
    r"generalist|staff|principal|roles?|positions?|openings?"
)
ROLE = re.compile(rf"\b(?:{ROLE_WORDS})\b", re.I)
#: "Multiple roles", "Various positions": the roles are listed in the body
ROLE_PLACEHOLDER = re.compile(
    r"^\s*(?:multiple|various|several|many|all|open|\d+|many open)\s+"
    r"(?:engineering\s+|technical\s+|tech\s+)?(?:roles|positions|openings|jobs)\b.*$",
    re.I,
)
#: amounts: a currency with a number, "150k", "120,000", a currency code
PAY_AMOUNT = re.compile(
    r"[$€£¥₹]\s?\d|\d\s?[kK]\b|\d{2,3}[,.]\d{3}|\b(?:USD|EUR|GBP|CHF|CAD|AUD|SEK|INR)\b"
)
PAY = re.compile(rf"{PAY_AMOUNT.pattern}|\bsalary\b|\bequity\b|\bcompensation\b")
#: time zones and overlap wording in a work-mode field: constraints, not places
TIME_ZONE = re.compile(
    r"\b(?:PT|ET|CT|MT|PST|PDT|EST|EDT|CST|CDT|MST|MDT|CET|CEST|EET|WET|BST|GMT|UTC|AEST|AEDT|"
    r"JST|SGT)(?:\s*[+-]\s*\d{1,2})?\b|\b(?:time ?zones?|timezones?|hours|overlap|within|"
    r"\d+\s*h(?:ours?|rs?)?)\b"
)
VISA = re.compile(r"\bvisas?\b|\bsponsor(?:ship|s|ing)?\b|\bh-?1b\b|\brelocation\b", re.I)
EMPLOYMENT = re.compile(
    r"\b(?:full[- ]?time|part[- ]?time|contract(?:or|ors)?|freelance|internships?|interns?|"
    r"permanent|temporary|temp|fractional|co-?op)\b|^\s*(?:FT|PT)\s*$",
    re.I,
)
#: the work modes a header names ("onsite", "on-site" and "on site" alike)
WORK_MODES = r"remote|hybrid|on[- ]?site|in[- ]office|in[- ]person"
WORK = re.compile(rf"\b(?:{WORK_MODES})\b", re.I)
#: a title that names its work mode before the role noun: "Remote Engineer", "Hybrid ML Engineer",
#: "100% Remote Backend Engineer" (a role)
WORK_TITLE = re.compile(
    rf"^\s*(?:[\w%+#.-]+\s+){{0,3}}?(?P<work>{WORK_MODES})"
    rf"(?:-(?:friendly|first|ok|only))?\s+"
    rf"(?:[^\W\d_][\w+#.-]*\s+){{0,4}}?(?:{ROLE_WORDS})\b",
    re.I,
)
#: a job title, perhaps qualified by a visa word ("VISA Engineer", "Relocation Specialist"): a
#: role noun ends it, and no word before it phrases an offer ("Visa sponsorship for engineers")
VISA_WORD_TITLE = re.compile(
    r"^\s*(?:(?!(?:for|to|of|with|no|not|available|offered|provided|possible)\b)[\w+#.&/-]+\s+)"
    rf"{{0,4}}?(?:{ROLE_WORDS})\s*$",
    re.I,
)
#: a title that ends with its work mode in parentheses or after a comma: "Senior Engineer
#: (ONSITE)", "Staff ML Engineer (Remote, US)", "ML Engineer, onsite": the role and a work field
ROLE_WORK_TAIL = re.compile(
    rf"^(?P<role>[^(),]*\b(?:{ROLE_WORDS})\b[^(),]*?)\s*"
    rf"(?:\((?P<paren>[^()]*)\)|,\s*(?P<comma>[^(),]+))\s*$",
    re.I,
)
URL = re.compile(r"https?://\S+|\bwww\.\S+|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)
REGION = re.compile(
    r"\b(?:europe|eu|emea|apac|latam|americas|north america|south america|asia|africa|"
    r"worldwide|anywhere|global|globally|timezones?|[A-Z]{2,4}T|UTC[+-]?\d*|GMT[+-]?\d*|"
    r"[A-Z][a-z]+(?:,\s*[A-Z]{2})\b)",
)
#: field separators by preference: a header uses one kind for its fields; the others can occur
#: inside a field ("Hybrid - London", "PT/ET hours")
PRIMARY_SEPARATORS = (
    re.compile(r"\s*\|\s*"),
    re.compile(r"\s+[•·∙⋅]\s+"),
    re.compile(r"\s+(?:--|[-–—])\s+"),
    re.compile(r"\s+/\s+"),
    re.compile(r"\s*;\s*"),
)
SECONDARY = re.compile(r"\s+(?:--|[-–—/•·])\s+")
_AT_COMPANY = re.compile(r"^(?P<role>.+?)\s+(?:at|@)\s+(?P<company>[A-Z0-9].*)$")
_PARENS_URL = re.compile(r"\s*\((?P<url>(?:https?://|www\.)[^)]*|[\w-]+\.[a-z]{2,}[^)\s]*)\)\s*")

KINDS = ("company", "role", "location", "work", "employment", "pay", "visa", "url", "other")


@dataclass(slots=True)
class Header:
    """Fields of one header by kind, each list in the order written."""

    company: str | None = None
    roles: list[str] = field(default_factory=list)
    role_placeholder: bool = False
    locations: list[str] = field(default_factory=list)
    work: list[str] = field(default_factory=list)
    employment: list[str] = field(default_factory=list)
    pay: list[str] = field(default_factory=list)
    visa: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    separator: str | None = None


def split_header(line: str) -> tuple[list[str], str | None]:
    """Fields of a header and the separator that split it (None: one field): the separator
    giving the most fields wins, earlier ones on ties ("A / B / C / $1 - $2": slashes; the
    dash inside the pay range stays)."""
    best: tuple[list[str], str | None] = ([line.strip()], None)
    for sep in PRIMARY_SEPARATORS:
        parts = [p for p in (p.strip(" ,") for p in sep.split(line)) if p]
        if len(parts) >= 2 and len(parts) > len(best[0]):
            best = (parts, sep.pattern)
    return best


def classify(text: str) -> str:
    """The kind of one header field; the first strong signal wins (pay before role: "Senior
    salary 150k" is pay; URL before company: "acme.io" alone is a link)."""
    if URL.search(text):
        return "url"
    if PAY_AMOUNT.search(text) and not ROLE.search(text):
        return "pay"
    if VISA.search(text) and not _visa_word_titles(text):
        return "visa"
    if ROLE_PLACEHOLDER.match(text):
        return "role"
    if EMPLOYMENT.search(text) and not ROLE.search(text.replace("intern", "")):
        return "employment"
    if WORK.search(text) and not WORK_TITLE.match(text) and not _qualified_roles(text):
        return "work"
    if ROLE.search(text):
        return "role"
    if PAY.search(text):
        return "pay"
    if countries_in(text) or REGION.search(text):
        return "location"
    return "other"


_PARENS = re.compile(r"\([^()]*\)")
_LIST_SEPARATOR = re.compile(r"[,;]|\s(?:and|&)\s", re.I)


def _visa_word_titles(text: str) -> bool:
    """Job titles only, one or a list ("Engineer, VISA Engineer"), though a visa word is in it."""
    return all(VISA_WORD_TITLE.match(part) for part in _LIST_SEPARATOR.split(text))


def _qualified_roles(text: str) -> bool:
    """Roles whose work modes sit only in their qualifiers: "Senior Engineer (Remote) and
    Product Designer (NYC)" names two roles, not a work mode."""
    bare = _PARENS.sub(" ", text)
    return bare != text and bool(ROLE.search(bare)) and not WORK.search(bare)


def _work_and_places(text: str) -> tuple[str, list[str]]:
    """A work-mode field keeps its text as the raw work mode; the places it names ("Remote (US)",
    "San Francisco or REMOTE (US)", "Hybrid - London") become locations."""
    rest = TIME_ZONE.sub(" ", WORK.sub(" ", text))
    rest = re.sub(
        r"\b(?:only|ok|friendly|possible|preferred|first|or|and|also|from|of|in)\b",
        " ",
        rest,
        flags=re.I,
    )
    parts = re.split(r"[()]|\s+(?:or|and|&)\s+|\s+/\s+|/|;|\s+[-–—]\s+|,\s*(?=[A-Z]{2,}\b)", rest)
    places = []
    for part in parts:
        cleaned = part.strip(" ,.:-–—+")
        if cleaned and not EMPLOYMENT.search(cleaned) and not PAY.search(cleaned):
            # a place has letters and no digits ("on-site, 4 days" names no place)
            if re.search(r"[A-Za-z]{2}", cleaned) and not re.search(r"\d", cleaned):
                places.extend(split_places(" ".join(cleaned.split())))
    return text, places


def split_places(text: str) -> list[str]:
    """ "US, Canada" names two places; "Berlin, Germany" and "Austin, TX" name one (the parts
    lie in one country, or a part names none)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return [text] if parts else []
    countries = [countries_in(p) for p in parts]
    if all(len(c) == 1 for c in countries) and len(set().union(*countries)) == len(parts):
        return parts
    return [", ".join(parts)]


def _sub_fields(text: str) -> list[str]:
    """A field split again on an inner separator when its parts are of different kinds
    ("Hybrid - London", "Full-time / Remote"); a role with a qualifier stays whole, and a role
    with its work mode in a tail ("Senior Engineer (ONSITE)") gives the role and the work mode
    (pay or an employment type in that tail, "($150k, remote)", becomes its own field)."""
    tail = ROLE_WORK_TAIL.match(text)
    if tail and not WORK.search(tail.group("role")):
        work = (tail.group("paren") or tail.group("comma") or "").strip()
        if WORK.search(work):  # "Engineer (Remote, US)": the role, then the work mode's field
            # pay or an employment type beside it ("$150k, remote", "Contract, Remote") is a
            # field of its own; a place stays with the work mode ("Remote, Berlin, Germany")
            mixed = PAY_AMOUNT.search(work) or EMPLOYMENT.search(work)
            extra = [p.strip() for p in work.split(",")] if mixed else [work]
            return [tail.group("role").strip(), *(p for p in extra if p)]
    parts = [p.strip() for p in SECONDARY.split(text) if p.strip()]
    if len(parts) < 2:
        return [text]
    kinds = [classify(p) for p in parts]
    if (
        "other" in kinds
        or len(set(kinds)) == 1
        or "role" in kinds
        and kinds.count("role") < len(kinds)
        and "work" not in kinds
        and "location" not in kinds
    ):
        return [text]
    return parts


def parse_header(line: str) -> Header:
    """Classify every field of a header line; the first field is the company unless it reads as
    "Role at Company"."""
    fields, sep = split_header(line)
    head = Header(separator=sep)
    first = fields[0]
    url = _PARENS_URL.search(first)
    if url:
        head.urls.append(url.group("url"))
        first = _PARENS_URL.sub(" ", first).strip()
    at = _AT_COMPANY.match(first)
    if at and ROLE.search(at.group("role")):
        head.roles.append(at.group("role").strip())
        head.company = at.group("company").strip()
    elif sep is not None:
        head.company = first
    for raw in fields[1:]:
        for text in _sub_fields(raw):
            _add(head, text)
    return head


def _add(head: Header, text: str) -> None:
    kind = classify(text)
    if kind == "url":
        head.urls.append(text)
    elif kind == "pay":
        head.pay.append(text)
    elif kind == "visa":
        head.visa.append(text)
    elif kind == "employment":
        head.employment.append(text)
    elif kind == "work":
        raw, places = _work_and_places(text)
        head.work.append(raw)
        head.locations.extend(places)
    elif kind == "role":
        if ROLE_PLACEHOLDER.match(text):
            head.role_placeholder = True
        else:
            head.roles.append(text)
            if work := WORK_TITLE.match(text):
                head.work.append(work.group("work"))  # "Remote Engineer": remote work too
    elif kind == "location":
        head.locations.append(text)
    else:
        head.other.append(text)
