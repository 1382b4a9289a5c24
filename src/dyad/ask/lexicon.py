"""General English words for reading questions and checking that a sentence asserts what they ask.

Words are compared by :func:`stem`, a light suffix stripper, so a table lists one form of a word and its
irregular forms ("buy", "bought"). Nothing here names a country, a person or a document: those come from
the knowledge files through the mention finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")


def stem(word: str) -> str:
    """'signed' → 'sign', 'agreements' → 'agre', 'purchases' → 'purchas': a matching key, not a lemma."""
    w = re.sub(r"['’]s?$", "", word.lower())
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith("ss")):
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return w[:-1] if len(w) > 4 and w.endswith("e") else w


def words(text: str) -> list[str]:
    """Words of ``text`` with hyphenated compounds split ("Technical-Military" → two words)."""
    return [part for token in _WORD.findall(text) for part in re.split(r"[-]", token) if part]


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


@dataclass(slots=True, frozen=True)
class Token:
    """A word with its offsets: "Peru's" is one token, "Technical-Military" two."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def stem(self) -> str:
        return stem(self.text)


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _stem_set(text: str) -> frozenset[str]:
    return frozenset(stems(text))


STOPWORDS = _stem_set(
    """a an the of in on at to for from by with and or but between among about into onto over under during
    before after since until than as per via within without against toward towards upon
    be been being am is are was were do does did done doing have has had having will would shall should
    can could may might must ever also just only still even very much many more most such
    which what who whom whose when where why how that this these those there here it its they them
    their theirs he him his she her hers we our us you your i me my one ones any some all each both
    either neither other another not no nor so then thus if whether off up down out back away
    make made making take took taken happen happened occur occurred become became first last"""
)

# Verbs that carry no event of their own ("did", "made a visit", "took place").
GENERIC_VERBS = _stem_set(
    "be do have make made take took happen occur place get got give gave hold held become became"
)

AUXILIARIES = (
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
    "would",
    "should",
)

# Event types the words of a question point to. Order matters only for ties (first listed wins).
EVENT_TYPE_WORDS: dict[str, frozenset[str]] = {
    "agreement": _stem_set(
        """sign signed signing agreement accord treaty declaration memorandum pact protocol convention
        charter contract deal ratify ratified"""
    ),
    "visit": _stem_set("visit trip tour travel travelled traveled went"),
    "meeting": _stem_set("meet met meeting talks"),
    "diplomatic_relations": _stem_set("diplomatic embassy embassies recognition recognise recognize"),
    "arms_transfer": _stem_set(
        """weapon arms armament helicopter tank aircraft airplane plane fighter jet missile rifle frigate
        submarine warship"""
    ),
    "investment": _stem_set("invest investment investor"),
    "trade": _stem_set("trade export import"),
    "cooperation": _stem_set("cooperation cooperate scholarship exercise manoeuvre maneuver drill"),
    "statement": _stem_set("condemn condemned criticise criticize praise welcomed express expressed"),
    # Acts one side does to the other: the question's subject is the side asked about as acting.
    "sanction": _stem_set("expel expelled expulsion sanction sanctioned embargo ban banned"),
    "use_of_force": _stem_set(
        "attack attacked invade invaded invasion shell shelled shelling bomb bombed bombing clash clashed"
    ),
    "dispute": _stem_set("accuse accused protest protested threaten threatened denounce denounced"),
}
# Event types whose acting side a question can ask about ("Did Russia expel…", "Who attacked…"): acts one
# side does to the other, where the side that acts is the subject of the question's verb.
DIRECTED_TYPES = ("sanction", "use_of_force", "dispute")

# Actions a supporting sentence must state in some form: the question's verb or noun → its family.
ACTION_WORDS: dict[str, str] = {
    "sign": "sign signed signing signature conclude concluded ink inked ratify ratified reach reached",
    "establish": "establish established establishment open opened start started begin began restore restored "
    "resume resumed recognise recognised recognize recognized",
    "break": "break broke broken sever severed suspend suspended cut",
    "visit": "visit visited trip tour travel travelled traveled arrive arrived arrival",
    "meet": "meet met meeting talks",
    "buy": "buy bought purchase purchased acquire acquired acquisition procure procured procurement order "
    "ordered",
    "sell": "sell sold supply supplied deliver delivered delivery transfer transferred",
    "join": "join joined entry enter entered accession accede acceded member membership admit admitted",
    "lead": "lead led leader leadership head headed chair chaired rule ruled govern governed",
    "invest": "invest invested investment",
    "export": "export exported shipment shipped",
    "import": "import imported",
    "grow": "grow grew grown growth increase increased rise rose expand expanded",
    "fall": "fall fell decline declined decrease decreased drop dropped shrink shrank",
    "rank": "rank ranked ranking position",
}
ACTIONS: dict[str, frozenset[str]] = {name: _stem_set(family) for name, family in ACTION_WORDS.items()}
# Actions with a CAMEO code of their own within an event type: breaking relations is not establishing them.
ACTION_CAMEO = {"break": "161"}

# Figure kinds the words of a value question point to, strongest first.
FIGURE_KIND_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("growth_rate", _stem_set("grow grew growth increase rise rose decline fall fell percent percentage")),
    ("rank", _stem_set("rank ranked ranking position")),
    ("arms_value", _stem_set("weapon arms armament helicopter aircraft missile tank")),
    ("investment", _stem_set("invest invested investment investor")),
    ("export", _stem_set("export exported exporter shipment")),
    ("import", _stem_set("import imported importer")),
    ("trade_total", _stem_set("trade trading turnover commerce")),
)

SUPERLATIVES: dict[str, str] = {
    "first": "first",
    "earliest": "first",
    "initial": "first",
    "last": "last",
    "latest": "last",
    "recent": "last",
    "record": "max",
    "largest": "max",
    "biggest": "max",
    "highest": "max",
    "peak": "max",
    "maximum": "max",
    "greatest": "max",
    "lowest": "min",
    "smallest": "min",
    "least": "min",
    "minimum": "min",
}

# Nouns naming a person by office; the value is the office in leaders.tsv (None: any office).
ROLE_NOUNS: dict[str, str | None] = {
    "president": "head_of_state",
    "king": "head_of_state",
    "queen": "head_of_state",
    "emperor": "head_of_state",
    "tsar": "head_of_state",
    "czar": "head_of_state",
    "monarch": "head_of_state",
    "dictator": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
    "foreign minister": "foreign_minister",
    "secretary of state": "foreign_minister",
    "leader": None,
    "head": None,
    "minister": None,
    "official": None,
    "diplomat": None,
    "ambassador": None,
    "general": None,
    "politician": None,
    "person": None,
    "man": None,
    "woman": None,
    "statesman": None,
}
TITLES = frozenset(
    re.findall(
        r"\w+",
        """president prime minister general admiral colonel king queen mr mrs ms dr sir chancellor premier
        foreign secretary ambassador former then current late""",
    )
)

VALUE_NOUNS = _stem_set("value amount worth volume size total level sum figure cost price")
DATE_NOUNS = _stem_set("year date month day decade century time")
PLACE_NOUNS = _stem_set("city place venue location capital town country")
RANK_NOUNS = _stem_set("rank ranking position place")

# Nouns that name an event's type without naming one thing: any agreement answers "sign an agreement", but
# only a sale of submarines answers "buy submarines". The other type nouns must appear in the evidence.
GENERIC_TYPE_NOUNS = _stem_set(
    """agreement accord treaty declaration memorandum pact protocol convention charter contract deal
    visit trip tour meeting talks diplomatic embassy embassies recognition weapon arms armament trade export
    import invest investment investor cooperation cooperate"""
) | frozenset().union(*(EVENT_TYPE_WORDS[kind] for kind in DIRECTED_TYPES))  # the act's type and sides say it

# Modifiers that describe an event without naming a different one ("state visit" is a visit).
LIGHT_MODIFIERS = _stem_set(
    "official state formal first bilateral new historic working recent major important key joint two-day"
)

# A sentence with one of these near its action reports something not done: negotiated, planned, denied.
NOT_ASSERTED = _stem_set(
    """not never no without fail failed refuse refused reject rejected negotiate negotiating negotiation
    propose proposed proposal possibility possible plan planned plans intend intended would could might
    may should expect expected hope hoped aim aimed consider considering exclude excludes excluded
    prospect potential unlikely"""
)
FUTURE_WORDS = _stem_set("will plan planned planning expected scheduled upcoming going intend")

# Words that link a question's object phrase to the rest of the sentence and end a noun phrase.
PHRASE_BREAKS = STOPWORDS | GENERIC_VERBS
