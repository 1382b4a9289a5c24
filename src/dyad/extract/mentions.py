"""Mentions of countries, people, organisations and forums, found with spaCy's PhraseMatcher.

Every name comes from the knowledge files. Acronyms and short all-capital names ("US", "CAN", "UN") match
case-sensitively; other names case-insensitively (texts write "moscow's" too).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import filter_spans

from dyad.knowledge import Knowledge, load_knowledge

# Regions and compounds that contain a country name but are not that country; matched so that the
# longest-span rule keeps "Latin America" from being read as the United States.
_NOT_COUNTRIES = (
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "the Americas",
    "Central Europe",
    "Eastern Europe",
    "Western Europe",
    "Asia-Pacific",
    "Asia Pacific",
    "South Atlantic",
    "North Atlantic",
    "Washington Consensus",
    "New Mexico",
    "New South Wales",
    "Papua New Guinea",
    "Latin American",
    "South American",
    "Central American",
    "North American",
)
# Phrases that refer to the document's pair of countries.
PAIR_PHRASES = (
    "the two countries",
    "both countries",
    "the two states",
    "both states",
    "the two nations",
    "both nations",
    "both sides",
    "the two sides",
    "both economies",
    "the two economies",
    "bilateral",
    "bilaterally",
    "both governments",
    "the two governments",
    "the two leaders",
    "both leaders",
    "the two presidents",
    "both presidents",
    "the two prime ministers",
    "both prime ministers",
    "the two foreign ministers",
    "both foreign ministers",
    "the two defence ministers",
    "the two defense ministers",
    "the two trade ministers",
    "the two foreign secretaries",
    "the two heads of state",
    "the two heads of government",
    "the two forces",
    "the two militaries",
    "the two armies",
    "the two navies",
    "the two capitals",
    "both capitals",
)
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{0,5}$")
# A capital right before the capitalised noun of an instrument names where it was made ("the Vienna
# Convention", "the Tashkent Declaration", "the Minsk Protocol"), not a state acting or acted on.
_INSTRUMENT_NAMED_AFTER = re.compile(
    r" (?:Convention|Conventions|Treaty|Agreement|Agreements|Accord|Accords|Protocol|Protocols|Declaration|"
    r"Charter|Communiqué|Communique|Memorandum|Process|Format|Principles)\b"
)
# Capitalised words beside a name that are not part of it.
_NOT_NAME_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "In",
        "On",
        "At",
        "By",
        "For",
        "Of",
        "To",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Said",
        "Says",
    ]
)


@dataclass(slots=True, frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # country, person, organisation, forum, pair, region
    value: str  # ISO3, person's name, organisation's name, forum key, "pair", region name
    form: str = ""  # for countries: name, adjective, metonym, descriptor, historical
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(slots=True)
class _Entry:
    kind: str
    value: str
    form: str
    attrs: dict[str, Any]


class MentionFinder:
    """Find mentions in a text. Build once per knowledge set (it compiles two PhraseMatchers)."""

    def __init__(self, knowledge: Knowledge) -> None:
        # A tokenizer of its own, with room in its cache for the pattern chunks and the documents' words:
        # spaCy caches at most ``max_cache_size`` chunks and stops caching when full.
        self.nlp = spacy.blank("en")
        cast(Tokenizer, self.nlp.tokenizer).max_cache_size = 250_000
        self.entries: dict[str, list[_Entry]] = {}
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._add_countries(knowledge)
        self._add_people(knowledge)
        self._add_organisations(knowledge)
        for phrase in _NOT_COUNTRIES:
            self._add(phrase, _Entry("region", phrase, "region", {}))
        for phrase in PAIR_PHRASES:
            self._add(phrase, _Entry("pair", "pair", "pair", {}))
        self._compile()
        # words of titles ("President Putin"): a known one-word name beside one is still that person
        self.title_words = frozenset(w.lower() for p in knowledge.roles for w in p.split())

    def _add(self, phrase: str, entry: _Entry) -> None:
        phrase = phrase.strip()
        if len(phrase) < 2:
            return
        key = phrase if _ACRONYM.match(phrase) else phrase.lower()
        self.entries.setdefault(key, []).append(entry)

    def _add_countries(self, k: Knowledge) -> None:
        for c in k.countries.values():
            for form, names in (
                ("name", (c.name, *c.aliases)),
                ("adjective", c.adjectives),
                ("metonym", (c.capital, *c.metonyms)),
                ("descriptor", c.descriptors),
            ):
                for name in names:
                    self._add(name, _Entry("country", c.iso3, form, {}))
            for name, first, last in c.historical:
                self._add(
                    name, _Entry("country", c.iso3, "historical", {"historical": name, "span": [first, last]})
                )

    def _add_people(self, k: Knowledge) -> None:
        for term in k.terms:
            for name in {term.name, *term.aliases}:
                self._add(name, _Entry("person", term.name, "person", {}))

    def _add_organisations(self, k: Knowledge) -> None:
        for org in k.organisations:
            for name in (org.name, *org.aliases):
                self._add(
                    name,
                    _Entry(
                        "organisation", org.name, org.kind, {"iso3": org.iso3, "dimension": org.dimension}
                    ),
                )
        for summit in k.summits:
            for name in summit.aliases:
                self._add(name, _Entry("forum", summit.forum, "summit", {"edition": summit.edition}))
        for forum, names in k.forums.items():
            for name in (forum, *names):
                self._add(name, _Entry("forum", forum, "forum", {}))

    def _compile(self) -> None:
        for key in self.entries:
            matcher = self.exact if _ACRONYM.match(key) else self.folded
            matcher.add(key, [self.nlp.make_doc(key)])

    def find(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """Mentions in ``text``, longest match first where spans overlap, in text order."""
        doc = doc if doc is not None else self.nlp.make_doc(text)
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                span.label_ = self.nlp.vocab.strings[match_id]
                spans.append(span)
        mentions = []
        for span in filter_spans(spans):
            entries = self.entries[span.label_]
            first = entries[0]
            attrs = dict(first.attrs)
            if first.kind == "person":
                attrs["people"] = sorted({e.value for e in entries if e.kind == "person"})
            elif first.kind == "country" and len({e.value for e in entries}) > 1:
                attrs["candidates"] = sorted({e.value for e in entries})
            forum = next((e.value for e in entries if e.kind == "forum"), None)
            if forum:  # "Asia Pacific Economic Cooperation" is an organisation and a summit forum
                attrs["forum"] = forum
                attrs.update({k: v for e in entries if e.kind == "forum" for k, v in e.attrs.items()})
            if first.kind == "person" and self._inside_longer_name(text, span.start_char, span.end_char):
                continue
            if first.form == "metonym" and _INSTRUMENT_NAMED_AFTER.match(text, span.end_char):
                continue
            mentions.append(
                Mention(span.start_char, span.end_char, span.text, first.kind, first.value, first.form, attrs)
            )
        return mentions

    def _inside_longer_name(self, text: str, start: int, end: int) -> bool:
        """A known name of one word written inside a longer name ("Norberto Quirno Costa" is not Pablo
        Quirno): a capitalised word that is no title right before or after it on the same line."""
        if " " in text[start:end].strip():
            return False
        before = re.search(r"([A-Z][\w'’-]+) $", text[max(0, start - 30) : start])
        after = re.match(r" ([A-Z][a-z][\w'’-]*)", text[end : end + 30])
        return any(
            hit and hit.group(1).lower() not in self.title_words and hit.group(1) not in _NOT_NAME_WORDS
            for hit in (before, after)
        )


@lru_cache(maxsize=4)
def mention_finder(extra_dirs: tuple[str, ...] = ()) -> MentionFinder:
    return MentionFinder(load_knowledge(extra_dirs))


def within(items: list[Any], starts: list[int], lo: int, hi: int) -> list[Any]:
    """The items (sorted by start, ``starts`` their starts) that start in [lo, hi)."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]
