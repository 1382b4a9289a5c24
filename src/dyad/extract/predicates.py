"""Who did what to whom: predicates from the lexicon with their arguments in the dependency parse.

A predicate is a verb or an event noun listed in ``predicates_en.tsv`` (with its particle, its required
object, its type, CAMEO and PLOVER codes). Its arguments are read off the parse — subject, object,
passive agent, "with"/"to"/"against"/"between" complements, possessives and adjectives of event nouns —
and each argument becomes countries through the mentions inside it. Words in ``modality_en.tsv`` above
the predicate change what it means: a plan is ``planned``, a threat or a refusal of an act is that
threat or refusal (a ``dispute``), an offer a ``statement``; a negated or hedged act is no event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.extract.timex_rules import MONTHS_AND_DAYS
from dyad.knowledge import TONES, Knowledge, Predicate, stem

# Dependency labels of a predicate's arguments, by the role they play.
_SUBJECTS = ("nsubj", "csubj")
_OBJECTS = ("dobj", "dative", "attr", "oprd")
_OBJECT_PREPS = (
    "with",
    "to",
    "against",
    "on",
    "from",
    "toward",
    "towards",
    "into",
    "between",
    "for",
    "of",
)  # not "over": "a dispute over Ukraine", "downed over Syria" name a topic or a place, not a side
_PLACE_PREPS = ("in", "at")  # the other side only of a visit ("arrived in Tokyo"); elsewhere a venue
_ACTOR_PREPS = ("by",)
# Where force lands is whom it strikes: "strikes in Beirut", "an offensive across the border into Eritrea".
_STRUCK_PREPS = ("in", "across", "inside", "at")
# Branches that are another clause: their mentions are not this predicate's arguments.
_OTHER_CLAUSE = ("relcl", "advcl", "ccomp", "acl", "parataxis", "appos", "conj", "cc", "punct", "mark")
# Inside an argument, a place is not a side: "Turkish forces over Syria", "a patrol near Aceh" ("in X" is
# kept: "strikes in Lebanon" names the target of force).
_LOCATIVE = ("near", "over", "across", "outside", "around", "off", "along")
# "Saudi-brokered", "Qatar-mediated": the country that brokers an instrument or a truce is not a party to it
_GO_BETWEEN = frozenset(("broker", "mediate", "sponsor", "facilitate", "host", "arrange", "back"))
# A part or a stage names what it is part of: "closed seven of its eight crossings", "blocked the opening
# of the chapter", "the resumption of talks"; the act is on the crossings, the chapter, the talks.
_PARTS = frozenset(
    (
        "some",
        "most",
        "all",
        "part",
        "half",
        "many",
        "several",
        "majority",
        "rest",
        "remainder",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "number",
        "bulk",
        "each",
        "any",
        "none",
        "one",
    )
)
_STAGES = frozenset(
    (
        "opening",
        "start",
        "launch",
        "resumption",
        "conclusion",
        "completion",
        "round",
        "continuation",
        "holding",
        "signing",
        "renewal",
        "extension",
    )
)
# "agreed the text of the treaty": the words of an instrument stand for it
_TEXTS = frozenset(("text", "draft", "wording", "terms"))
# "summoned the head of Russia's mission": the head of a body stands for it where an act needs its kind
_HEADS_OF = frozenset(("head", "chief"))
_MODAL_EFFECTS = ("planned", "threat", "refusal", "offer", "demand", "negation", "hedge")
_DROP = ("negation", "hedge")
# Heads of a subject that can pay a visit besides a named person (troops "arriving" are no visit).
_VISITORS = frozenset(
    (
        "delegation",
        "minister",
        "president",
        "premier",
        "chancellor",
        "leader",
        "ambassador",
        "envoy",
        "king",
        "queen",
        "emir",
        "secretary",
        "mission",
        "team",
        "official",
        "head",
        "prince",
        "counterpart",
        "mayor",
    )
)
# People and things that travel without paying a visit of state ("8 million tourists visited Korea", "the
# family flew to Mexico", "troops arrived in the capital").
_NO_VISITORS = frozenset(
    (
        "tourist",
        "traveller",
        "traveler",
        "holidaymaker",
        "family",
        "relative",
        "troop",
        "soldier",
        "pilgrim",
        "student",
        "migrant",
        "refugee",
        "fan",
        "ship",
        "vessel",
        "plane",
        "aircraft",
        "truck",
        "cargo",
        "shipment",
    )
)
# Nouns that name a bilateral instrument: "the Lombok Treaty entered into force" is the pair's own act.
INSTRUMENTS = frozenset(
    (
        "agreement",
        "treaty",
        "accord",
        "pact",
        "memorandum",
        "mou",
        "protocol",
        "convention",
        "declaration",
        "deal",
        "ceasefire",
        "truce",
        "armistice",
        "charter",
        "partnership",
        "epa",
        "fta",
        "cepa",
        "document",  # "80 documents were signed during the visit": instruments, however many
    )
)
_INSTRUMENT_ROLES = ("nsubj", "nsubjpass", "dobj")
_DEALS = ("trade", "arms_transfer", "investment", "aid", "cooperation")  # material acts a deal provides for
# Prepositions that put what they govern before the act they hang from ("suspended the limits after a
# meeting", "withdrew following talks"): that act's suspension or denial is not the earlier one's.
_BEFORE_THE_ACT = frozenset(("after", "following", "since"))
_MODAL_HOPS = 3  # how far up the head chain a modality word still governs the predicate
# Coercive acts whose possibility, voiced by a side, is a threat of them (see _threatened).
_COERCIVE = ("SANCTION", "COERCE", "ASSAULT")
_POSSIBLE = ("may", "might", "could")
_WILL = ("will", "would", "wo", "shall", "'ll")  # "wo" is spaCy's "won't"
# Acts with the other side that a side refuses by saying it will not take them ("will not negotiate with").
_REFUSABLE = ("meeting", "visit", "diplomatic_relations")
# What two sides may agree to after they meet that is only more talking ("met and agreed to open a dialogue").
_TALK = frozenset(
    ("dialogue", "talk", "talks", "meet", "meeting", "consultation", "consultations", "contact")
)
# Verbs that tell only that a named act happens ("the round will take place", "talks will begin").
_HAPPEN = frozenset(("take", "happen", "begin", "start", "open", "convene", "resume", "occur", "continue"))
_SPEECH = frozenset(
    (
        "say",
        "warn",
        "tell",
        "add",
        "state",
        "declare",
        "stress",
        "insist",
        "write",
        "threaten",
        "repeat",
        "reiterate",
    )
)
_ONLOOKERS = frozenset(
    (
        "analyst",
        "expert",
        "observer",
        "commentator",
        "economist",
        "source",
        "report",
        "media",
        "diplomat",
        "critic",
    )
)

Codes = Callable[[int, int], set[str]]  # (start, end) in the sentence → countries of mentions inside


@dataclass(slots=True)
class Reading:
    predicate: Predicate
    start: int  # the predicate word, offsets in the sentence
    end: int
    type: str
    cameo: str
    plover: str
    status: str
    actor: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    mutual: bool = False  # the sides act together (met, signed) rather than one on the other
    scope: tuple[int, int] = (0, 0)  # the predicate's phrase, offsets in the sentence
    visitor: bool = False  # the subject is someone who can pay a visit (a person, an official, a delegation)
    token: Any = None  # the predicate's token in the parse
    pair_phrase: bool = False  # "the two sides", "both countries"
    pair_target: bool = False  # the pair phrase is the act's object ("praised both countries")
    instrument: bool = False  # the act is about a named instrument (an agreement entering into force)
    agentless: bool = False  # a passive with no "by X": the actor is left implicit
    voiced: Any = None  # the speech verb that voices a threatened act ("may close the border, he warned")
    allied: bool = False  # the subjects act together against a third ("fought as allies against Spain")
    about_relations: bool = False  # speech on the relationship ("said Canberra valued the relationship")


# An answer in kind repeats the act it answers, the other way round.
IN_KIND = re.compile(
    r"\b(?:respond(?:ed|s|ing)?|retaliat(?:ed|es|ing)|reciprocat(?:ed|es|ing)|repli(?:ed|es)|hit\s+back)\s+"
    r"in\s+kind\b|\b(?:took|takes|taking|take)\s+(?:reciprocal|mirror|tit-for-tat)\s+(?:measures|steps|action)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[a-z]+")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")


def could_hold_predicate(text: str, k: Knowledge) -> bool:
    """Does any word of ``text`` start with a predicate's stem, or is it an irregular form of one (or does
    it answer an act in kind)? A sentence without any cannot yield a reading, so it need not be parsed."""
    if IN_KIND.search(text):
        return True
    stems = k.predicate_stems
    lowered = text.lower()
    words = _WORDS.findall(lowered)
    if "-" in lowered:  # "shoot-out" read as the listed "shootout"
        words += [h.replace("-", "") for h in _HYPHENATED.findall(lowered)]
    for word in words:
        lemma = k.irregular.get(word)
        if lemma is not None and stem(lemma) in stems:
            return True
        if any(word[:i] in stems for i in range(2, len(word) + 1)):
            return True
    return False


def could_unmake(text: str, k: Knowledge) -> bool:
    """Does ``text`` hold a word that may threaten, refuse, negate or hedge an act (so that the parse is
    needed to tell whether a trigger pattern's act happened)?"""
    lowered = text.lower()
    if "not" in lowered or "n't" in lowered or "no " in lowered:
        return True
    return any(
        any(word[:i] in k.unmaking_stems for i in range(2, len(word) + 1)) for word in _WORDS.findall(lowered)
    )


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _words_below(token: Any, depth: int = 2, after: bool = False) -> set[str]:
    """The words up to ``depth`` below ``token`` (``after``: only from its dependents that follow it)."""
    out: set[str] = set()
    frontier = [c for c in token.children if c.i > token.i] if after else [token]
    if after:
        depth -= 1
        out.update(_lemma(c) for c in frontier)
        out.update(str(c.lower_) for c in frontier)
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        out.update(_lemma(c) for c in frontier)
        out.update(str(c.lower_) for c in frontier)
    return out


def _particles(verb: Any) -> set[str]:
    """The words that can complete a phrasal verb: its own dependents after it that are no date ("on 3
    May", "on Monday"), and an infinitive's "to" ("agreed to suspend the project until May": the date
    inside the infinitive's clause is no date of the verb's own)."""
    after = [c for c in verb.children if c.i > verb.i and (c.dep_ == "xcomp" or not _a_date(c))]
    words = after + [g for c in after if c.dep_ == "xcomp" for g in c.children if g.dep_ == "aux"]
    return {str(w.lower_) for w in words} | {_lemma(w) for w in words}


def _particle(verb: Any) -> str | None:
    """The verb's particle ("called back": back), if the parse gives one."""
    return next((str(c.lower_) for c in verb.children if c.dep_ == "prt"), None)


def _a_date(phrase: Any) -> bool:
    return any(str(w.lower_) in MONTHS_AND_DAYS for w in phrase.subtree)


def _misparsed_object(token: Any, child: Any) -> bool:
    """A name right after the verb that the parser took for an adverbial or for a second subject
    ("summoned Japanese Ambassador Pranay Verma" parsed as npadvmod, or as nsubj beside the subject
    before the verb): its object, unless it is a date."""
    second_subject = child.dep_ == "nsubj" and any(
        c.dep_ == "nsubj" and c.i < token.i for c in token.children
    )
    return (
        (child.dep_ == "npadvmod" or second_subject)
        and child.pos_ == "PROPN"
        and child.i > token.i
        and not _a_date(child)
    )


# Flows a participle only describes: "goods imported from Chile" is no act of importing.
_DESCRIPTIVE = ("trade", "investment", "cooperation", "other")


def _reduced_passive(token: Any) -> bool:
    """A past participle after its noun: "a ceasefire agreed in Moscow", "a statement signed by the two
    presidents". The noun is what the verb acts on, as the subject of a passive is."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN")


def _instrument_as_subject(child: Any) -> bool:
    """An instrument taken for the subject ("a ceasefire agreed in Moscow collapsed" parsed with the
    ceasefire as the subject of "agreed"): an agreement never agrees or signs, it is agreed or signed."""
    return child.dep_ == "nsubj" and child.pos_ == "NOUN" and _lemma(child) in INSTRUMENTS


# Verbs whose small clause tells the state their subject brings about ("ordered the border closed").
_BRING_ABOUT = frozenset(("order", "declare"))


def _ordered_done(token: Any) -> Any | None:
    """ "Sudan ordered the border closed", "declared the crossing shut": the parser makes the border the
    subject of "closed" (or the object of "ordered"); it is what is closed, and the one who orders it closes
    it. Not a clause of its own with an object or an auxiliary ("declared that the talks had failed")."""
    if not (
        token.dep_ == "ccomp"
        and token.tag_ in ("VBD", "VBN")
        and _lemma(token.head) in _BRING_ABOUT
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass", "mark") for c in token.children)
    ):
        return None
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    if not subjects:  # "ordered the border with Chile closed": the border hung on "ordered"
        subjects = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
    return next((c for c in subjects if c.pos_ in ("NOUN", "PROPN")), None)


def _judged(clause: Any) -> list[Any]:
    """What a small clause says its subject is: "branded the decision illegal" (the clause's head), "said
    the duties were unjustified" (the copula's complement)."""
    if clause.pos_ in ("ADJ", "NOUN"):  # "a terrorist act": the judging word may qualify the noun
        return _with_modifiers([clause])
    if _lemma(clause) in ("amount", "constitute", "represent"):  # "said the move amounted to interference"
        said = [g for g in clause.children if g.dep_ == "dobj"]
        said += [h for g in clause.children if g.dep_ == "prep" and g.lower_ == "to" for h in g.children]
        return _with_modifiers(said)
    if _lemma(clause) == "be":
        said = [g for g in clause.children if g.dep_ in ("acomp", "attr")]
        # "was a hostile act", "is an act of aggression": the judging word qualifies the complement
        of = [h for g in said if g.dep_ == "attr" for h in _of_object(g) if h.dep_ == "pobj"]
        return _with_modifiers(said) + of
    if clause.pos_ in ("VERB", "AUX"):
        # "Morocco has never stopped its hostile actions": the judging word on an act owned by someone
        owned = [g for g in clause.children if g.dep_ == "dobj" and any(c.dep_ == "poss" for c in g.children)]
        return [m for g in owned for m in g.children if m.dep_ == "amod"]
    return []


def _with_modifiers(tokens: list[Any]) -> list[Any]:
    """The tokens and the words that qualify them ("a hostile act": act, hostile; "trade war": war, trade)."""
    return tokens + [m for g in tokens for m in g.children if m.dep_ in ("amod", "compound")]


def _object_heads(token: Any, is_noun: bool) -> list[Any]:
    done = None if is_noun else _ordered_done(token)
    heads = [] if done is None else [done]  # "ordered the border closed": the border is what is closed
    for c in token.children:
        if c.dep_ in _OBJECTS or c.dep_ == "nsubjpass" or (is_noun and c.dep_ in ("compound", "amod")):
            heads.append(c)
            if c.dep_ in ("dobj", "oprd") and not is_noun:
                # "called the plan \"unacceptable\"" parses as amod, "called it a terrorist act" as oprd;
                # also "relief goods", "arms shipments": the object's compound
                heads.extend(g for g in c.children if g.dep_ in ("amod", "compound"))
        elif not is_noun and (_misparsed_object(token, c) or _instrument_as_subject(c)):
            heads.append(c)
        elif not is_noun and c.dep_ == "ccomp":
            heads.extend(_judged(c))
        elif c.dep_ in ("prep", "agent", "prt"):  # "broke off relations" parses as off → relations
            heads.extend(g for g in c.children if g.dep_ == "pobj")
            # "pulled out of talks": out → of → talks
            heads.extend(h for g in c.children if g.dep_ == "prep" for h in g.children if h.dep_ == "pobj")
        elif c.dep_ == "xcomp":
            heads.extend(g for g in c.children if g.dep_ == "dobj")
            if c.tag_ == "VBG":
                heads.append(c)  # "stop shelling": the gerund is what is stopped
            if not is_noun and _lemma(c) == "leave":
                heads.append(c)  # "ordered the counsellor to leave": leaving is what is ordered
    if is_noun and token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
        heads.append(token.head)  # "held talks": the light verb over the noun
    if not is_noun and _reduced_passive(token):
        heads.append(token.head)  # "the truce agreed in 2003"
    # "froze one of the oldest relationships in the Americas" describes, it names no act on relations
    heads += [g for h in heads if _part_or_stage(h) for g in _of_object(h)]
    # "expelled two diplomats and Japan expelled three Chilean ones": "ones" are what the first took
    repeated = not is_noun and token.dep_ == "conj" and _lemma(token.head) == _lemma(token)
    if repeated and any(_lemma(h) == "one" for h in heads):
        heads += [c for c in token.head.children if c.dep_ == "dobj"]
    return heads + [conj for h in heads for conj in h.conjuncts]


# Wars and battles fought with other weapons than force.
_NOT_FORCE = frozenset(
    (
        "trade",
        "tariff",
        "price",
        "currency",
        "cold",
        "information",
        "propaganda",
        "word",
        "words",
        "sanctions",
        "diplomatic",
        "media",
        "legal",
        "chip",
        "tech",
        "technology",
        "subsidy",
        "visa",
        "culture",
    )
)


def _figurative(noun: Any) -> bool:
    """ "a trade war", "the tariff battle", "a war of words": the modifier says it is no fighting."""
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    modifiers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(_lemma(m) in _NOT_FORCE or str(m.lower_) in _NOT_FORCE for m in modifiers)


def _seizes_power(verb: Any) -> bool:
    """ "seized power", "took power": a coup, an act at home whoever is named beside it ("seized the power
    station" is force)."""
    return any(c.dep_ == "dobj" and c.lower_ == "power" and not list(c.children) for c in verb.children)


def _superlative(token: Any) -> bool:
    return any(c.tag_ == "JJS" or (c.dep_ == "advmod" and c.lower_ == "most") for c in token.children)


def _part_or_stage(token: Any) -> bool:
    """ "seven of its crossings", "the opening of talks": a word that stands for what follows its "of"."""
    word = str(token.lower_)
    return (
        token.pos_ == "NUM"
        or _lemma(token) in _PARTS
        or word in _STAGES
        or word in _HEADS_OF
        or word in _TEXTS
    )


def _of_object(token: Any) -> list[Any]:
    """What a part or stage is of, with its own modifiers ("the opening of Chapter 23 in the accession
    talks": the chapter, the talks and "accession")."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")]
    if not any(c.lower_ == "of" for c in preps):
        return []
    found = [g for c in preps for g in c.children if g.dep_ == "pobj" and not _superlative(g)]
    found += [
        h for g in found for c in g.children if c.dep_ == "prep" for h in c.children if h.dep_ == "pobj"
    ]
    return _with_modifiers(found)


def _appeal(token: Any) -> bool:
    """Does the verb ask someone to do something ("called on the president to resign")?"""
    return any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in token.children
    )


def _own_envoy(token: Any) -> bool:
    """ "summoned its ambassador for consultations": a country calling home its own envoy protests nothing
    (the recall is read from the triggers)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    owners = [g for o in objects for g in o.children if g.dep_ == "poss"]
    return any(g.lower_ in ("its", "their", "his", "her") for g in owners)


_CALL_MEANS = frozenset(("phone", "telephone", "video", "videoconference", "call", "line"))


def _speech(token: Any) -> bool:
    """ "Milei, speaking at a rally in Madrid": one who speaks to no one named, alone, makes a speech; "the
    two leaders spoke", "spoke with Xi" is a conversation."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children):
        return False
    if any(w.lower_ in ("with", "alongside", "joint") for w in token.subtree):
        return False  # "spoke at the joint press conference with Milei"
    if any(_lemma(w) in _CALL_MEANS for w in token.subtree):
        return False  # "spoke on the phone", "spoke by video link"
    subjects = _subject(token)
    alone = ("NNP", "NN", "PRP")
    return all(s.tag_ in alone and not s.conjuncts and s.lower_ not in ("they", "we") for s in subjects)


# Marks of a speech verb's row whose object words are read in the reported clause (tone_en.tsv).
_TONE_MARKS = frozenset(f"@{tone}" for tone in TONES)
# What a reported clause about the pair's relationship is about: "said Canberra valued the relationship".
_RELATIONSHIP = frozenset(
    ("relationship", "relation", "relations", "tie", "ties", "partnership", "friendship")
)


# Who a reported clause may speak of without speaking of a state: a party, a movement, a firm.
_NOT_THE_STATE = frozenset(("party", "movement", "company", "firm", "opposition", "investor", "business"))


def _negated(word: Any) -> bool:
    """ "was not a threat", "had no conflict of interest", "never interfered": the word judges nothing."""
    return any(
        c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in ("no", "never"))
        for c in word.children
    )


def _reported(token: Any) -> list[Any]:
    """The clauses a speech verb reports: "said (that) Canberra valued …", and the quote a trailing "he
    said" hangs from ('"This is an act of hostility," Ramírez said')."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if token.dep_ == "parataxis" and token.head.i != token.i:
        clauses.append(token.head)
    return clauses


def _tone_words(token: Any) -> list[Any]:
    """The words that judge in what a speech verb reports: the clause's verb, its complement, object or
    infinitive ("wants to steal the river", "was prepared to carry out"), the modifiers of what the clause
    says its subject is ("was a trusted partner") or of the relationship it speaks of ("wanted a
    constructive relationship"; not of what was done: "discussed illegal fishing" names a topic), and what
    a speaker assures someone of ("assured me of his willingness"). Negated words judge nothing."""
    words = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for clause in _reported(token):
        subjects = [w for c in clause.children if c.dep_ in _SUBJECTS for w in c.subtree]
        if _negated(clause) or any(_lemma(w) in _NOT_THE_STATE for w in subjects):
            continue  # "said his movement was ready to help": a party's word, not the state's
        said = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "dobj", "xcomp", "oprd")]
        said += [g for c in said if c.dep_ == "xcomp" for g in c.children if g.dep_ in ("dobj", "acomp")]
        words += said + [h for g in said if g.dep_ == "attr" for h in _of_object(g) if h.dep_ == "pobj"]
    words += [c for w in words for c in w.conjuncts]  # "a friendly nation and a time-tested friend"
    judged = [w for w in words if w.dep_ != "dobj" or _lemma(w) in _RELATIONSHIP]
    return [w for w in words + _with_modifiers(judged) if not _negated(w)]


def _ready_for_conflict(token: Any, k: Knowledge) -> bool:
    """Is what the speaker's side is said to be ready or willing to do an act of conflict done alone ("was
    ready to impose sanctions", "prepared to respond to any attack")? One done with the other side is
    cooperation ("prepared to carry out a joint investigation with Iraq")."""
    acts = [c for w in _tone_words(token) for c in w.children if c.dep_ == "xcomp"]
    return any(
        p is not None
        and p.type in ("dispute", "sanction", "use_of_force")
        and not any(w.lower_ in ("with", "joint", "jointly", "together") for w in a.subtree)
        for a in acts
        for p in [_best(k.predicates.get((_lemma(a), "verb"), []), a, False)]
    )


def _about_relations(token: Any) -> bool:
    """Does the reported clause speak of the relationship itself ("said Canberra valued the relationship")?"""
    return any(_lemma(w) in _RELATIONSHIP for c in _reported(token) for w in c.subtree)


def _closed_spelling(token: Any) -> str | None:
    """A hyphenated compound noun written as one word ("shoot-out" as "shootout", "stand-offs" as
    "standoff"): the parser splits it, and the lexicon lists the closed spelling."""
    if token.i < 2:
        return None
    hyphen, first = token.doc[token.i - 1], token.doc[token.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha:
        return None
    return str(first.lower_) + _lemma(token)


def _person_told(token: Any, context: Context) -> bool:
    """Is the one told to go (the verb's object) a person the sentence names ("ordered Ana Ruiz to leave")?"""
    told = [c for c in token.children if c.dep_ == "dobj"]
    return any(s <= c.idx < e for c in told for s, e in context.people)


_NAMING = frozenset(("call", "describe", "term", "dub", "label", "brand", "characterise", "characterize"))


def _named_by_a_side(noun: Any) -> bool:
    """Is the noun what a free relative of naming calls something ("what it called an incursion", "what
    Lima described as an attack")? The writer quotes a side's word for a thing and tells no act of it."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ not in ("oprd", "attr", "dobj"):
        return False
    return _lemma(verb) in _NAMING and _names_only(verb)


def _title_word(token: Any) -> bool:
    """The first word of the title "chargé d'affaires" (often written "charge d'affaires")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.lower_.replace("’", "'") == "d'affaires"


def _names_only(token: Any) -> bool:
    """ "struck what India called a terrorist camp", "launched what it called a security operation": a verb
    of naming whose object is "what" heads a free relative; it quotes a side's name for a thing, and judges
    no one."""
    return any(c.dep_ == "dobj" and c.lower_ == "what" for c in token.children)


def _matches(pred: Predicate, token: Any, is_noun: bool) -> bool:
    if pred.objects & _TONE_MARKS:  # "said Canberra valued the relationship": the reported clause judges
        # by lemma only: "had prepared a reply" is no readiness ("prepared" as an adjective is)
        return not is_noun and any(_lemma(w) in pred.objects for w in _tone_words(token))
    if pred.type == "meeting" and pred.lemma == "call on" and _appeal(token):
        return False
    if pred.lemma in ("call for", "call on") and not is_noun and _particle(token) == "back":
        return False  # "was called back to New Delhi for consultations": a recall, no call for talks
    if pred.lemma == "summon" and _own_envoy(token):
        return False
    if pred.cameo == "115" and "application" in pred.objects and not _before_a_court(token):
        return False  # "filed an application to join the OECD" is no pleading
    if pred.cameo == "111" and not is_noun and _names_only(token):
        return False
    if pred.lemma == "speak" and not is_noun and _speech(token):
        return False
    words = pred.lemma.split()
    if len(words) > 1:
        rest = words[1:] if not is_noun else words[:-1]
        # a verb's particle follows it: "called on Japan", not "On May 3, Chile called"
        below = _words_below(token, after=not is_noun)
        if not all(w in below for w in rest):
            return False
        # and hangs from the verb itself, or its infinitive ("agreed to reduce"): "called the measure
        # protectionist on 25 March" is no "call on"
        if not is_noun and rest[0] not in _particles(token):
            return False
    if pred.objects:
        heads = _object_heads(token, is_noun)
        if pred.type == "use_of_force":  # "escalated into a trade war": no fighting
            heads = [h for h in heads if not _figurative(h)]
        named = "@name" in pred.objects  # "recognised Kosovo", not "recognised the importance"
        # "summoned Ambassador Ken Tanaka": a person's title is the object's word
        titles = [c for h in heads if h.pos_ == "PROPN" for c in h.children if c.dep_ == "compound"]
        if not any(
            _lemma(h) in pred.objects or str(h.lower_) in pred.objects or (named and h.pos_ == "PROPN")
            for h in heads + titles
        ):
            return False
    return True


# Courts and tribunals before which a state pleads against another.
_COURTS = frozenset(("court", "tribunal", "icj", "itlos", "wto", "hague", "arbitration", "arbitral"))


def _before_a_court(token: Any) -> bool:
    """Is an application filed against someone or with a court ("filed its application against Colombia",
    "lodged an application with the International Court of Justice"), and so a pleading?"""
    return any(w.lower_ == "against" or w.lower_ in _COURTS for w in token.subtree)


def _best(candidates: Iterable[Predicate], token: Any, is_noun: bool) -> Predicate | None:
    """The most specific listed reading: longest phrase first, then one with an object list."""
    # "sent a protest note": the object's modifier says what kind of note it is, so a reading of the
    # modifier outranks one of the bare object ("sent fighter jets into airspace" keeps the file's order)
    objects = [c for c in token.children if c.dep_ == "dobj"]
    heads = {_lemma(c) for c in objects}
    modifiers = {_lemma(m) for c in objects for m in c.children if m.dep_ in ("compound", "amod")}

    def kind_of_object(p: Predicate) -> bool:
        return bool(modifiers & p.objects) and not heads & p.objects

    ranked = sorted(candidates, key=lambda p: (-len(p.lemma.split()), -bool(p.objects), -kind_of_object(p)))
    return next((p for p in ranked if _matches(p, token, is_noun)), None)  # matched in rank order only


def _span(token: Any) -> list[Any]:
    """The argument's own words: its subtree without the other clauses hanging from it."""
    out = [token]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in _LOCATIVE:
            continue
        if c.dep_ == "amod" and c.tag_ == "VBN" and _lemma(c) in _GO_BETWEEN:
            continue  # "the Saudi-brokered agreement": Saudi Arabia is no party to it
        if c.dep_ not in _OTHER_CLAUSE:
            out.extend(_span(c))
        elif c.dep_ == "conj" and token.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            out.extend(_span(c))  # "Chile and Japan signed", "Chilean and Japanese officials": one argument
        elif c.dep_ == "appos":
            out.extend(w for g in _conjuncts_of_name(c) for w in _span(g))
    return out


def _conjuncts_of_name(appos: Any) -> list[Any]:
    """What an apposition joins to its head when the parse hangs a coordination on the name: "between
    Chile's minister Ana Soto and her Peruvian counterpart" (the counterpart a conjunct of "Ana Soto", or
    an apposition right after "and"). No apposition follows "and": the words after it are a second
    member."""
    joined = [g for g in appos.children if g.dep_ == "conj"]
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    if before is not None and before.pos_ == "CCONJ" and before.head.i != appos.head.i:
        joined.append(appos)
    return joined


# spaCy's coarse tags for each part of speech of modality_en.tsv
_TAGS = {
    "verb": ("VERB", "AUX"),
    "aux": ("AUX", "VERB"),
    "noun": ("NOUN", "PROPN"),
    "adj": ("ADJ",),
    "adv": ("ADV", "PART"),
    "adp": ("ADP",),
}


def _effect(token: Any, k: Knowledge) -> str | None:
    """The modality of a governing word, when it is used as the part of speech listed ("open" the adjective
    hedges, "opened" the verb does not)."""
    lemma = _lemma(token)
    if any(token.pos_ in _TAGS.get(pos, ()) for pos in k.modality_pos.get(lemma, ())):
        return k.modality[lemma]
    return None


def _none_acts(token: Any) -> bool:
    """ "Neither government broke off relations", "neither side recalled its envoy", "at no point did
    either side recall its ambassador": a subject that is no one, or a time that is none, denies the act."""
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in ("neither", "none", "nobody")
            or any(g.dep_ in ("det", "preconj") and g.lower_ == "neither" for g in c.children)
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "at":
            times = [g for g in c.children if g.dep_ == "pobj" and g.lower_ in ("point", "time", "stage")]
            if any(d.dep_ == "det" and d.lower_ == "no" for g in times for d in g.children):
                return True
    return False


def _own_modality(token: Any, k: Knowledge) -> str | None:
    """Negation, auxiliaries, adverbs and conditions on the predicate word itself. Negation wins over
    the rest: "will not recognise" is no act, planned or not."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and str(c.lower_) == "no") for c in token.children):
        return "negation"
    if _none_acts(token):
        return "negation"
    for c in token.children:
        none_of = (g for g in c.children if g.dep_ == "det" and str(g.lower_) == "no")
        if c.dep_ in ("dobj", "nsubjpass") and any(none_of):
            return "negation"  # "signed no agreement", "no contract has been signed"
        if c.dep_ in ("aux", "auxpass", "advmod", "mark") and k.modality.get(_lemma(c)) in _MODAL_EFFECTS:
            return k.modality[_lemma(c)]
        if c.dep_ == "mark" and str(c.lower_) in ("if", "whether", "unless"):
            return "hedge"
        conditions = (g for g in c.children if g.dep_ == "mark" and str(g.lower_) in ("if", "unless"))
        if c.dep_ == "advcl" and any(conditions):
            return "hedge"  # "If the talks succeed, they will sign": a condition, not an act
    return None


def _refused(token: Any) -> bool:
    """A side that says it will not deal with the other ("Ukraine will not negotiate with the aggressor", "we
    will not restore relations") refuses to: the act's own subject names who refuses (not "talks will not
    resume")."""
    will = any(c.dep_ == "aux" and c.lower_ in _WILL for c in token.children)
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return will and any(s.pos_ in ("PROPN", "PRON") or s.ent_type_ in ("GPE", "NORP") for s in subjects)


def _yielding(pred: Predicate) -> bool:
    """A concession (CAMEO 08: allowing access, granting passage, accepting monitors) that a named side
    says it did or will not make is a refusal to yield (CAMEO 12), whatever the tense: "Chile did not allow
    the inspectors in", "Japan would not grant a safe passage" (not "no inspectors were allowed")."""
    return pred.plover == "CONCEDE" and pred.cameo.startswith("08")


def _governor_negated(token: Any) -> str | None:
    """A word above the predicate that is itself negated: "did not agree to sign", "we are not planning to
    break off relations", "it has no plans to expel"."""
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children):
        return "negation"
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return "negation"
    return None


def _accepted(offer: Any) -> bool:
    return offer.pos_ == "NOUN" and offer.dep_ == "dobj" and _lemma(offer.head) == "accept"


def _modality(token: Any, k: Knowledge) -> str | None:
    """The strongest modality over the predicate: its own auxiliaries and negation, and the verbs or
    nouns it is the complement of ("threatened to impose", "plans for a visit")."""
    current, hops = token, 0
    occasion = False  # passed a preposition that puts the predicate before the act above it
    while True:
        if hops == 0:
            own = _own_modality(current, k)
        elif hops == 1 and token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass"):
            own = _own_modality(current, k)  # "may impose sanctions": the sanctions are as hedged as imposing
        else:
            own = _governor_negated(current)
        if own:
            return own
        head = current.head
        if head.i == current.i or hops >= _MODAL_HOPS:
            return None
        described = token.dep_ == "acl" and token.head.i == current.i
        if hops > 0 and described and current.dep_ in ("nsubj", "nsubjpass"):
            return None  # "the treaty, signed in 2014, was never ratified": the signing still happened
        if current.dep_ == "nsubj" and current.pos_ in ("NOUN", "PROPN"):
            # "talks with Ethiopia have failed", "the visit was cancelled": the fate of a named act
            fate = _effect(head, k)
            if fate in _DROP:
                return fate
            judged = [c for c in head.children if c.dep_ == "acomp" and k.modality.get(_lemma(c)) == "hedge"]
            if _lemma(head) == "be" and hops == 0 and judged:
                return "hedge"  # "a meeting of the two ministers was possible next week": not yet an act
            if _lemma(head) in _HAPPEN and hops == 0:
                # "the next round will take place in Santiago", "talks did not begin": when the act happens
                own = _own_modality(head, k)
                return own if own in ("planned", "negation", "hedge") else None
            return None
        if current.dep_ == "ccomp" and _across_semicolon(current, head):
            return (
                None  # "Spain restricts purchases; Buenos Aires calls the measure protectionist": two clauses
            )
        if current.dep_ == "dobj" and _lemma(head) == "call" and _judging(head):
            return "hedge"  # "called the visit a provocation": the visit is judged, not asked for
        through_prep = current.dep_ == "pobj" and head.dep_ == "prep"
        if through_prep:
            occasion = occasion or head.lower_ in _BEFORE_THE_ACT
            head = head.head
        if current.dep_ == "pcomp" and head.dep_ == "prep":  # "barred members from visiting"
            head, through_prep = head.head, True
        if current.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "nsubjpass", "acl") and not through_prep:
            return None
        if _not_ruled_out(head) and _governor_negated(head):
            return "hedge"  # "did not rule out closing the border": possible, neither done nor refused
        effect = _effect(head, k)
        if effect == "offer" and _accepted(head):
            effect = "planned"  # "accepted an invitation to visit": now planned, no longer offered
        if effect in _DROP and occasion:
            return None  # "would suspend port limits after a meeting": the meeting was held
        if effect in _MODAL_EFFECTS:
            return _governor_negated(head) or effect  # "not planning to": no plan, no act
        if current.dep_ == "ccomp":
            return None  # "said that they signed": the report is no modality
        current, hops = head, hops + 1


def _across_semicolon(clause: Any, head: Any) -> bool:
    """Is a semicolon between the clause and the word it hangs from (two sentences the parser joined)?"""
    lo, hi = sorted((clause.i, head.i))
    return any(str(t.text) == ";" for t in clause.doc[lo:hi])


def _judging(verb: Any) -> bool:
    """ "called the visit a provocation", "called it illegal": the verb names what its object is."""
    return any(c.dep_ in ("oprd", "acomp", "xcomp") and c.pos_ in ("NOUN", "ADJ") for c in verb.children)


def _for_the_press(token: Any, is_noun: bool) -> bool:
    """Is the meeting a press conference or briefing (the noun, or the verb's object)?"""
    nouns = [token] if is_noun else [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        _lemma(n) == "briefing" or any(_lemma(c) in ("press", "news", "media") for c in n.children)
        for n in nouns
    )


def _not_ruled_out(token: Any) -> bool:
    return _lemma(token) == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


def _threatened(token: Any) -> Any:
    """A coercive act a side says it may take ("Poland may close all crossings, the minister warned", "we do
    not rule out closing the border", "if the provocations go on, we could expel diplomats") is a threat of
    it: a possibility voiced by a speaker who is not an onlooker ("analysts said Japan may impose
    sanctions" threatens nothing). Returns the speech verb (the act itself when a "we" speaks), or None."""
    possible = any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in token.children) or _conditional(token)
    current = token
    for _ in range(_MODAL_HOPS + 1):
        possible = possible or _not_ruled_out(current)
        head = current.head
        if head.i == current.i:
            speech = [
                c for c in current.children if c.dep_ in ("parataxis", "ccomp") and _lemma(c) in _SPEECH
            ]
            voiced = next((s for s in speech if not _onlooker(s)), None)
            if voiced is None and any(str(s.lower_) == "we" for s in _subject(current)):
                voiced = current  # a speaker's own "we may close the border", quoted or transcribed
            return voiced if possible else None
        if _lemma(head) in _SPEECH and current.dep_ == "ccomp":
            return head if possible and not _onlooker(head) else None
        if current.dep_ not in ("xcomp", "ccomp", "dobj", "nsubjpass", "conj"):
            return None
        current = head
    return None


def _conditional(token: Any) -> bool:
    """ "If the troops are not withdrawn, we will take the matter to the Court": an act a side says it will
    take on a condition is as possible as one it may take."""
    will = any(c.dep_ == "aux" and c.lower_ in _WILL for c in token.children)
    return will and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and str(g.lower_) in ("if", "unless") for g in c.children)
        for c in token.children
    )


def _onlooker(speech: Any) -> bool:
    return any(_lemma(t) in _ONLOOKERS for s in speech.children if s.dep_ == "nsubj" for t in s.subtree)


def _retype(reading: Reading, effect: str, head_lemma: str, k: Knowledge) -> None:
    """A threat, refusal, offer or demand of an act is that speech act, not the act."""
    if effect == "threat":
        reading.type, reading.cameo, reading.plover = "dispute", "130", "THREATEN"
        if reading.predicate.type == "use_of_force":
            reading.cameo = "138"
    elif effect == "refusal":
        reading.type, reading.cameo, reading.plover = "dispute", "120", "REJECT"
    elif effect == "offer":
        reading.type, reading.cameo, reading.plover = "statement", "030", "AGREE"
    elif effect == "demand":
        hard = head_lemma in ("demand", "insist", "require")
        reading.type = "dispute" if hard else "statement"
        reading.cameo, reading.plover = ("100" if hard else "020"), "REQUEST"
    elif effect == "planned" and head_lemma == "agree" and reading.predicate.plover == "RETREAT":
        # "the armies agreed to halt firing": the truce agreed is an agreement
        reading.type, reading.cameo, reading.plover = "agreement", "057", "AGREE"
    elif effect == "planned" and head_lemma == "agree" and reading.predicate.type in _DEALS:
        # "Egypt agreed to sell Israel gas": the deal is made (an agreement); the sales are to come
        reading.type, reading.cameo, reading.plover = "agreement", "057", "AGREE"
    elif effect == "planned" and reading.predicate.type == "use_of_force" and not reading.mutual:
        # "Russia will intensify strikes", "ships may be treated as targets": force announced is a threat
        reading.type, reading.cameo, reading.plover = "dispute", "138", "THREATEN"
    elif effect == "planned":
        reading.status = "planned"


def state_actor(token: Any) -> bool:
    """Is the subject of the predicate someone who may act for a state (not "gunmen", "pirates", "a
    court")? An act with no subject at all is not known to be a state's."""
    subjects = _subject(token)
    return bool(subjects) and not _names_non_state(subjects)


# Who meets for two sides without the text naming them again ("delegations met three times in Belarus").
_DELEGATES = frozenset(
    ("delegation", "negotiator", "envoy", "representative", "team", "diplomat", "official", "commission")
)


def _speaking(subjects: list[Any]) -> list[Any]:
    """A quoted "we" is the speaker's side: '"we do not rule out closing other crossings," he said' (the
    subject of the speech verb the quote hangs from, or that hangs from the quote)."""
    if not subjects or any(str(s.lower_) != "we" for s in subjects):
        return subjects
    current = subjects[0].head
    for _ in range(_MODAL_HOPS + 1):
        speech = [c for c in current.children if c.dep_ in ("parataxis", "ccomp") and _lemma(c) in _SPEECH]
        if _lemma(current) in _SPEECH and current is not subjects[0].head:
            speech.append(current)
        speakers = [
            c for v in speech for c in v.children if c.dep_ == "nsubj" and str(c.lower_) not in ("we", "i")
        ]
        if speakers:
            return speakers[:1]
        if current.head.i == current.i or current.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            break
        current = current.head
    return subjects


# Verbs that deliver a protest, a note or a complaint: the one who delivers it protests.
_DELIVER = frozenset(
    (
        "send",
        "deliver",
        "lodge",
        "hand",
        "issue",
        "submit",
        "file",
        "register",
        "convey",
        "make",
        "voice",
    )
)


def delivered(token: Any) -> bool:
    """Is the event noun delivered by a subject who may act for a state ("Serbia sent a protest note",
    "Belgrade delivers a protest note"; not "Ankara rejected the accusations", whose accusations are
    another's)?"""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    light = _light_verb(token)
    return light is not None and _lemma(light) in _DELIVER | _ANSWER and state_actor(light)


def first_person_subject(token: Any) -> bool:
    """Is the act's subject "we" (a speaker's side, not a third party the sentence would name)?"""
    if token.pos_ in ("NOUN", "PROPN"):  # "we delivered a note of protest": the light verb's subject
        token = _light_verb(token)
        if token is None:
            return False
    subjects = _subject(token)
    return bool(subjects) and all(str(s.lower_) == "we" for s in subjects)


# Fighting that is told as breaking out ("heavy fighting broke out around Tsorona", "further clashes took
# place at Nathu La") and troops that clash with no one named.
_BREAK_OUT = frozenset(
    ("break", "erupt", "flare", "take", "resume", "occur", "happen", "escalate", "intensify")
)
_TROOPS = frozenset(("troop", "soldier", "force", "guard", "patrol", "army", "unit", "border"))


def fighting_told(token: Any) -> bool:
    """Is a fight told as happening with no side named and no one but soldiers in it ("heavy fighting broke
    out around Tsorona", "troops clashed again at Yangtse"; not "fighting between the army and rebels")?"""
    if token.pos_ in ("NOUN", "PROPN"):
        told = token.dep_ == "nsubj" and _lemma(token.head) in _BREAK_OUT
    else:
        told = bool(_subject(token)) and all(_lemma(s) in _TROOPS for s in _subject(token))
    sentence = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    return told and not _names_non_state([sentence.root])


def delegates_meet(token: Any) -> bool:
    """Is the subject of a meeting only delegates nobody names a country or body for ("the delegations
    met", "negotiators met in Geneva"; not "EU officials met")?"""
    subjects = _subject(token)
    return bool(subjects) and all(
        _lemma(s) in _DELEGATES and not any(w.pos_ == "PROPN" for w in s.subtree) for s in subjects
    )


def non_state_subject(token: Any) -> bool:
    """Does the predicate's subject name someone who acts without a state ("opposition figures warned")?"""
    return _names_non_state(_subject(token))


def state_act_noun(token: Any) -> bool:
    """Is an act named by a noun ("a Japanese offensive") not one of those who act without a state ("a
    rebel offensive", "a wildfire")?"""
    return _lemma(token) not in _NON_STATE and not _names_non_state(
        c for c in token.children if c.i < token.i
    )


def _names_non_state(phrases: Iterable[Any]) -> bool:
    """Does any of ``phrases`` (each with the words below it) name one who acts without a state?"""
    return any(_lemma(t) in _NON_STATE or _group_fighters(t) for p in phrases for t in p.subtree)


def _group_fighters(token: Any) -> bool:
    """ "JEM fighters", "RSF fighters": fighters named by a group (a name, not a country's adjective)."""
    return _lemma(token) == "fighter" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children
    )


# Who acts without a state behind them, as far as a sentence alone can tell.
_NON_STATE = frozenset(
    [
        "gunman",
        "gunmen",
        "militant",
        "rebel",
        "pirate",
        "terrorist",
        "insurgent",
        "criminal",
        "smuggler",
        "bandit",
        "unknown",
        "unidentified",
        "court",
        "judge",
        "tribunal",
        "arbitrator",
        "protester",
        "demonstrator",
        "activist",
        "opposition",  # an opposition leader speaks for a party, not the state
        "mob",
        # trades that blockade or strike on their own account
        "farmer",
        "haulier",
        "trucker",
        "driver",
        "worker",
        "company",
        "firm",
        "trader",
        # natural causes and accidents kill too
        "fire",
        "wildfire",
        "blaze",
        "earthquake",
        "quake",
        "flood",
        "storm",
        "cyclone",
        "hurricane",
        "typhoon",
        "landslide",
        "avalanche",
        "heatwave",
        "drought",
        "disease",
        "epidemic",
        "pandemic",
        "virus",
        "accident",
        "crash",
    ]
)


def _named_subject(verb: Any) -> bool:
    return any(c.dep_ in _SUBJECTS and c.pos_ in ("PROPN", "PRON") for c in verb.children)


def _stray_subject(verb: Any) -> Any | None:
    """ "Chile expelled two Japanese diplomats and Japan expelled three": the parser hangs "Japan" on the
    first verb's object as one more thing expelled; a name right before a coordinated verb with no subject
    of its own is that verb's subject."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    hung = before.dep_ == "conj" and before.head.dep_ in ("dobj", "pobj") and before.pos_ in ("PROPN", "PRON")
    return before if hung and before.head.i < verb.i else None


def _subject(token: Any) -> list[Any]:
    """The subject of a verb, inherited through coordination, control and relative clauses."""
    current, controlled = token, False
    if _ordered_done(token) is not None:
        current = token.head  # "Sudan ordered the border closed": Sudan closes it
    for _ in range(4):
        # "officials are scheduled to meet", "Boric was invited to visit": a passive's subject does the
        # act of its complement
        deps = _SUBJECTS + ("nsubjpass",) if controlled else _SUBJECTS
        subjects = [c for c in current.children if c.dep_ in deps and not _misparsed_object(current, c)]
        if subjects:
            # two subjects are a misparse; the one nearest the verb is the subject ("LIMA, May 3
            # (Reuters) - Chile signed": the dateline's city is taken for a second subject)
            return [max(subjects, key=lambda c: c.i)]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents
        if current.dep_ == "relcl":
            return [current.head]
        if _reduced_passive(current):
            break  # "the truce agreed in 2003": agentless; the noun is what was agreed
        # "Lula accepted an invitation to visit Germany", "Khan repeated his offer to hold talks": the one
        # who accepts or repeats would act ("Chile's offer to sign" names its own actor)
        noun = current.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if current.dep_ == "acl" and noun.dep_ == "dobj" and all(c.pos_ == "PRON" for c in owners):
            current = noun.head
            continue
        if current.dep_ == "advcl" and current.tag_ == "VBG":
            # "Boric ordered the pipeline closed, accusing Tokyo of…": a participle's subject is that of
            # the clause it trails, however deep the parser hung it
            current = current.head
            while (
                current.dep_ in ("ccomp", "xcomp")
                and current.head.i != current.i
                and not _named_subject(current)
            ):
                current = current.head
            continue
        stray = _stray_subject(current)
        if stray is not None:
            return [stray]
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            controlled = current.dep_ == "xcomp"
            current = current.head
            continue
        if current.dep_ == "pcomp" and str(current.head.lower_) == "by" and current.head.head.pos_ == "VERB":
            current = current.head.head  # "Afghan forces responded by firing": the one who responded fired
            continue
        break
    return []


def modal_spans(sdoc: Any, k: Knowledge) -> list[tuple[int, int, str]]:
    """Words under a modality that unmakes an act (threat, refusal, offer, demand, negation, hedge), as
    offsets in the sentence: a trigger pattern over one of them is not the act ("threatened to break off
    relations" is no break of relations)."""
    spans = []
    for token in sdoc:
        pos = "noun" if token.pos_ in ("NOUN", "PROPN") else "verb" if token.pos_ in ("VERB", "AUX") else None
        if pos and (_lemma(token), pos) in k.predicates:
            effect = _modality(token, k)
            if effect and effect != "planned":
                spans.append((token.idx, token.idx + len(token.text), effect))
    return spans


def planned_within(sdoc: Any, start: int, end: int, k: Knowledge) -> bool:
    """Is an act word in [start, end) of the sentence under a plan ("a meeting of the two chiefs is
    scheduled for February")?"""
    for t in sdoc:
        if not start <= t.idx < end:
            continue
        if t.pos_ in ("VERB", "AUX") and _own_modality(t, k) == "planned":
            return True  # "will sign"
        governor = t.head  # "a meeting … is scheduled for", "plans a visit"; not "decided to" (done)
        named = t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj") and _lemma(governor) != "decide"
        # "the accords, signed Monday, are intended to launch …": what is meant to come is the launch
        named = named and not any(c.dep_ == "xcomp" for c in governor.children)
        if named and "planned" in (_effect(governor, k), _own_modality(governor, k)):
            return True
        if _under_accepted_offer(t, k):
            return True  # "accepted an invitation to make a state visit"
    return False


def _under_accepted_offer(token: Any, k: Knowledge) -> bool:
    current = token
    for _ in range(_MODAL_HOPS):
        if current.head.i == current.i:
            return False
        current = current.head
        if _effect(current, k) == "offer" and _accepted(current):
            return True
    return False


def phrase_of(sdoc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The phrase of the main word (a verb if there is one) in [start, end) of the sentence: the words
    that depend on it, other clauses aside — where the act's own date is written."""
    words = [t for t in sdoc if start <= t.idx < end]
    head = next((t for t in words if t.pos_ in ("VERB", "AUX")), words[0] if words else None)
    if head is None:
        return None
    span = _span(head)
    return _extent(span)


def travels_unofficially(token: Any) -> bool:
    """Is the subject of the trip at ``token`` one who pays no visit of state ("tourists", "the family")?"""
    subjects = _subject(token)
    return bool(subjects) and all(_lemma(s) in _NO_VISITORS for s in subjects)


def subject_span(sdoc: Any, start: int) -> tuple[int, int] | None:
    """Where the subject of the verb at ``start`` (an offset in the sentence) is written, if it has one."""
    verb = word_at(sdoc, start)
    subjects = _subject(verb) if verb is not None else []
    return _extent(_span(subjects[0])) if subjects else None


def coordinated_subjects(token: Any) -> list[tuple[int, int]]:
    """Where each of a verb's coordinated subjects is written ("Greece, Cyprus and Egypt criticised",
    "Modi and the Saudi crown prince condemned"; of an event noun, its light verb's: "Chile and Japan
    imposed sanctions"): one stretch per conjunct, without the others; none when the subject is not a
    coordination."""
    if token.pos_ in ("NOUN", "PROPN"):
        token = _light_verb(token)
        if token is None:
            return []
    subjects = _subject(token)
    if len(subjects) != 1 or not subjects[0].conjuncts:
        return []
    members = [subjects[0], *subjects[0].conjuncts]
    heads = {m.i for m in members}

    def member_of(word: Any) -> int:
        while word.i not in heads and word.head.i != word.i:
            word = word.head
        return int(word.i)

    stretches = []
    for m in members:
        own = [w for w in m.subtree if member_of(w) == m.i and w.dep_ not in ("cc", "punct")]
        stretches.append(_extent(own or [m]))
    return stretches


def _extent(words: list[Any]) -> tuple[int, int]:
    """The offsets in the sentence from the first of ``words`` to the end of the last."""
    return min(w.idx for w in words), max(w.idx + len(w.text) for w in words)


def word_at(sdoc: Any, start: int) -> Any:
    """The parsed word at ``start`` (an offset in the sentence), if any."""
    return next((t for t in sdoc if t.idx <= start < t.idx + len(t.text)), None)


def governs(sdoc: Any, token: Any, start: int, end: int) -> bool:
    """Is the stretch [start, end) of the sentence attached to ``token`` or to a word above it, rather
    than to another verb ("X, who arrived on Sunday, held talks": Sunday is the arrival's; "the first
    since the consultations held in 2015": 2015 is those consultations')?"""
    inside = [t for t in sdoc if start <= t.idx < end]
    if not inside:
        return True
    word = inside[0]
    above = {a.i for a in token.ancestors} | {token.i}
    words = {t.i for t in inside}
    # "ruled out a return to the 2016 arrangements": a date naming which thing is meant, not when this act
    # was done ("the 2016 visit" still dates the visit itself)
    heads = {t.head.i for t in inside if t.head.i not in words}
    if len(heads) == 1 and all(t.dep_ in _ATTRIBUTIVE or t.head.i in words for t in inside):
        noun = sdoc[heads.pop()]
        if noun.pos_ == "NOUN" and noun.i != token.i and noun.lower_ not in _TIME_NOUNS:
            return False
    current = word
    while current.head.i != current.i and current.i not in above:
        own_clause = current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBN")
        if current.pos_ in ("VERB", "AUX") and own_clause and current.head.i != token.i:
            return False  # a clause of its own, with its own time (unless it tells of the act itself)
        current = current.head
    return True


# How a date hangs from a noun it only qualifies ("the 2016 arrangements", "its 1990 declaration").
_ATTRIBUTIVE = ("nummod", "compound", "amod", "nmod")
_TIME_NOUNS = frozenset(("year", "years", "month", "months", "week", "weeks", "day", "days", "season"))


@dataclass(slots=True)
class Context:
    """What the sentence's mentions tell the reader of its parse (offsets in the sentence)."""

    codes: Codes  # the countries of the mentions in a stretch
    pronoun: Callable[[str], set[str]]  # the countries "he", "she" stand for
    pair_spans: list[tuple[int, int]]  # "the two sides", "both countries"
    people: list[tuple[int, int]]  # people named (leaders, officials)


def _content_of_instrument(token: Any) -> bool:
    """An act in a relative clause on an instrument is what the instrument provides ("a declaration …,
    which set up a joint commission"), not an act of its own."""
    return token.dep_ == "relcl" and _lemma(token.head) in INSTRUMENTS


def read_sentence(sdoc: Any, k: Knowledge, context: Context) -> list[Reading]:
    """Every listed predicate of one parsed sentence, with the countries on each side."""
    readings = []
    for token in sdoc:
        is_noun = token.pos_ in ("NOUN", "PROPN")
        pos = "noun" if is_noun else "verb" if token.pos_ in ("VERB", "AUX") else None
        if pos is None:
            continue
        candidates = k.predicates.get((_lemma(token), pos)) or k.predicates.get((str(token.lower_), pos))
        start = token.idx
        if not candidates and is_noun and (closed := _closed_spelling(token)):
            candidates = k.predicates.get((closed, pos))  # "a shoot-out", "the stand-off"
            start = token.doc[token.i - 2].idx
        if not candidates:
            continue
        pred = _best(candidates, token, is_noun)
        if pred is None or (not is_noun and pred.type in _DESCRIPTIVE and _reduced_passive(token)):
            continue
        if "leave" in pred.objects and not _person_told(token, context):
            continue  # "ordered its troops to leave": a withdrawal, no one expelled
        if is_noun and _named_by_a_side(token):
            continue  # "protested against what it called an incursion": a side's word, no act told
        if is_noun and _title_word(token):
            continue  # "recalled its charge d'affaires": a diplomat's rank, no charge laid
        if "@pledge" in pred.objects and _ready_for_conflict(token, k):
            continue  # "said Japan was ready to impose sanctions": no pledge to work together
        if is_noun and pred.type == "use_of_force" and _figurative(token):
            continue  # "a trade war", "a war of words": no force
        if not is_noun and pred.type == "use_of_force" and _seizes_power(token):
            continue  # "the junta that seized power in a July coup": a coup at home, no force on the other
        effect = _modality(token, k)
        if effect == "negation" and (
            (pred.type in _REFUSABLE and _refused(token)) or (_yielding(pred) and _named_subject(token))
        ):
            effect = "refusal"
        coercive = pred.plover in _COERCIVE or pred.cameo == "115"  # force, sanctions, a case at court
        voiced = _threatened(token) if effect == "hedge" and coercive else None
        if voiced is not None:
            effect = "threat"
        if effect in _DROP or _content_of_instrument(token):
            continue
        reading = Reading(
            pred,
            start,
            token.idx + len(token.text),
            pred.type,
            pred.cameo,
            pred.plover,
            "occurred",
            mutual=pred.direction == "mutual",
            token=token,
            voiced=voiced,
        )
        if effect:
            _retype(reading, effect, _lemma(token.head), k)
        _arguments(reading, token, is_noun, context)
        if (
            reading.type == "meeting"
            and _for_the_press(token, is_noun)
            and len(reading.actor | reading.target) < 2
        ):
            continue  # "the spokesperson hosted a regular press conference": no meeting of the two sides
        readings.append(reading)
    # "met in New York and agreed to open a dialogue": one meeting, whose outcome is more talk
    # "agreed to restore relations": the relations step, reported as such when it is taken
    met = {r.token.i for r in readings if r.type in ("meeting", "visit")}
    relations = {r.token.i for r in readings if r.type == "diplomatic_relations"}
    return [
        r
        for r in readings
        if not _agreed_to_act(r)
        or not (
            (r.token.dep_ == "conj" and r.token.head.i in met and _outcome_of_meeting(r.token))
            or any(c.dep_ == "xcomp" and c.i in relations for c in r.token.children)
            or _goal_only(r.token)
            or _only_to_meet(r.token)
        )
    ]


def _agreed_to_act(reading: Reading) -> bool:
    return reading.predicate.lemma == "agree to" and not reading.predicate.objects


def _agreed_acts(token: Any) -> list[Any]:
    """The infinitives agreed to: "agreed to reduce fees and to speed up clearance" gives both."""
    acts = [c for c in token.children if c.dep_ == "xcomp"]
    return acts + [g for a in acts for g in a.conjuncts]


def _outcome_of_meeting(token: Any) -> bool:
    """ "met in Lima and agreed to open a dialogue": the meeting's own outcome, told with the meeting's
    subject, or more talking. With a subject of its own ("visited China, and the two sides agreed to
    appoint envoys") the agreement is an act of its own."""
    acts = _agreed_acts(token)
    words = {_lemma(a) for a in acts} | {_lemma(g) for a in acts for g in a.children if g.dep_ == "dobj"}
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return not own_subject or bool(words & _TALK)


def _goal_only(token: Any) -> bool:
    """ "agreed to raise trade to $150 billion by 2030": every infinitive agreed to is a goal to reach by a
    date — an intention (CAMEO 03x), no instrument and no step taken, and no act of that year."""
    acts = _agreed_acts(token)
    return bool(acts) and all(_by_a_date(a) for a in acts)


_CONVENE = frozenset(("hold", "have", "arrange", "convene"))


def _only_to_meet(token: Any) -> bool:
    """ "agreed to hold a meeting in July", "agreed to meet again": every act agreed to is a meeting of
    their own — an intention to meet (CAMEO 036), told by the planned meeting, not an instrument. "Agreed to
    launch negotiations", "agreed to share supplies" are agreements as before."""
    acts = _agreed_acts(token)
    return bool(acts) and all(
        _lemma(a) == "meet"
        or (
            _lemma(a) in _CONVENE
            and any(g.dep_ == "dobj" and _lemma(g) in _TALK | {"summit", "round"} for g in a.children)
        )
        for a in acts
    )


def _by_a_date(act: Any) -> bool:
    """ "to raise trade to $150 billion by 2030", "by the end of 2025" (not "cut tariffs by 10%")."""
    by = [c for c in act.children if c.dep_ == "prep" and c.lower_ == "by"]
    return any(_a_date(c) or any(re.fullmatch(r"(19|20)\d\d", g.text) for g in c.subtree) for c in by)


def _countries(tokens: list[Any], codes: Codes, pronoun: Callable[[str], set[str]]) -> set[str]:
    found: set[str] = set()
    for t in tokens:
        if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj"):
            found |= pronoun(str(t.lower_))
        if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass"):
            # "Russia announced it was pulling out": "it" is the one who announces; "Nicaragua protested,
            # and in 2011 it instituted proceedings": the subject of the clause it is joined to
            found |= {c for s in _antecedent(t) for w in _span(s) for c in codes(w.idx, w.idx + len(w.text))}
        if t.lower_ == "its" and t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"):
            # "Chile said its troops had shelled the camps": a reported clause's "its" on its subject is the
            # reporter's, as a reported "it" is
            found |= {
                c for s in _antecedent(t.head) for w in _span(s) for c in codes(w.idx, w.idx + len(w.text))
            }
    if tokens:
        for t in tokens:
            found |= codes(t.idx, t.idx + len(t.text))
    return found


_JOINED = ("ccomp", "conj", "relcl", "advcl")


def _antecedent(it: Any) -> list[Any]:
    """The subject "it" stands for: that of the nearest clause above its own, through a reported, joined,
    relative or adverbial clause, that has a subject other than a pronoun ("Mexico's foreign ministry said
    it rejects Lima's decision, which it called excessive"). None for a main clause's "it"."""
    clause = it.head
    for _ in range(4):
        if clause.dep_ not in _JOINED or clause.head.i == clause.i:
            return []
        clause = clause.head
        named = [s for s in _subject(clause) if s.pos_ != "PRON"]
        if named:
            return named
    return []


def _in_pair_phrase(tokens: list[Any], pair_spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.idx < e for t in tokens for s, e in pair_spans)


def _light_verb(noun: Any, force: bool = False) -> Any:
    """The verb an event noun is the object of: "held talks", "held two rounds of talks"; for force, also
    the verb it is the means of ("responded with air strikes"; "came home with pledges" is no giving) and
    the one who goes to it ("went to war")."""
    current = noun
    if (
        current.dep_ == "pobj"
        and current.head.lower_ == "of"
        and current.head.head.dep_ in ("dobj", "nsubjpass")
    ):
        current = current.head.head  # "two days of talks", "a round of negotiations"
    if current.dep_ in ("dobj", "nsubjpass") and current.head.pos_ in ("VERB", "AUX"):
        return current.head
    if (
        force
        and current.dep_ == "pobj"
        and current.head.lower_ == "with"
        and current.head.head.pos_ == "VERB"
    ):
        return current.head.head
    if force and current.dep_ == "pobj" and current.head.lower_ == "to" and _lemma(current.head.head) == "go":
        return current.head.head  # "Chile and Peru went to war in 1879": who went to it
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "pobj":
        current = noun.head.head  # "answered with a note of protest"
    if (
        current.dep_ == "pobj"
        and current.head.lower_ == "with"
        and current.head.head.pos_ == "VERB"
        and _lemma(current.head.head) in _ANSWER
    ):
        return current.head.head  # "Colombia answered with a note of protest": the answer is the note
    return None


# Prepositions that make a meeting the occasion of the act they hang from ("after talks, they signed", "in a
# telephone call, Putin apologised to Aliyev").
_OCCASION_PREPS = frozenset(("after", "following", "during", "in", "at"))
# Verbs of address: their object is the one spoken to ("in a call, Lula thanked Xi").
_ADDRESS = frozenset(
    ("tell", "thank", "assure", "urge", "invite", "congratulate", "inform", "brief", "ask", "warn")
)


def _occasion_sides(noun: Any) -> tuple[list[Any], list[Any]]:
    """The sides of a meeting that names none of its own but is the occasion of another act ("Following
    their discussions, Putin and Pezeshkian signed the treaty", "In a telephone call, Putin apologised to
    Aliyev"): the act's subject, and the one it is addressed to ("to", "with", a dative, the object of a
    verb of address — not "criticised China"). Empty when the meeting hangs from no such act."""
    if _lemma(noun) == "summit":
        return [], []  # "at the summit in Bali, Chile signed an accord with Japan": many sides' gathering
    current = noun
    while current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
        current = current.head  # "after the signings and meetings"
    prep = current.head
    if current.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS or prep.dep_ != "prep":
        return [], []
    verb = prep.head
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head  # "announced the upgrade after talks": the act the object's verb tells
    if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return [], []
    subjects = [w for s in _speaking(_subject(verb)) for w in _span(s)]
    addressed = []
    for c in verb.children:
        if c.dep_ == "dative" or (c.dep_ == "dobj" and _lemma(verb) in _ADDRESS):
            addressed += _span(c)
        elif c.dep_ == "prep" and c.lower_ in ("to", "with") and c.i != prep.i:
            addressed += [w for g in c.children if g.dep_ == "pobj" for w in _span(g)]
    return subjects, addressed


# Verbs of answering: what one answers with is one's own act ("replied with a protest note").
_ANSWER = frozenset(("answer", "reply", "respond", "react", "retort"))


def _common_foe(token: Any) -> list[Any]:
    """Whom a joint act is "against", when that is not "each other": those who act together are allies."""
    subjects = {w.i for s in _subject(token) for w in s.subtree}
    return [
        g
        for w in token.subtree
        if w.dep_ == "prep" and w.lower_ == "against" and w.i not in subjects
        for g in w.children
        if g.dep_ == "pobj" and g.lower_ not in ("other", "another")
    ]


def _arguments(reading: Reading, token: Any, is_noun: bool, context: Context) -> None:
    actor_tokens: list[Any] = []
    target_tokens: list[Any] = []
    agreed: list[Any] = []
    if is_noun:
        for c in token.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                actor_tokens += _span(c)
            elif c.dep_ == "prep":
                objects = [g for g in c.children if g.dep_ == "pobj"]
                span = [w for g in objects for w in _span(g)]
                if str(c.lower_) in _ACTOR_PREPS:
                    actor_tokens += span
                elif str(c.lower_) in _OBJECT_PREPS or (
                    reading.type == "visit" and str(c.lower_) in _PLACE_PREPS
                ):
                    target_tokens += span
                elif reading.type == "use_of_force" and str(c.lower_) in _STRUCK_PREPS:
                    target_tokens += span  # "air strikes across Lebanon", "a ground operation in Gaza"
        if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
            # "clashes broke out between Chilean and Japanese troops": the happening verb's complements
            for c in token.head.children:
                if c.dep_ == "prep" and str(c.lower_) in _ACTOR_PREPS + _OBJECT_PREPS:
                    span = [w for g in c.children if g.dep_ == "pobj" for w in _span(g)]
                    (actor_tokens if str(c.lower_) in _ACTOR_PREPS else target_tokens).extend(span)
        light = _light_verb(token, force=reading.type == "use_of_force")
        if light is not None:
            actor_tokens += [
                w for s in _speaking(_subject(light)) for w in _span(s)
            ]  # "Chile held talks with"
            struck = _STRUCK_PREPS if reading.type == "use_of_force" else ()
            for c in light.children:
                if c.dep_ == "prep" and (str(c.lower_) in _OBJECT_PREPS or str(c.lower_) in struck):
                    target_tokens += [w for g in c.children if g.dep_ == "pobj" for w in _span(g)]
            if reading.mutual and reading.type == "use_of_force" and _lemma(light) == "go":
                # "Chile and Peru went to war against Bolivia": one side, and Bolivia the other
                foes = _countries(target_tokens, context.codes, context.pronoun)
                if foes - _countries(actor_tokens, context.codes, context.pronoun):
                    reading.mutual, reading.allied = False, True
    else:
        # "a ceasefire agreed in Moscow" parsed with the ceasefire as subject: what was agreed, not who
        agreed = [c for c in token.children if reading.type == "agreement" and _instrument_as_subject(c)]
        actor_tokens = [w for s in _speaking(_subject(token)) if s not in agreed for w in _span(s)]
        passive_subject = [c for c in token.children if c.dep_ == "nsubjpass"] + agreed
        if (done := _ordered_done(token)) is not None:  # "ordered the border closed": what is closed
            passive_subject.append(done)
        if _reduced_passive(token):
            passive_subject.append(token.head)
        target_tokens += [w for c in passive_subject for w in _span(c)]
        for c in token.children:
            if c.dep_ in _OBJECTS or _misparsed_object(token, c):
                target_tokens += _span(c)
            elif c.dep_ == "ccomp" and reading.predicate.objects & _TONE_MARKS:
                # "said Costa Rica wants to steal the river": who is spoken of
                target_tokens += list(c.subtree)
            elif c.dep_ == "ccomp" and _judged(c) and reading.predicate.cameo == "111":
                # "said Japan's duties were unjustified": the one judged is the clause's subject
                target_tokens += [w for g in c.children if g.dep_ in ("nsubj", "nsubjpass") for w in _span(g)]
            elif c.dep_ == "prep" and (
                str(c.lower_) in _OBJECT_PREPS or (reading.type == "visit" and str(c.lower_) in _PLACE_PREPS)
            ):
                target_tokens += [w for g in c.children if g.dep_ == "pobj" for w in _span(g)]
            elif c.dep_ in ("prep", "prt") and str(c.lower_) == "out":  # "pulled out of talks with Japan"
                target_tokens += [
                    w for g in c.children if g.dep_ == "prep" for h in g.children for w in _span(h)
                ]
            elif c.dep_ == "xcomp":
                target_tokens += [w for g in c.children if g.dep_ in ("dobj", "prep") for w in _span(g)]
            elif c.dep_ == "ccomp" and reading.predicate.plover == "REQUEST":
                # "demanded that Armenia withdraw": the one asked is the clause's subject
                target_tokens += [w for g in c.children if g.dep_ == "nsubj" for w in _span(g)]
        if reading.predicate.objects & _TONE_MARKS:
            reading.about_relations = _about_relations(token)
            if token.dep_ == "parataxis":  # '"… an act of hostility," Ramírez said': the quote it trails
                target_tokens += [w for w in token.head.subtree if w.i not in {t.i for t in token.subtree}]
        if passive_subject and reading.mutual:
            actor_tokens += [w for s in passive_subject for w in _span(s)]
        allies_foes = _common_foe(token) if reading.mutual and reading.type == "use_of_force" else []
        if allies_foes:  # "Chile and Peru fought as allies against Spain": one side, and Spain the other
            reading.mutual, reading.allied = False, True
            target_tokens += [w for f in allies_foes for w in _span(f)]
    if is_noun and reading.type == "meeting":
        own = _countries(actor_tokens + target_tokens, context.codes, context.pronoun)
        subjects, addressed = _occasion_sides(token)
        found = _countries(subjects + addressed, context.codes, context.pronoun)
        if len(own) < 2 and len(own | found) == 2:  # its sides are the act's, if they make two
            actor_tokens += subjects
            target_tokens += addressed
    reading.pair_phrase = _in_pair_phrase(actor_tokens + target_tokens, context.pair_spans)
    passive = any(c.dep_ == "auxpass" for c in token.children) or _reduced_passive(token) or bool(agreed)
    reading.agentless = not is_noun and passive and not any(c.dep_ == "agent" for c in token.children)
    # "it entered into force": only an instrument enters into force, whatever the subject is called
    reading.instrument = (
        _lemma(token) in INSTRUMENTS
        or (_lemma(token) == "enter" and "force" in _words_below(token))
        or any(
            _lemma(w) in INSTRUMENTS
            or (w.lower_ in _TEXTS and any(_lemma(g) in INSTRUMENTS for g in _of_object(w)))
            for w in actor_tokens + target_tokens
            if w.dep_ in _INSTRUMENT_ROLES
        )
    )
    reading.pair_target = _in_pair_phrase(target_tokens, context.pair_spans) or any(
        w.lower_ in ("other", "another") and w.head.lower_ in ("each", "one") or w.lower_ == "each"
        for w in target_tokens
    )  # "recognised each other"
    reading.visitor = any(
        _lemma(w) in _VISITORS or w.lower_ in ("he", "she") or any(s <= w.idx < e for s, e in context.people)
        for w in actor_tokens
    )
    words = _span(token)
    reading.scope = _extent(words)
    reading.actor = _countries(actor_tokens, context.codes, context.pronoun)
    reading.target = _countries(target_tokens, context.codes, context.pronoun) - reading.actor
