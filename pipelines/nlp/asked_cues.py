"""Sentence cues for asked-vs-mentioned: is a sentence addressed to the candidate (what the job
asks for) or the company speaking about itself, its perks or the law?

Each cue is one compiled alternation run once per sentence that holds a skill mention, so the
cost is a handful of regex scans per such sentence (no tokenisation).
"""

from __future__ import annotations

import re

import ahocorasick

# Cue kinds, strongest first within each side.
CANDIDATE = "candidate"  # requirement / duty addressed to the hire
DUTY = "duty"  # a line opening with a verb ("Build ...", "Designing ..."): a duty in a list
STACK = "stack"  # "Stack: Python, Go" / "our stack": the tools the hire works with
COMPANY = "company"  # company voice: mission, product, funding, team history
VALUES = "values"  # "we value collaboration": culture, not a requirement
BENEFITS = "benefits"  # pay, perks, leave, office policy
LEGAL = "legal"  # EEO, privacy, accommodation, recruiting scams
WAIVED = "waived"  # "X is not required": named, not asked
APPLY = "apply"  # how to apply / contact


#: the posting speaking to the hire: second person, "we're looking for", "in this role"
_CANDIDATE_STRONG = re.compile(
    r"(?<!\bif )\byou(?:'|’)(?:ll|re|ve|d)\b(?! (?:interested|curious|excited|ever|into|in (?:london|the|town)))"
    r"|(?<!\bif )\byou (?:will|would|should|must|have|bring|are|know|enjoy|love|thrive|own|build|design"
    r"|lead|ship|write|work|take|care|communicate|understand|think|need|get|can (?:design|build"
    r"|write|lead|communicate|work|own|ship|debug|explain))\b"
    r"|\b(?:we(?:'|’)re|we are|are) (?:looking|hiring|searching|seeking) for (?:a|an|someone|people|engineers?)\b"
    r"|\blooking for (?:a|an|someone|people|engineers?)\b|\bideal candidate\b"
    r"|\bcandidates? (?:should|will|must|who)\b|\bin this role\b|\bthis role (?:is|will|involves|requires)\b"
    r"|\bresponsib(?:le|ilit)|\bthe role\b|\byour (?:work|role|day|responsibilities|experience|background|skills)\b"
    r"|\bmust[- ]haves?\b|\b(?:is|are|be) (?:a )?(?:big |huge |strong )?(?:plus|bonus)\b"
    r"|\bnice[- ]to[- ]have\b|\bpreferred\b|\brequired\b|\brequirements?\b|\bqualifications?\b",
)

#: requirement vocabulary without an addressee ("Experience with Go", "5+ years of Python"):
#: asks in a list, but loses to company voice ("our team has 20+ years of ML experience")
_CANDIDATE_WEAK = re.compile(
    r"\b(?:experience|expertise|proficiency|fluency|background|track record|familiarity)"
    r" (?:with|in|using|building|of|designing|developing|deploying|running|leading|working|at|as)\b"
    r"|\b(?:familiar|proficient|fluent|comfortable|experienced|skilled|adept|expert) (?:with|in|at)\b"
    r"|\b(?:knowledge|understanding|mastery|command) of\b|\bability to\b|\bhands[- ]on\b"
    r"|\b\d+\+? ?(?:years?|yrs)\b|\bdegree in\b|\b(?:bs|ms|phd|bachelor'?s|master'?s) in\b"
    r"|\bstrong (?:\w+ ){0,3}(?:skills|background|experience|understanding|knowledge|foundation)\b"
    r"|\bexperience\b",
)

#: duty lines opening with a verb, imperative or gerund: "- Build ...", "Designing routing ..."
_DUTY_VERB = re.compile(
    r"^(?:[\-*•·–>\d.)\s]+)?(?:build|design|develop|lead|own|manag|implement|work|collaborat|partner"
    r"|driv|write|writing|creat|defin|ship|deploy|maintain|improv|optimi[sz]|architect|negotiat"
    r"|support|conduct|run|operat|scal|debug|integrat|automat|evaluat|train|fine-tun|research"
    r"|prototyp|analy[sz]|monitor|mentor|establish|translat|contribut|help|serv|advis|guid|shap"
    r"|deliver|execut|coordinat|identif|test|review|investigat|set|mak|tak|bring|champion"
    r"|represent|engag|present|prepar|structur|oversee|use|using|leverag|apply|applying|explor"
    r"|experiment|benchmark|profil|instrument|hir|recruit|communicat|educat|teach|document|draft"
    r"|plan|prioriti[sz]|track|measur|report|ensur|stay|keep|embed|act|autoscal|partner)"
    r"(?:e|es|s|ed|ing|ning|ping|ging|ting|ies|y|ying)?\b",
)

_STACK = re.compile(
    r"^(?:[\-*•·–\s]+)?(?:(?:our|the|tech(?:nical)?|current) )?(?:tech )?stack\b|\b(?:our|the|tech) stack"
    r"(?: is| includes|:| we use)|\btools? (?:we use|you(?:'|’)ll use)\b|\bwe use\b|\bwe work (?:with|in)\b"
    r"|\bwe(?:'|’)re (?:built|written) (?:on|in|with)\b",
)

_COMPANY = re.compile(
    r"\bour (?:mission|vision|story|customers?|clients?|users|investors?|founders?|product|products"
    r"|platform|technology|company|history|research|work|flagship|partners?|backers?|roots|team"
    r"|staff|engineers|founding team)\b"
    r"|\b(?:we(?:'|’)re|we are) (?:a|an|the|building|on a mission|backed|funded|proud|growing|"
    r"trusted|used|live|already|currently building|creating|developing|pioneering|at the forefront)\b"
    r"|\bwe (?:build|built|make|create|help|deliver|provide|power|enable|serve|offer|believe|want"
    r"|integrate|design|develop|turn|combine|aim|exist|started|raised|have raised|host|view|think"
    r"|(?:also )?(?:have|maintain|run|operate|launched|shipped|publish|published|recently launched))\b"
    r"|\b(?:founded|co-?founded|backed by|funded by|raised|series [a-e]\b|seed (?:round|stage|funding)"
    r"|venture|investors?|valuation|unicorn|headquartered|customers include|trusted by|used by"
    r"|public benefit corporation|fortune \d+|portfolio companies|revenue|arr\b)"
    r"|\b(?:is|are) (?:a|an|the) (?:leading|fast[- ]growing|pioneering|global|world|\w+-(?:native|powered|first))\b"
    r"|\b(?:previously|formerly|ex-)|\bpreviously (?:co-?)?(?:founded|built|invented)\b"
    r"|\bco-?invented\b|\b(?:we|who|team|staff|founders?) (?:\w+ )?(?:invented|pioneered)\b|\bsaid\b",
)

#: company history and funding: strong enough to outweigh a requirement word said about the team
_HISTORY = re.compile(
    r"\b(?:founded|co-?founded|backed by|funded by|raised|series [a-e]\b|seed (?:round|stage|funding)"
    r"|venture|investors?|valuation|headquartered|customers include|trusted by|ex-[a-z]|formerly"
    r"|previously (?:co-?)?(?:founded|built|invented|worked)|co-?invented"
    r"|(?:we|who|team|staff|founders?) (?:\w+ )?(?:invented|pioneered))",
)

#: requirements explicitly waived: "prior ML experience is not required"
_WAIVED = re.compile(
    r"\bnot (?:required|necessary|needed|a requirement|expected)\b|\bno (?:\w+ ){0,3}(?:required|needed)\b"
    r"|\b(?:don(?:'|’)t|do not|doesn(?:'|’)t|does not) (?:need|have to|require)\b|\bnot looking for\b",
)

_VALUES = re.compile(
    r"\bwe (?:\w+ )?(?:value|values|care about|celebrate|prize|cherish|believe in|foster|embrace)\b"
    r"|\bour (?:values|culture|principles)\b|\bculture of\b|\b(?:we(?:'|’)re|we are) (?:an? )?(?:\w+ )?"
    r"(?:collaborative|curious|humble|diverse|inclusive|remote[- ]first|distributed) (?:group|team|company|bunch|culture)",
)

_BENEFITS = re.compile(
    r"\b(?:benefits|benefit (?:plans?|packages?|programs?)|perks?|401\s?\(?k\)?|health(?:care)? (?:insurance|coverage|plans?|benefits)|dental"
    r"|vision (?:insurance|coverage)|parental leave|paid time off|pto\b|vacation|stipend|wellness"
    r"|equity|stock options|compensation|salary|base pay|pay range|\bote\b|bonus(?:es)? target"
    r"|relocation|visa|sponsor|offsites?|retreats?|gym|meals|snacks|hybrid policy|office (?:space|policy)"
    r"|days? (?:a|per) week|in[- ]office|remote[- ]first|remote-friendly|flexible (?:working )?hours)\b",
)

_LEGAL = re.compile(
    r"\b(?:equal (?:employment )?opportunity|without regard|race,|religion|gender identity"
    r"|sexual orientation|national origin|disabilit(?:y|ies)|veteran status|protected (?:class|status|veteran)"
    r"|reasonable accommodation|e-verify|background check|privacy (?:policy|notice)|applicant"
    r"|recruiters? (?:will|only)|scams?|fraud|underrepresented|affirmative action|eeo\b"
    r"|pay transparency|fair chance|criminal histor)",
)

_APPLY = re.compile(
    r"^(?:[\-*•·–\s]+)?(?:to )?apply(?: here| now| at| via| online| today| through| for| to (?:this|the|our)|:)|\bapply (?:here|now|at|via|through|online|today)\b|\bemail\b"
    r"|\bsend (?:us|me|your)\b|\breach out\b|\bresumes?\b|\bcv\b|\bapplication process\b",
)

_YOU = re.compile(r"\byou\b|\byour\b")


#: literal words at least one of which every match of a pattern contains: one Aho-Corasick pass
#: over the sentence tells which patterns can match, and only those run (regex alternations
#: are slow in Python's re; most sentences trigger one or two patterns)
_TRIGGERS: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "legal": (
        _LEGAL,
        (
            "equal",
            "regard",
            "race,",
            "religio",
            "gender",
            "sexual",
            "origin",
            "disabilit",
            "veteran",
            "protected",
            "accommodat",
            "verify",
            "background check",
            "privacy",
            "applicant",
            "recruiter",
            "scam",
            "fraud",
            "underrepresented",
            "affirmative",
            "eeo",
            "transparency",
            "fair chance",
            "criminal",
        ),
    ),
    "waived": (_WAIVED, ("not", "no ", "n't", "n’t")),
    "values": (
        _VALUES,
        (
            "value",
            "care about",
            "celebrate",
            "prize",
            "cherish",
            "believe in",
            "foster",
            "embrace",
            "our culture",
            "our principles",
            "culture of",
            "collaborative",
            "curious",
            "humble",
            "diverse",
            "inclusive",
            "remote-first",
            "remote first",
            "distributed",
        ),
    ),
    "history": (
        _HISTORY,
        (
            "founded",
            "backed",
            "funded",
            "raised",
            "series",
            "seed",
            "venture",
            "investor",
            "valuation",
            "headquartered",
            "customers include",
            "trusted by",
            "ex-",
            "formerly",
            "previously",
            "invented",
            "pioneered",
        ),
    ),
    "strong": (
        _CANDIDATE_STRONG,
        (
            "you",
            "looking",
            "hiring",
            "searching",
            "seeking",
            "candidate",
            "role",
            "responsib",
            "must",
            "plus",
            "bonus",
            "nice",
            "prefer",
            "require",
            "qualif",
        ),
    ),
    "stack": (_STACK, ("stack", "tool", "we use", "we work", "built", "written")),
    "benefits": (
        _BENEFITS,
        (
            "benefit",
            "perk",
            "401",
            "health",
            "dental",
            "vision",
            "parental",
            "paid time",
            "pto",
            "vacation",
            "stipend",
            "wellness",
            "equity",
            "stock",
            "compensation",
            "salary",
            "base pay",
            "pay range",
            "ote",
            "bonus",
            "relocation",
            "visa",
            "sponsor",
            "offsite",
            "retreat",
            "gym",
            "meal",
            "snack",
            "hybrid",
            "office",
            "day",
            "remote",
            "flexible",
        ),
    ),
    "apply": (_APPLY, ("apply", "email", "send", "reach out", "resume", "cv", "application")),
    "company": (
        _COMPANY,
        (
            "our ",
            "we",
            "founded",
            "backed",
            "funded",
            "raised",
            "series",
            "seed",
            "venture",
            "investor",
            "valuation",
            "unicorn",
            "headquartered",
            "customers include",
            "trusted by",
            "used by",
            "public benefit",
            "fortune",
            "portfolio",
            "revenue",
            "arr",
            "is a",
            "is the",
            "are a",
            "are the",
            "previously",
            "formerly",
            "ex-",
            "invented",
            "pioneered",
            "said",
        ),
    ),
    "weak": (
        _CANDIDATE_WEAK,
        (
            "experience",
            "expertise",
            "proficien",
            "fluen",
            "background",
            "track record",
            "familiar",
            "skilled",
            "adept",
            "expert",
            "comfortable",
            "knowledge",
            "understanding",
            "mastery",
            "command",
            "ability to",
            "hands",
            "year",
            "yrs",
            "degree",
            "bs in",
            "ms in",
            "phd",
            "bachelor",
            "master",
            "strong",
        ),
    ),
}


def _automaton() -> ahocorasick.Automaton:
    ac = ahocorasick.Automaton()
    by_word: dict[str, set[str]] = {}
    for name, (_, words) in _TRIGGERS.items():
        for w in words:
            by_word.setdefault(w, set()).add(name)
    for w, names in by_word.items():
        ac.add_word(w, frozenset(names))
    ac.make_automaton()
    return ac


_AC = _automaton()


class _Hits:
    """Which cue patterns match one sentence, each run at most once and only when asked for and
    triggered (sentence_cue stops at the first decisive cue, so most patterns never run)."""

    __slots__ = ("low", "possible", "done")

    def __init__(self, sentence: str) -> None:
        self.low = sentence.lower().replace("’", "'")
        self.possible: set[str] = set()
        for _, names in _AC.iter(self.low):
            self.possible |= names
        self.done: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if name not in self.possible:
            return False
        if name not in self.done:
            self.done[name] = _TRIGGERS[str(name)][0].search(self.low) is not None
        return self.done[name]


def cue_hits(sentence: str) -> frozenset[str]:
    """Names of the cue patterns that match a sentence (patterns gated by their trigger words)."""
    hits = _Hits(sentence)
    return frozenset(n for n in _TRIGGERS if n in hits)


#: the cues that take a sentence out of a requirements/duties section
_NOT_ASKED_IN_LISTS = (("legal", LEGAL), ("waived", WAIVED), ("values", VALUES))


def list_sentence_cue(sentence: str) -> str | None:
    """The cue of a sentence inside a requirements/duties section, where only legal, waived,
    culture, benefits and apply text can take it out (cheaper than sentence_cue)."""
    hits = _Hits(sentence)
    for name, cue in _NOT_ASKED_IN_LISTS:
        if name in hits:
            return cue
    if "stack" in hits or "strong" in hits:
        return CANDIDATE
    if "benefits" in hits:
        return BENEFITS
    if "apply" in hits:
        return APPLY
    return None


def sentence_cue(sentence: str) -> str | None:
    """The strongest cue of one sentence, or None when it says nothing either way.

    Legal and benefits vocabulary wins over everything (an EEO line mentioning "qualifications" is
    still legal text); a candidate cue wins over company voice ("we're looking for someone with
    Go experience"); the stack cue wins over company voice ("our stack: Python, Go").

    >>> sentence_cue("You'll run our Kubernetes clusters."), sentence_cue("Our platform runs on Kubernetes.")
    ('candidate', 'company')
    >>> sentence_cue("We value collaboration and communication."), sentence_cue("Stack: Python, Go.")
    ('values', 'stack')
    """
    hits = _Hits(sentence)
    if "legal" in hits:
        return LEGAL
    if "waived" in hits:
        return WAIVED
    if "values" in hits:
        return VALUES
    if "history" in hits and not _YOU.search(hits.low):
        return COMPANY
    if "stack" in hits:
        return STACK
    if "strong" in hits and "benefits" not in hits:
        return CANDIDATE
    if "benefits" in hits:
        return BENEFITS
    if "apply" in hits:
        return APPLY
    if "company" in hits:
        return COMPANY
    if "weak" in hits:
        return CANDIDATE
    if _DUTY_VERB.search(hits.low):
        return DUTY
    return None


def addresses_candidate(sentence: str) -> bool:
    """Second person anywhere ("you", "your"): a weak hint that the text speaks to the hire."""
    return bool(_YOU.search(sentence.lower()))
