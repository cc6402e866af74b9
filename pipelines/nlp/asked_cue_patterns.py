"""The cue patterns of the asked classifier: one compiled alternation per kind of sentence
(speaks to the candidate, company voice, values, benefits, legal, apply, waived, stack, duty).

Data for pipelines/nlp/asked_cues.py, which decides; pipelines/nlp/asked_cue_gate.py runs a
pattern only when one of its trigger words is in the sentence. Patterns read lower-cased text
with straight apostrophes.
"""

from __future__ import annotations

import re


def _word_start(pattern: str) -> re.Pattern[str]:
    r"""An alternation whose every branch opens with \b and a word character, behind one `(?<!\w)`.

    Why: Python's re tries every `\b` branch at every position of the sentence; the single
    lookbehind rejects most positions at once (same matches, 3-5x faster on real sentences)."""
    return re.compile(rf"(?<!\w)(?:{pattern})")


#: the posting speaking to the hire: second person, "we're looking for", "in this role"; its
#: branches with the trigger words (asked_cue_gate.py) one of which each branch's match contains,
#: so a sentence runs only the branches whose words it holds
STRONG_PARTS: tuple[tuple[str, str], ...] = (
    (
        r"(?<!\bif )\byou(?:'|’)(?:ll|re|ve|d)\b(?! (?:interested|curious|excited|ever|into|in (?:london|the|town)))"
        r"|(?<!\bif )\byou (?:will|would|should|must|have|bring|are|know|enjoy|love|thrive|own|build|design"
        r"|lead|ship|write|work|take|care|communicate|understand|think|need|get|can (?:design|build"
        r"|write|lead|communicate|work|own|ship|debug|explain))\b"
        r"|\byour (?:work|role|day|responsibilities|experience|background|skills)\b",
        "you",
    ),
    (
        r"\b(?:we(?:'|’)re|we are|are) (?:looking|hiring|searching|seeking) for (?:a|an|someone|people|engineers?)\b"
        r"|\blooking for (?:a|an|someone|people|engineers?)\b",
        "looking|hiring|searching|seeking",
    ),
    (r"\bideal candidate\b|\bcandidates? (?:should|will|must|who)\b", "candidate"),
    (
        r"\bin this role\b|\bthis role (?:is|will|involves|requires)\b"
        r"|\bthis is an? (?:[\w-]+ ){0,3}role\b|\bthe role\b",
        "role",
    ),
    (r"\bwe need (?:someone|people|engineers?|you|strong|an?)\b", "we need"),
    (r"\b(?:is|are) (?:essential|a must)\b", "essential|a must"),
    (r"\bresponsib(?:le|ilit)", "responsib"),
    (r"\bmust[- ]haves?\b", "must"),
    (r"\b(?:is|are|be) (?:a )?(?:big |huge |strong )?(?:plus|bonus)\b", "plus|bonus"),
    (r"\bnice[- ]to[- ]have\b", "nice"),
    (r"\bpreferred\b|\brequired\b|\brequirements?\b|\bqualifications?\b", "prefer|require|qualif"),
)
STRONG_RE = _word_start("|".join(pattern for pattern, _ in STRONG_PARTS))
#: STRONG_PARTS compiled, each with its trigger words
STRONG_BRANCHES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_word_start(pattern), words) for pattern, words in STRONG_PARTS
)

#: requirement vocabulary without an addressee ("Experience with Go", "5+ years of Python"):
#: asks in a list, but loses to company voice ("our team has 20+ years of ML experience")
WEAK_RE = _word_start(
    r"\b(?:experience|expertise|proficiency|fluency|background|track record|familiarity)"
    r" (?:with|in|using|building|of|designing|developing|deploying|running|leading|working|at|as)\b"
    r"|\b(?:familiar|proficient|fluent|comfortable|experienced|skilled|adept|expert) (?:with|in|at)\b"
    r"|\b(?:knowledge|understanding|mastery|command) of\b|\bability to\b|\bhands[- ]on\b"
    r"|\b\d+\+? ?(?:years?|yrs)\b|\bdegree in\b|\b(?:bs|ms|phd|bachelor'?s|master'?s) in\b"
    r"|\bstrong (?:\w+ ){0,3}(?:skills|background|experience|understanding|knowledge|foundation)\b"
    r"|\bexperience\b",
)

#: duty lines opening with a verb, imperative or gerund: "- Build ...", "Designing routing ..."
DUTY_VERB_RE = re.compile(
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

STACK_RE = re.compile(
    r"^(?:[\-*•·–\s]+)?(?:(?:our|the|tech(?:nical)?|current) )?(?:tech )?stack\b"
    r"|(?<!\w)(?:\b(?:our|the|tech) stack(?: is| includes|:| we use)|\btools? (?:we use|you(?:'|’)ll use)\b"
    r"|\bwe use\b|\bwe work (?:with|in)\b|\bwe(?:'|’)re (?:built|written) (?:on|in|with)\b)",
)

COMPANY_RE = _word_start(
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
HISTORY_RE = re.compile(
    r"\b(?:founded|co-?founded|backed by|funded by|raised|series [a-e]\b|seed (?:round|stage|funding)"
    r"|venture|investors?|valuation|headquartered|customers include|trusted by|ex-[a-z]|formerly"
    r"|previously (?:co-?)?(?:founded|built|invented|worked)|co-?invented"
    r"|(?:we|who|team|staff|founders?) (?:\w+ )?(?:invented|pioneered))",
)

#: requirements explicitly waived: "prior ML experience is not required"
WAIVED_RE = re.compile(
    r"\bnot (?:required|necessary|needed|a requirement|expected)\b|\bno (?:\w+ ){0,3}(?:required|needed)\b"
    r"|\b(?:don(?:'|’)t|do not|doesn(?:'|’)t|does not) (?:need|have to|require)\b|\bnot looking for\b",
)

VALUES_RE = re.compile(
    r"\bwe (?:\w+ )?(?:value|values|care about|celebrate|prize|cherish|believe in|foster|embrace)\b"
    r"|\bour (?:values|culture|principles)\b|\bculture of\b|\b(?:we(?:'|’)re|we are) (?:an? )?(?:\w+ )?"
    r"(?:collaborative|curious|humble|diverse|inclusive|remote[- ]first|distributed) (?:group|team|company|bunch|culture)",
)

BENEFITS_RE = re.compile(
    r"\b(?:benefits|benefit (?:plans?|packages?|programs?)|perks?|401\s?\(?k\)?|health(?:care)? (?:insurance|coverage|plans?|benefits)|dental"
    r"|vision (?:insurance|coverage)|parental leave|paid time off|pto\b|vacation|stipend|wellness"
    r"|equity|stock options|compensation|salary|base pay|pay range|\bote\b|bonus(?:es)? target"
    r"|relocation|visa|sponsor|offsites?|retreats?|gym|meals|snacks|hybrid policy|office (?:space|policy)"
    r"|days? (?:a|per) week|in[- ]office|remote[- ]first|remote-friendly|flexible (?:working )?hours)\b",
)

LEGAL_RE = re.compile(
    r"\b(?:equal (?:employment )?opportunity|without regard|race,|religion|gender identity"
    r"|sexual orientation|national origin|disabilit(?:y|ies)|veteran status|protected (?:class|status|veteran)"
    r"|reasonable accommodation|e-verify|background check|privacy (?:policy|notice)|applicant"
    r"|recruiters? (?:will|only)|scams?|fraud|underrepresented|affirmative action|eeo\b"
    r"|pay transparency|fair chance|criminal histor)",
)

APPLY_RE = re.compile(
    r"^(?:[\-*•·–\s]+)?(?:to )?apply(?: here| now| at| via| online| today| through| for| to (?:this|the|our)|:)"
    r"|(?<!\w)(?:\bapply (?:here|now|at|via|through|online|today)\b"
    r"|\bemail (?:us|me|your|it|them|to|at|jobs|careers|hiring)\b"
    r"|\bsend (?:us|me|your)\b|\breach out\b|\bresumes?\b|\bcv\b|\bapplication process\b)"
    # an address: a word character, then only [.+-] up to "@" (a match exists exactly when
    # "\b[\w.+-]+@" has one, and fails at once wherever no "@" follows)
    r"|(?<=\w)[.+-]*@[\w-]+\.[a-z]{2,}",
)

YOU_RE = re.compile(r"\byou\b|\byour\b")
