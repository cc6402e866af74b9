"""Context rules for ambiguous skill terms: small registered functions over a spaCy sentence.

Each rule answers "is this hit the skill sense?" given the hit and its sentence. Rules are
registered in spaCy's `misc` registry as `skill_context.<name>` so configs can refer to them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.tokens import Doc, Span

from .taxonomy import TAXONOMY_DIR

RULES: dict[str, Callable[[Hit, SentCtx], bool]] = {}

_LIST_GAP = re.compile(
    r"^[\s,/()&+|;:\[\]'\"-]*(?:(?:and|or|with|plus|and/or|as well as|e\.g\.)[\s,/()&+|;:-]*)?$",
    re.I,
)
_WORDS = tomllib.loads((TAXONOMY_DIR / "context.toml").read_text("utf-8"))
_PROG_CUES = frozenset(_WORDS["programming_cues"])
_AI_CUES = frozenset(_WORDS["ai_cues"])
_AI_NEG_BEFORE = frozenset(_WORDS["ai_negative_before"])
_PROMPT_ADJ_AFTER = frozenset(_WORDS["prompt_adjective_after"])
_EVAL_OBJECTS = frozenset(_WORDS["eval_objects"])
_DIST_NOUNS = frozenset(_WORDS["distributed_nouns"])
_CLUSTER_CUES = frozenset(_WORDS["cluster_cues"])
_SENSE_NEG = {k: frozenset(v) for k, v in _WORDS["sense_negative"].items()}
_SENSE_POS = {k: frozenset(v) for k, v in _WORDS["sense_positive"].items()}
for _lang in ("rust", "scala"):
    _SENSE_POS[_lang] = _SENSE_POS.get(_lang, frozenset()) | _PROG_CUES
_POSTING_AI_OK = frozenset(_WORDS["posting"]["terms"])
_AI_SLUGS = frozenset(_WORDS["posting"]["ai_slugs"])
_EVAL_VERBS = frozenset({"evaluate", "evaluates", "evaluating", "evaluated"})
LOWER_SAFE = frozenset(_WORDS["lowercase"]["safe"])
LOWER_AI_SENSE = frozenset(_WORDS["lowercase"]["ai_sense"])
_TUNE_VERBS = frozenset(_WORDS["fine_tune"]["verbs"])
_TUNE_OBJECTS = frozenset(_WORDS["fine_tune"]["objects"])
_LIBRARY_SLUGS = frozenset(_WORDS["library"]["slugs"])
_LIBRARY_CUES = frozenset(_WORDS["library"]["cues"])
_RETRIEVAL_CUES = frozenset(_WORDS["retrieval"]["cues"])
_RETRIEVAL_NEG_BEFORE = frozenset(_WORDS["retrieval"]["negative_before"])
_VERB_COMPLEMENTS = frozenset(_WORDS["verb_name"]["complements"])
_VERB_SUBJECTS = frozenset(_WORDS["verb_name"]["subjects"])
_VIRTUE_BEFORE = frozenset(_WORDS["virtue"]["personal_before"])
_VIRTUE_THINGS = frozenset(_WORDS["virtue"]["things"])
_VIRTUE_PROPERTIES = frozenset(_WORDS["virtue"]["properties"])
_VIRTUE_NOT_HEADS = frozenset(_WORDS["virtue"]["not_heads"])
_HEAD_NOUN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    form: (frozenset(v.get("not_heads", [])), frozenset(v.get("not_modifiers", [])))
    for form, v in _WORDS["head_noun"].items()
}
_DOMAIN_CUES = {form: frozenset(v["cues"]) for form, v in _WORDS["domain"].items()}
_UX_CUES = frozenset(_WORDS["ux"]["cues"])
_UX_NOUN_BEFORE = frozenset(_WORDS["ux"]["noun_before"])
_UX_VERB_AFTER = frozenset(_WORDS["ux"]["verb_after"])
_EMPLOYER_AFTER = re.compile(
    r"\s+(?:is|are)\s+(?:looking|hiring|seeking|searching|growing|on a mission|building)\b"
    r"|\s+was\s+founded\b|'s\s+mission\b"
)
_EMPLOYER_BEFORE = re.compile(r"(?:^|[.!?]\s+)\W*(?:at|join)\s+$", re.I)
#: a heading or opening that introduces the employer: "About Anthropic", "Join Acme"
_EMPLOYER_HEADING = re.compile(r"(?:^|\n)[ \t#*>-]*(?:about|join)\s+$", re.I)
MAKERS: dict[str, frozenset[str]] = {
    maker: frozenset(forms) for maker, forms in _WORDS["employer_products"]["makers"].items()
}
_OWN_KEEP_BEFORE = frozenset(_WORDS["employer_products"]["keep_before"])
_OWN_USE_BEFORE = frozenset(_WORDS["employer_products"]["use_before"])
_OWN_KEEP_CUES = frozenset(_WORDS["employer_products"]["keep_cues"])
#: a word token ("node.js", "don't" stay whole) or one punctuation character
_TOKEN = re.compile(r"\w+(?:['’.]\w+)*|[^\w\s]")
_SPACE = re.compile(r"\s")
#: words as spaCy's English tokenizer cuts them: "gpt-4" and "e.g" whole, "fine-tuning" and
#: Markdown's "_The_" split, a link one token (no words of its own)
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+|-(?=\d)[^\W_]+)*")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
#: a word ending in a clitic, split where spaCy's English exceptions split it
_CLITIC = re.compile(r"(\w+?)((?:n['’]t|['’](?:s|re|ll|ve|d|m)))")


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _tokens_before(text: str, end: int, n: int) -> list[str]:
    """The tokens of the 80 characters before `end`, less a word the window cuts; read from a
    space in the last 24 when n tokens follow it (none spans a space: the same tokens)."""
    space = _SPACE.search(text, max(0, end - 24), end)
    if space and len(toks := _TOKEN.findall(text, space.start(), end)) >= n:
        return toks
    lo = max(0, end - 80)
    toks = _TOKEN.findall(text, lo, end)
    if lo > 0 and toks and _TOKEN.match(text, lo, end):
        del toks[0]  # the window cut a word: not a whole token
    return toks


_ABBREV_END = re.compile(r"(?i)\b(?:i\.?e|e\.?g|eg|incl|approx|vs|etc)\.\s*$")
_LIST_SEP = re.compile(r"[,/;|&+()]|\b(?:and|or|plus|and/or|as well as|e\.g\.)\b", re.I)
_OK_SUFFIX = re.compile(r"-(based|powered|native|driven|first|centric|compatible|backed)\b", re.I)


@dataclass(slots=True)
class Hit:
    """A candidate mention: char span in the posting and the surface that produced it."""

    start: int
    end: int
    text: str
    slugs: tuple[str, ...]
    rule: str | None
    opaque: bool = False
    cased: bool = False  # matched a case-sensitive form (Go, R, C, TS)
    named: bool = False  # capitalised mid-sentence it names the product


@dataclass
class SentCtx:
    """What rules may look at: the sentence (as a spaCy Doc, built lazily) and other hits."""

    nlp: Any
    text: str
    offset: int  # char offset of the sentence in the posting
    hits: list[Hit] = field(default_factory=list)  # every candidate hit in the sentence
    posting_ai: bool = False  # the posting has unambiguous LLM/agent vocabulary elsewhere
    preceding: str = ""  # a few characters of the posting before the sentence
    _doc: Doc | None = None
    _spans: dict[tuple[int, int], Span | None] = field(default_factory=dict)
    _words: set[str] | None = None

    @property
    def plain(self) -> list[Hit]:
        """Unambiguous hits: trustworthy context for the ambiguous ones."""
        return [h for h in self.hits if h.rule is None]

    @property
    def doc(self) -> Doc:
        if self._doc is None:
            self._doc = self.nlp.make_doc(self.text)
        return self._doc

    def span(self, hit: Hit) -> Span | None:
        key = (hit.start, hit.end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(
                hit.start - self.offset, hit.end - self.offset, alignment_mode="expand"
            )
        return self._spans[key]

    def words(self) -> set[str]:
        """The sentence's words, lower-cased, read with the pattern `before`/`after` use: rules
        only intersect them with cue words, so the spaCy Doc (the costliest step of a rule) is
        built only for the rare rule that needs token spans."""
        if self._words is None:
            low = self.text.lower()
            linkless = _URL.sub(" ", low) if "http" in low or "www." in low else low
            words = set(_WORD.findall(linkless))
            if "'" in low or "’" in low:  # only a word with an apostrophe can end in a clitic
                for w in [w for w in words if "'" in w or "’" in w]:
                    m = _CLITIC.fullmatch(w)  # "model's", "don't", "we're": two tokens in spaCy
                    if m:
                        words.discard(w)
                        words.update(m.groups())
            self._words = words
        return self._words

    def before(self, hit: Hit, n: int = 2) -> list[str]:
        """The words among the n tokens before the hit (punctuation takes a slot, as a token).

        Read off the text with one small pattern instead of tokenising the sentence: the same
        words as spaCy's tokens on 500 real postings, at a fraction of the cost (most rules
        only look at a neighbour or two)."""
        if not n:
            return []
        toks = _tokens_before(self.text, hit.start - self.offset, n)
        return [w for t in toks[-n:] if _is_word(w := t.lower())]

    def after(self, hit: Hit, n: int = 2) -> list[str]:
        """The words among the n tokens after the hit (see `before`)."""
        rel, end = hit.end - self.offset, min(len(self.text), hit.end - self.offset + 120)
        toks: list[str] = []
        while len(toks) < n and (m := _TOKEN.search(self.text, rel, end)):
            toks.append(m.group().lower())
            rel = m.end()
        return [w for w in toks if _is_word(w)]


def context_rule(
    name: str,
) -> Callable[[Callable[[Hit, SentCtx], bool]], Callable[[Hit, SentCtx], bool]]:
    """Register a rule under `name` (and `skill_context.<name>` in spaCy's misc registry)."""

    def wrap(fn: Callable[[Hit, SentCtx], bool]) -> Callable[[Hit, SentCtx], bool]:
        RULES[name] = fn
        spacy.registry.misc.register(f"skill_context.{name}", func=lambda: fn)
        return fn

    return wrap


def _mid_sentence(hit: Hit, ctx: SentCtx) -> bool:
    """True unless the hit opens its sentence (where every word is capitalised); a "sentence"
    cut after an abbreviation ("data pipelines (ie. Airflow)") continues the previous one."""
    opens = ctx.text[: hit.start - ctx.offset].strip(" -*•·\t") == ""
    return not opens or bool(_ABBREV_END.search(ctx.preceding))


def in_tech_list(hit: Hit, ctx: SentCtx) -> bool:
    """True when another tech mention sits next to the hit, separated only by list punctuation."""
    return bool(_list_neighbours(hit, ctx))


def _list_neighbours(hit: Hit, ctx: SentCtx) -> list[Hit]:
    """Other mentions next to the hit with only list punctuation between."""
    found: list[Hit] = []
    for other in ctx.hits:
        if other is hit or other.slugs == hit.slugs:
            continue
        if other.end <= hit.start:
            gap = ctx.text[other.end - ctx.offset : hit.start - ctx.offset]
        elif other.start >= hit.end:
            gap = ctx.text[hit.end - ctx.offset : other.start - ctx.offset]
        else:
            continue
        # a list needs a separator: "AI vision", "ML Infrastructure vision" are compounds
        if len(gap) <= 24 and _LIST_GAP.match(gap) and _LIST_SEP.search(gap):
            found.append(other)
    return found


@context_rule("tech_list.v1")
def tech_list(hit: Hit, ctx: SentCtx) -> bool:
    """Short/common-word tech names (Go, R, C, TS, Swift): a tech list or programming cue.

    "Python, Go and Rust" -> True; "in Go" next to "experience" -> True;
    "go-to-market", "R&D", "Series C" -> False.
    """
    rel_end = hit.end - ctx.offset
    nxt = ctx.text[rel_end : rel_end + 3]
    prev = ctx.text[max(0, hit.start - ctx.offset - 1) : hit.start - ctx.offset]
    if nxt[:1] in {"&", "'"} or prev in {"&", "-"}:
        return False
    if nxt[:1] == "-" and not _OK_SUFFIX.match(ctx.text[rel_end:]):
        return False  # "go-to-market", "C-suite", but "DBT-based" is the tool
    before = ctx.before(hit)
    if before and before[-1] in {"series", "grade", "class", "type", "vitamin", "plan", "tier"}:
        return False
    if in_tech_list(hit, ctx):
        return True
    if (after := ctx.after(hit)) and after[0] in _PROG_CUES:
        return True
    if hit.named and not hit.text.islower() and _mid_sentence(hit, ctx):
        return True  # "React", "Ruby" capitalised mid-sentence name the tool; "react" does not
    preps = {"in", "using", "with", "of", "to", "on", "write", "writing"}
    return bool(before) and before[-1] in preps and bool(ctx.words() & _PROG_CUES)


@context_rule("sense.v1")
def word_sense(hit: Hit, ctx: SentCtx) -> bool:
    """Tech names that are also common words (Spark, Airflow, Rust, torch, Scala).

    "Apache Spark jobs" -> True; "spark joy" -> False; "HVAC airflow" -> False.
    """
    key = hit.text.lower()
    words = ctx.words()
    if words & _SENSE_NEG.get(key, frozenset()) or _names_employer(hit, ctx):
        return False
    if any(h is not hit and h.rule is None for h in ctx.hits) or words & _SENSE_POS.get(
        key, frozenset()
    ):
        return True
    # capitalised mid-sentence ("Experience with Airflow"): the product name, not the word
    return hit.text[:1].isupper() and _mid_sentence(hit, ctx)


@context_rule("ai_sense.v1")
def ai_sense(hit: Hit, ctx: SentCtx) -> bool:
    """Words with an AI sense and an everyday sense (agents, evaluation, prompt, benchmarks).

    "build AI agents" -> True; "travel agents" -> False; "prompt response times" -> False;
    "annual performance evaluation" -> False.
    """
    key = hit.text.lower()
    before, after = ctx.before(hit, 2), ctx.after(hit, 1)
    if before and before[-1] in _AI_NEG_BEFORE:
        return False
    if key == "prompt" and (
        (after and after[0] in _PROMPT_ADJ_AFTER)
        or (before and before[-1] in {"be", "is", "are", "and", "very", "a"})
    ):
        return False
    if hit.text[:1].isupper() and _mid_sentence(hit, ctx) and _in_proper_name(hit, ctx):
        return False  # "Kite Agents Co": part of a name
    if _names_employer(hit, ctx):
        return False
    if key in _EVAL_VERBS:  # "evaluate LLM outputs", not "evaluate vendors"
        return bool(set(ctx.after(hit, 5)) & _EVAL_OBJECTS)
    if key == "embedding" and after and after[0] in {"with", "in", "into", "within", "alongside"}:
        return False  # "embedding with customers"
    if key in _TUNE_VERBS:
        return _tunes_a_model(hit, ctx)
    if key.startswith("retrieval"):
        return _retrieval_for_models(hit, ctx)
    words = ctx.words() - {key, key.rstrip("s")}
    if words & _AI_CUES or any(set(n.slugs) & _AI_SLUGS for n in ctx.plain):
        return True
    return ctx.posting_ai and key in _POSTING_AI_OK


@context_rule("library_list.v1")
def library_list(hit: Hit, ctx: SentCtx) -> bool:
    """A library named like a concept: "PyTorch, Transformers, LangChain" -> True;
    "fundamentals such as Transformers, Self-Attention" -> False."""
    if ctx.words() & _LIBRARY_CUES:
        return True
    return any(set(o.slugs) & _LIBRARY_SLUGS for o in _list_neighbours(hit, ctx))


@context_rule("distributed.v1")
def distributed(hit: Hit, ctx: SentCtx) -> bool:
    """Say whether "distributed" / "clusters" are meant in the systems sense.

    "distributed database architectures" -> True; "distributed team" -> False;
    "large-scale AI clusters" -> True.
    """
    if hit.text.lower() == "distributed":
        return bool(set(ctx.after(hit, 2)) & _DIST_NOUNS)
    return bool(set(ctx.before(hit, 3)) & _CLUSTER_CUES)


@context_rule("verb_name.v1")
def verb_name(hit: Hit, ctx: SentCtx) -> bool:
    """A product named by a verb: "Excel".

    "SQL and Excel", "advanced Excel capabilities" -> True; "Excel at partnerships" (a bullet
    opening with the verb), "you will excel in a fast-paced team" -> False.
    """
    if in_tech_list(hit, ctx):
        return True
    before, after = ctx.before(hit, 1), ctx.after(hit, 1)
    subject = bool(before) and before[-1] in _VERB_SUBJECTS
    if after and after[0] in _VERB_COMPLEMENTS and (subject or not _mid_sentence(hit, ctx)):
        return False
    return not (subject and before[-1] not in {"to", "and"})


@context_rule("virtue.v1")
def virtue(hit: Hit, ctx: SentCtx) -> bool:
    """A personal quality that is also a property of data or systems: "integrity".

    "act with integrity", "Integrity comes first for us" -> True; "data integrity",
    "integrity of the records", "reliability, integrity, and privacy", "integrity checks" -> False.
    """
    after = ctx.after(hit, 1)
    if after and after[0] in _VIRTUE_NOT_HEADS:
        return False  # "integrity checks", "the Integrity team"
    before = ctx.before(hit, 2)
    if before and before[-1] in _VIRTUE_BEFORE:
        return True
    if set(before) & _VIRTUE_THINGS or after == ["of"]:
        return False
    return not ctx.words() & _VIRTUE_PROPERTIES


@context_rule("ux_sense.v1")
def ux_sense(hit: Hit, ctx: SentCtx) -> bool:
    """UX practice words that are also everyday engineering words (design systems, prototyping).

    "a design system in Figma", "wireframing and prototyping" -> True; "design systems that
    handle billions of requests", "ML research and prototyping" -> False. "Sketch" the tool
    keeps the tech-list rule.
    """
    key = hit.text.lower()
    if key == "sketch":
        return tech_list(hit, ctx)
    if any(h is not hit and h.rule is None and set(h.slugs) & set(hit.slugs) for h in ctx.hits):
        return True  # "design systems, user research"
    if ctx.words() & _UX_CUES:
        return True
    if not key.startswith("design"):
        return False
    after = ctx.after(hit, 1)
    if after and after[0] in _UX_VERB_AFTER:
        return False
    before = ctx.before(hit, 1)
    return bool(before) and before[-1] in _UX_NOUN_BEFORE


@context_rule("head_noun.v1")
def head_noun(hit: Hit, ctx: SentCtx) -> bool:
    """A skill word modifying a noun that makes it something else (see `head_noun` data).

    "strategy consulting" -> True; "consulting firms" -> False; "supply chain attacks",
    "software supply chain" -> False.
    """
    key = hit.text.lower()
    spec = _HEAD_NOUN.get(key) or _HEAD_NOUN.get(key[:-1] if key.endswith("s") else key)
    if spec is None:
        return True
    after, before = ctx.after(hit, 1), ctx.before(hit, 1)
    if after and after[0] in spec[0]:
        return False
    return not (before and before[-1] in spec[1])


@context_rule("domain.v1")
def domain(hit: Hit, ctx: SentCtx) -> bool:
    """An acronym with a sense in another field: a cue of its own field in the sentence.

    "EMR integrations for clinics" -> True; "Spark, EMR, S3, Redshift" -> False.
    """
    key = hit.text.lower()
    cues = _DOMAIN_CUES.get(key) or _DOMAIN_CUES.get(key[:-1] if key.endswith("s") else key)
    return cues is None or bool(ctx.words() & cues)


@context_rule("own_product.v1")
def own_product(hit: Hit, ctx: SentCtx) -> bool:
    """A model named by its maker in the maker's own posting (see `employer_products`).

    "bring Claude to enterprise customers", "users interact with Claude" -> False;
    "using Claude to triage alerts", "experience building with Claude" -> True.
    """
    before = set(ctx.before(hit, 3))
    if before & _OWN_USE_BEFORE:
        return True
    return bool(before & _OWN_KEEP_BEFORE) and bool(ctx.words() & _OWN_KEEP_CUES)


def employer_maker(text: str, hits: list[Hit], company: str | None) -> str | None:
    """The model maker (lower case, as `employer_products.makers` writes it) that is the
    posting's employer: its company field names the maker, or, with no company field, a maker's
    name is introduced as the employer ("About Anthropic", "Anthropic's mission", "Anthropic is
    hiring", "At Anthropic, we"). Only the maker-name hits are looked at, no text scan."""
    name = (company or "").strip().lower()
    if name:
        return next((maker for maker in MAKERS if maker in name), None)
    for h in hits:
        maker = h.text.lower()
        if maker not in MAKERS:
            continue
        before = text[max(0, h.start - 24) : h.start]
        if (
            _EMPLOYER_AFTER.match(text, h.end)
            or _EMPLOYER_HEADING.search(before)
            or (_EMPLOYER_BEFORE.search(before) and text[h.end : h.end + 1] == ",")
        ):
            return maker
    return None


def _tunes_a_model(hit: Hit, ctx: SentCtx) -> bool:
    """ "fine-tune LLMs / a model / on our data" is model fine-tuning; "fine-tune inference
    engines", "fine-tune our process" is the everyday verb."""
    after = ctx.after(hit, 6)
    if set(after) & _TUNE_OBJECTS or after[:1] == ["on"]:  # "fine-tune on our data"
        return True
    rel = hit.end - ctx.offset
    return any(
        h.start >= hit.end and h.start - ctx.offset - rel <= 40 and set(h.slugs) & _AI_SLUGS
        for h in ctx.plain
    )


def _retrieval_for_models(hit: Hit, ctx: SentCtx) -> bool:
    """Retrieval that feeds a language model (RAG), not "data retrieval" or "SQL queries for
    retrieval": an LLM/embedding/vector cue in the sentence, and no "data ... retrieval"."""
    if set(ctx.before(hit, 3)) & _RETRIEVAL_NEG_BEFORE:
        return False
    words = ctx.words()
    if words & _RETRIEVAL_CUES:
        return True
    return any(set(n.slugs) & {"llm", "embeddings", "vector-databases", "rag"} for n in ctx.plain)


def _names_employer(hit: Hit, ctx: SentCtx) -> bool:
    """A capitalised word introduced as the company: "Prompt is looking for an AI Engineer",
    "At Spark, we ..."."""
    if not hit.text[:1].isupper():
        return False
    rel = hit.end - ctx.offset
    return bool(_EMPLOYER_AFTER.match(ctx.text, rel)) or bool(
        _EMPLOYER_BEFORE.search(ctx.text, 0, hit.start - ctx.offset)
        and ctx.text[rel : rel + 1] == ","
    )


def _in_proper_name(hit: Hit, ctx: SentCtx) -> bool:
    """A capitalised hit between other capitalised non-cue words is part of a name."""
    sp = ctx.span(hit)
    if sp is None:
        return False
    near = [ctx.doc[i] for i in (sp.start - 1, sp.end) if 0 <= i < len(ctx.doc)]
    return any(t.text[:1].isupper() and t.lower_ not in _AI_CUES and t.is_alpha for t in near)
