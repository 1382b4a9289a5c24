"""Events: trigger phrases (knowledge/triggers.tsv) in a sentence + participants + a date.

One event per type per sentence. Participants come from the sentence's country, leader and company
mentions; "bilateral"/"the two countries" and a one-sided mention take the document's pair. The date is
the time expression nearest the trigger, else the previous sentence's, else (news) the week before the
document date; "the Nth anniversary of X in <date>" dates X N years earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.extract.context import person_country, resolve_descriptor
from dyad.extract.docdate import HEADING, offices_named
from dyad.extract.event_dates import (
    Span,
    chronology_headings,
    distance,
    event_date,
    is_heading,
    occasion_days,
    own_phrase_first,
    owned_timexes,
    post_news_days,
    post_week,
    title_days,
    without_dateline,
)
from dyad.extract.mentions import Mention, within
from dyad.extract.predicates import (
    IN_KIND,
    Context,
    Reading,
    coordinated_subjects,
    delegates_meet,
    delivered,
    fighting_told,
    first_person_subject,
    modal_spans,
    non_state_subject,
    planned_within,
    read_sentence,
    state_act_noun,
    state_actor,
    subject_span,
    travels_unofficially,
    word_at,
)
from dyad.extract.quantities import find_quantities
from dyad.extract.timex_rules import number
from dyad.extract.timex_values import year_value
from dyad.ingest.kind import ISSUER_TITLE
from dyad.knowledge import Knowledge, Trigger
from dyad.models import ACTS_OF_KINDS, Document, Event, Sentence, Source, TimeExpression, TimeValue

# Words before a trigger that make it hypothetical, negotiated or generic rather than an event.
_HEDGE = re.compile(
    r"\b(could|would|might|(?-i:may)|can|should|potential(ly)?|possibilit(y|ies)|possible|hopes?|aims? to|"
    r"seeks? to|"
    r"interest(ed)?|negotiat\w*|importance|discuss(ed|ions?)?|yet to|if|whether|excludes?|proposals?|"
    r"not|never|no|neither|nor|failed to|refused to|bar|bars|barred|barring|banned|prevented|expected to|"
    r"likely to)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;:]|\b(but|which|who|when|while|after|before|since|because)\b", re.IGNORECASE)
_CALLED_OFF = re.compile(
    r"\b(postponed|cancell?ed|called\s+off|shelved|never\s+took\s+place|fell\s+through)\b", re.I
)
_ANNOUNCED = re.compile(
    r"\b(announced|pledged|promised|agreed|confirmed|decided|declared|said)\b[^.;]{0,60}?\bthat\s+"
    r"(it|they|he|she|the\s+\w+|\w+)\s+would\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b((is|are|was|were)\s+(due\s+|scheduled\s+|expected\s+|set\s+|likely\s+)?to|will|shall|plans?\s+to|"
    r"(is|are)\s+(scheduled|slated|planned|set)\s+for|"
    r"planned|intends?\s+to|upcoming|to\s+be\s+signed)\b",
    re.IGNORECASE,
)
# Text right before a country mention that makes it context, not a participant ("conflict with Ecuador").
_CONTEXT_BEFORE = re.compile(
    r"\b(conflict|war|dispute|tensions?|clash(es)?|border|frontier|rivalry|sanctions)\s+(with|against|over)\s+"
    r"(the\s+)?$|\b(such\s+as|like|than|including)\s+(the\s+)?$",
    re.IGNORECASE,
)
_LOCATION_BEFORE = re.compile(r"\b(in|at|near|outside)\s+(the\s+)?$", re.IGNORECASE)
# A go-between is no party: "the Saudi-brokered agreement", "talks mediated by Qatar".
_GO_BETWEEN_AFTER = re.compile(r"^-?(brokered|mediated|sponsored|hosted|facilitated)\b", re.IGNORECASE)
_GO_BETWEEN_BEFORE = re.compile(
    r"\b(brokered|mediated|sponsored|hosted|facilitated)\s+by\s+(the\s+)?$|\bmediation\s+of\s+(the\s+)?$",
    re.IGNORECASE,
)
# A capital that names an instrument is where it was signed: "the Dakar Agreement", "the Minsk accords".
_NAMES_INSTRUMENT = re.compile(
    r"^\s+(agreements?|accords?|treaty|protocol|declaration|communiqu[eé]|process|talks|format)\b",
    re.IGNORECASE,
)
# Trade and investment sentences about accumulated totals describe a stock (a figure), not an event.
_FLOW_TYPES = ("investment", "trade")
_STOCK = re.compile(r"\b(so far|to date|in total|cumulative(ly)?|altogether|all told)\b", re.IGNORECASE)
_RELATIONS_WORDS = re.compile(
    r"\b(diplomatic|relations|ties|ambassadors?|embass(y|ies)|envoys?)\b", re.IGNORECASE
)
# "Fifty years after Brasília and Beijing opened embassies": the act N years before the clause's date.
_YEARS_AFTER = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+after\s+[^,;:]{0,80}$", re.IGNORECASE)
# Conflict read from the parse needs both sides among the act's own arguments: "officials deny that ..."
# names one side, and the other country elsewhere in the sentence is rarely its target.
_CONFLICT_TYPES = ("dispute", "sanction", "use_of_force")
_VERBAL = ("statement", "dispute")  # acts of speech, which a third party may address to both sides
# Words that make an act a habit over a stretch of time rather than one act on a day.
_HABIT_WORDS = frozenset(
    ("repeatedly", "often", "regularly", "frequently", "routinely", "constantly", "continually", "always")
)
_HABIT_SPANS = re.compile(
    r"\b(?:in\s+recent\s+(?:years|decades|months)|over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?"
    r"(?:years|decades)|over\s+the\s+years|time\s+and\s+again)\b",
    re.IGNORECASE,
)
# Acts an answer in kind repeats, the weightiest first ("expelled …, accusing them of spying": the expulsion).
_ANSWERED = ("sanction", "diplomatic_relations", "dispute")
_BORDERS = ("border", "crossing", "frontier", "checkpoint", "border-crossing")
# Talks between two sides by nature (not a summit or forum of many): with no one named, the pair's.
_TALKS = ("talks", "talk", "negotiations", "negotiation", "round", "consultations")
_NOT_ONE_OCCASION = ("news", "paper", "record", "blog")
# Acts that need not be aimed at anyone ("exports rose", "cooperation grew"): no side is implied.
_NOT_DIRECTED = ("other", "cooperation", "investment", "trade")
# Clauses below another verb whose own words are all that can name a side of their act.
_SUBORDINATE = ("advcl", "ccomp", "relcl", "acl")
_HEADS = {"head_of_state", "head_of_government"}  # offices whose titles say which office they are
_CARRY = 2  # sentences back that a date carries over to a sentence without one
_WINDOW = 60  # characters before a trigger searched for hedges
_NEXT_TO = 16  # characters after a trigger within which "against Ukraine" says whose war it is
# "… between A and B": the sides of a fight named right after its word, up to a comma or a place word
_BETWEEN = re.compile(
    r"^\s*(?:\w+\s+){0,2}?between\s+([^,;.]*?\band\b[^,;.]*?)(?=[,;.]|\s+(?:in|near|on|over|along|around|at)\b|$)"
)


# Conflict acts with no target named, in a document about a pair, are aimed at the other of the pair; by a
# noun, only force that one side wages on another ("a Japanese offensive"; not "an internal conflict").
_CAMPAIGNS = frozenset(
    (
        "offensive",
        "counteroffensive",
        "invasion",
        "incursion",
        "raid",
        "strike",
        "airstrike",
        "air strike",
        "attack",
        "assault",
        "bombardment",
        "bombing",
        "shelling",
        "operation",
    )
)
# A third party who brings both sides together: they meet each other ("hosted the two leaders").
_BRING_TOGETHER = frozenset(("host", "convene", "bring", "gather", "mediate", "broker"))
# What comes "with" an act but is no partner in it ("signed with US mediation", "with Chinese help").
_NO_PARTNER = frozenset(("mediation", "help", "support", "backing", "assistance", "participation", "witness"))
_HUMANITARIAN_AID = "073"  # relief goods, rescue teams, medical supplies sent
_AIMED_PLOVER = ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "REJECT", "ACCUSE", "PROTEST", "THREATEN")


@dataclass(slots=True)
class _Hit(Span):
    trigger: Trigger


def _by_non_state(parse: Any, start: int) -> bool:
    """Is the word at ``start`` (an offset in the sentence) done by someone acting for no state?"""
    word = word_at(parse, start) if parse is not None else None
    return word is not None and non_state_subject(word)


def _hits(sentence: str, triggers: list[Trigger]) -> list[_Hit]:
    """Trigger matches of each event type; overlapping matches of one type are one hit, separate ones
    ("an agreement was signed in 2010, and another followed in 2012") stay separate."""
    by_type: dict[str, list[tuple[int, int, Trigger]]] = {}
    lowered = sentence.lower()
    for trigger in triggers:
        if trigger.needs is not None and not any(word in lowered for word in trigger.needs):
            continue  # none of the words the pattern cannot do without: it cannot match
        for m in trigger.pattern.finditer(sentence):
            by_type.setdefault(trigger.type, []).append((m.start(), m.end(), trigger))
    hits: list[_Hit] = []
    for spans in by_type.values():
        spans.sort(key=lambda item: item[0])
        current = _Hit(spans[0][0], spans[0][1], spans[0][2])
        for start, end, trigger in spans[1:]:
            if start <= current.end:
                current.end = max(current.end, end)
            else:
                hits.append(current)
                current = _Hit(start, end, trigger)
        hits.append(current)
    return sorted(hits, key=lambda h: h.start)


def _is_stock(sentence: str, date: TimeValue | None) -> bool:
    return bool(_STOCK.search(sentence)) or (date is not None and date.granularity == "open")


def _is_hedged(sentence: str, hit: _Hit) -> bool:
    window = sentence[max(0, hit.start - _WINDOW) : hit.start]
    window = _CLAUSE.split(window)[-1]  # only the trigger's own clause
    if _CALLED_OFF.search(sentence[hit.end : hit.end + 2 * _WINDOW]):
        return True  # "a state visit ..., first planned for May and postponed"
    window = _ANNOUNCED.sub(" ", window)  # "announced that it would invest": a decision reported, not a maybe
    return bool(_HEDGE.search(window))


def _names_a_forum(sentence: Sentence, hit: _Hit, s_mentions: list[Mention]) -> bool:
    start, end = sentence.start + hit.start, sentence.start + hit.end
    return any(m.attrs.get("forum") and m.start < end and start < m.end for m in s_mentions)


@dataclass(slots=True)
class _At:
    """One sentence and what it is read with."""

    doc: Document
    sentence: Sentence
    mentions: list[Mention]
    timexes: list[TimeExpression]
    earlier: list[TimeExpression]  # the time expressions of the preceding sentences of the paragraph
    pair: tuple[str, str] | None
    anchor: TimeValue | None
    parse: Any  # the sentence's dependency parse, or None
    occasion: TimeValue | None = None  # the date an undated act takes in a document about one occasion
    section: TimeValue | None = None  # the date heading the chronology section the sentence is in
    dated: set[tuple[str, str | None]] = field(default_factory=set)  # (type, date) taken in the sentence


class EventExtractor:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def _while_in_office(
        self, text: str, mentions: list[Mention], timexes: list[TimeExpression]
    ) -> list[TimeExpression]:
        """The dates carried from the sentences before that the sentence's office-holders fit: none at which
        one it names with the title of a head of state or government ("Prime Minister X") did not hold
        that office ("the last visit dates from March 2011. He was received by Prime Minister al-Sudani",
        in office from 2022)."""
        # heads' titles only: "Foreign Secretary" names a minister in one country, not in another
        named = offices_named(text, mentions, self.k)
        offices = {name: roles & _HEADS for name, roles in named.items() if roles & _HEADS}
        if not offices:
            return timexes

        def fits(value: TimeValue) -> bool:
            if value.start is None or value.end is None:
                return True
            return all(
                any(t.role in roles and t.covers(value.start, value.end) for t in self.k.terms_of(name))
                for name, roles in offices.items()
            )

        return [t for t in timexes if fits(t.value)]

    def __call__(
        self,
        doc: Document,
        mentions: list[Mention],
        timexes: list[TimeExpression],
        pair: tuple[str, str] | None,
        anchor: TimeValue | None,
        parsed: dict[int, Any] | None = None,
    ) -> list[Event]:
        """Events of one document; ``parsed`` maps a sentence index to its dependency parse."""
        events: list[Event] = []
        parsed = parsed or {}
        people: list[str] = []  # countries of the latest person named (for "he", "she")
        earlier: list[Sentence] = []  # up to _CARRY preceding sentences of the same paragraph
        mentions = sorted(mentions, key=lambda m: m.start)
        timexes = sorted(timexes, key=lambda t: t.start)
        m_starts, t_starts = [m.start for m in mentions], [t.start for t in timexes]
        occasion = _occasion(doc, timexes, anchor)
        told = post_news_days(doc, timexes, anchor)
        headings = chronology_headings(doc, timexes)
        section: TimeValue | None = None
        for sentence in doc.sentences:
            if headings and (sentence.start in headings or is_heading(doc, sentence)):
                section = headings.get(sentence.start)
            if earlier and "\n\n" in doc.text[earlier[-1].end : sentence.start]:
                earlier = []  # dates carry over inside a paragraph only
            s_mentions = within(mentions, m_starts, sentence.start, sentence.end)
            # No one named who could take part in an event: the trigger patterns need not run.
            takes_part = bool(s_mentions) or bool(pair and _RELATIONS_WORDS.search(sentence.text))
            s_timex = without_dateline(sentence, within(timexes, t_starts, sentence.start, sentence.end))
            prev_timex = within(timexes, t_starts, earlier[0].start, earlier[-1].end) if earlier else []
            if prev_timex and s_mentions:
                prev_timex = self._while_in_office(doc.text, s_mentions, prev_timex)
            at = _At(
                doc,
                sentence,
                s_mentions,
                s_timex,
                prev_timex,
                pair,
                anchor,
                parsed.get(sentence.index),
                occasion or post_week(doc, sentence, told, anchor),
                section,
            )
            triggered = self._trigger_events(at, events) if takes_part else []
            if at.parse is not None:
                self._reading_events(at, triggered, people, events)
                self._in_kind(at, events)
            for m in s_mentions:
                if m.kind == "person" and (code := self._code(m, sentence, pair, anchor)):
                    people = [code]
            earlier = [*earlier, sentence][-_CARRY:]
        return _without_restatements(events, doc.title)

    def _trigger_events(self, at: _At, events: list[Event]) -> list[tuple[_Hit, Event]]:
        """Events from the trigger patterns; returns each hit that made an event, with the event."""
        sentence, made = at.sentence, list[tuple[_Hit, Event]]()
        hits = _hits(sentence.text, self.k.triggers)
        unmade = modal_spans(at.parse, self.k) if hits and at.parse is not None else []
        for hit in hits:
            if sentence.text.rstrip().endswith("?") or _is_hedged(sentence.text, hit):
                continue
            if any(hit.start <= start and end <= hit.end for start, end, _effect in unmade):
                continue  # "threatened to break off relations": the threat, read from the parse
            if hit.trigger.type == "meeting" and _names_a_forum(sentence, hit, at.mentions):
                continue  # "the Climate Talks in Paris": a conference of many, not a bilateral meeting
            if hit.trigger.type in _CONFLICT_TYPES and _by_non_state(at.parse, hit.start):
                continue  # "opposition leaders condemned", "hauliers blockaded": no state's act
            timexes = own_phrase_first(at.parse, sentence, hit, at.timexes)
            date = event_date(at.doc, sentence, hit, timexes, at.earlier, at.anchor, at.occasion, at.section)
            if date is not None and date.granularity == "open":
                continue  # "no relations since 1978": a state that holds, not an event
            word = word_at(at.parse, hit.start) if at.parse is not None and not at.timexes else None
            if not at.timexes and _habitual(sentence.text, word):
                continue  # "has repeatedly criticised", "in recent years": a habit, no act of a day
            if hit.trigger.type in _FLOW_TYPES and _is_stock(sentence.text, date):
                continue  # "have invested $20 billion so far": a figure, not an event
            key = (hit.trigger.type, date.edtf if date else None)
            if key in at.dated or (hit.trigger.type, None) in at.dated:
                continue  # one event per type and date in a sentence
            participants = self._participants(sentence, hit, at.mentions, at.pair, date)
            if participants is None:
                continue
            if hit.trigger.type in _VERBAL and self._third_party_speaks(at, hit.start, date):
                continue  # "the UN Security Council urged Chile and Japan to resume talks": not their act
            at.dated.add(key)
            event = self._event(at.doc, sentence, hit, participants, date, at.mentions)
            if at.parse is not None and planned_within(at.parse, hit.start, hit.end, self.k):
                event.status = "planned"
            events.append(event)
            made.append((hit, event))
        return made

    def _reading_events(
        self, at: _At, triggered: list[tuple[_Hit, Event]], people: list[str], events: list[Event]
    ) -> None:
        """Events from the predicates of the parse, for the acts no trigger pattern already gave."""
        sentence = at.sentence
        if sentence.text.rstrip().endswith("?"):
            return
        for reading in self._readings(at, people):
            made = [
                e for h, e in triggered if h.trigger.type == reading.type and h.start <= reading.start < h.end
            ]
            if reading.type == "use_of_force" and _a_courts_finding(reading.token):
                for e in made:  # "the Court found that Nicaragua had breached Costa Rica's sovereignty"
                    events.remove(e)
                continue
            unofficial = reading.type == "visit" and travels_unofficially(reading.token)
            if made and (
                self._with_a_third(at, reading)
                or self._third_party_meets(at, reading, at.anchor)
                or unofficial
            ):
                for e in made:  # "Egypt signed a defence agreement with Somalia, Ethiopia's neighbour"
                    events.remove(e)
                continue
            if self._acting_together(at, reading):
                for e in made:  # "Greece and Egypt criticised the deal between Ankara and Tripoli"
                    events.remove(e)
                continue
            if made:  # a trigger pattern already made this act: the parse still tells who acted
                for e in made:
                    e.initiator = e.initiator or _initiator(reading, e.participants)
                continue
            span = Span(reading.start, reading.end)
            if _called_off(at.parse, sentence.text, reading):
                continue
            if reading.type == "visit" and not reading.visitor:
                continue  # troops or goods "arriving" are no visit
            # a threat is dated by its voicing ("may close it, he said on Monday")
            voiced = reading.voiced
            dated = Span(voiced.idx, voiced.idx + len(voiced.text)) if voiced is not None else span
            owned = owned_timexes(at.parse, sentence, at.timexes, dated.start)
            timexes = own_phrase_first(at.parse, sentence, dated, owned)
            date = event_date(
                at.doc, sentence, dated, timexes, at.earlier, at.anchor, at.occasion, at.section
            )
            after = _YEARS_AFTER.search(sentence.text[: reading.start])
            if after and date is not None and date.start and (years := number(after.group(1))):
                # "Fifty years after they opened embassies": that year, as precise as it can be
                date = year_value(date.start.year - years, "inferred")
            if date is not None and date.granularity == "open":
                continue
            if not at.timexes and _habitual(sentence.text, reading.token):
                continue  # "has repeatedly criticised", "in recent years": a habit, no act of a day
            if reading.type in _FLOW_TYPES and (
                _has_sum(sentence.text, reading.scope) or _is_stock(sentence.text, date)
            ):
                continue  # "imported $339 million of Russian goods": a figure
            key = (reading.type, date.edtf if date else None)
            participants = self._reading_sides(at, reading, date)
            if participants is None:
                continue
            if (
                reading.type in _VERBAL
                and not reading.actor
                and self._third_party_speaks(at, reading.start, date)
            ):
                continue
            if self._third_party_meets(at, reading, date):
                continue
            taken = key in at.dated or (reading.type, None) in at.dated
            if taken and not _other_side_acts(at.sentence, events, key, _initiator(reading, participants)):
                continue  # one event per type and date in a sentence, unless the other side acts
            at.dated.add(key)
            events.append(self._reading_event(at, reading, participants, date))

    # -- predicates read from the parse -----------------------------------------------------------------

    def _readings(self, at: _At, people: list[str]) -> list[Reading]:
        sentence, s_mentions = at.sentence, at.mentions

        def codes(start: int, end: int) -> set[str]:
            return self._codes_within(at, start, end, at.anchor, place=True)

        def pronoun(word: str) -> set[str]:
            return set(people) if word in ("he", "she", "his", "her", "him") else set()

        def offsets(kind: str) -> list[tuple[int, int]]:
            return [(m.start - sentence.start, m.end - sentence.start) for m in s_mentions if m.kind == kind]

        context = Context(codes, pronoun, offsets("pair"), offsets("person"))
        # A statement with no content (CAMEO 01: "said", "stated") is no event of its own.
        return [r for r in read_sentence(at.parse, self.k, context) if not r.cameo.startswith("01")]

    def _codes_within(
        self, at: _At, start: int, end: int, date: TimeValue | None, *, place: bool = False
    ) -> set[str]:
        """The countries the mentions in [start, end) of the sentence stand for."""
        lo, hi = at.sentence.start + start, at.sentence.start + end
        return {
            c
            for m in at.mentions
            if m.start < hi
            and lo < m.end
            and m.kind != "pair"
            and (c := self._code(m, at.sentence, at.pair, date, place=place))
        }

    def _reading_sides(self, at: _At, reading: Reading, date: TimeValue | None) -> tuple[str, ...] | None:
        """Two countries: one from each side of the predicate, else the pair the sentence points to."""
        pair = at.pair
        if reading.allied and pair and set(pair) <= reading.actor:
            return None  # allies against a third are not two sides of the act
        sides = reading.actor | reading.target
        # relations are between the pair even when the other side is implicit ("recalled its ambassador")
        relations = reading.type == "diplomatic_relations"
        one_way = reading.predicate.direction == "subj>obj" and not relations
        if one_way and not reading.target and not reading.pair_target:
            if self._implicit_target(at, reading, date) or self._border_closed(at, reading):
                return tuple(sorted(pair)) if pair else None
            if self._relationship_spoken_of(at, reading, date):
                return tuple(sorted(pair)) if pair else None
            return None  # praise, condemn, attack, visit: the other side must be the act's object
        if reading.pair_phrase and pair and (reading.mutual or reading.pair_target or relations):
            return tuple(sorted(pair))  # "the two sides met", "praised both countries"
        # "the Lombok Treaty entered into force", "ambassadors were exchanged in 1999": the pair's
        pair_act = (reading.type == "agreement" and reading.instrument) or relations
        if not sides and pair and reading.mutual and reading.predicate.lemma in _TALKS and _told(reading):
            return tuple(sorted(pair))  # "talks began in Washington", "the first round was held": the pair's
        # "heavy fighting broke out around Tsorona": in the pair's story, theirs
        fought = reading.type == "use_of_force" and reading.token is not None and fighting_told(reading.token)
        if not sides and pair and reading.mutual and fought and self._countries(at, date) <= set(pair):
            return tuple(sorted(pair))
        # "the delegations met three times in Belarus", "the envoys agree to open the border": the pair's
        delegates = (
            reading.type in ("meeting", "agreement")
            and reading.token is not None
            and delegates_meet(reading.token)
        )
        if not sides and pair and reading.mutual and delegates and self._parties(at, date) <= set(pair):
            return tuple(sorted(pair))  # "the delegations met three times in Belarus": the pair's
        if not sides and pair and reading.mutual and pair_act and self._countries(at, date) <= set(pair):
            return tuple(sorted(pair))
        if pair and set(pair) <= sides:
            return tuple(sorted(pair))

        def first(codes: set[str]) -> str | None:
            ranked = sorted(c for c in codes if pair and c in pair) or sorted(codes)
            return ranked[0] if ranked else None

        if reading.actor and reading.target:
            a, t = first(reading.actor), first(reading.target)
            return tuple(sorted({a, t})) if a and t and a != t else None
        if len(sides) >= 2:
            return tuple(sorted(sides)) if len(sides) == 2 else None
        # one side named: a joint act, a relations step or an agentless passive takes the other side from
        # the sentence when it names the rest of the pair; conflict never does
        implicit = reading.mutual or relations or reading.agentless
        if len(sides) == 1 and pair and next(iter(sides)) in pair and reading.predicate.pos == "verb":
            named = self._countries(at, date)
            if implicit and reading.type not in _CONFLICT_TYPES and set(pair) <= named | sides:
                return tuple(sorted(pair))
        if pair and self._other_side_implied(at, reading, date):
            return tuple(sorted(pair))
        return None

    def _relationship_spoken_of(self, at: _At, reading: Reading, date: TimeValue | None) -> bool:
        """One of the pair who speaks well of "the relationship", in a sentence naming no third country
        ("Bishop said Canberra valued the relationship"), speaks of the pair's."""
        pair = at.pair
        return bool(
            pair
            and reading.about_relations
            and len(reading.actor) == 1
            and reading.actor <= set(pair)
            and self._clause_countries(at, reading, date) <= set(pair)
        )

    def _other_side_implied(self, at: _At, reading: Reading, date: TimeValue | None) -> bool:
        """One of the pair acts and the other side is left unnamed, with no third country in the sentence
        ("Indonesia's foreign ministry summoned the ambassador to protest"); or, for force and sanctions,
        one of the pair is the target of an actor the text does not tie to a country ("the Revolutionary
        Guards seized a British tanker"); or a speaker's "we" acts on one side ("We call on the Government of
        Nicaragua to withdraw", "we delivered a note of protest to Nicaragua"). In a document about the pair,
        the other side is the other one."""
        pair = at.pair
        if not pair or reading.type in _NOT_DIRECTED:
            return False
        spoken = (
            reading.type in _VERBAL + _CONFLICT_TYPES
            and not reading.actor
            and len(reading.target) == 1
            and reading.target <= set(pair)
            and first_person_subject(reading.token)
        )
        if reading.predicate.pos != "verb":
            return spoken and self._countries(at, date) <= set(pair)
        acts = (
            len(reading.actor) == 1
            and not reading.target
            and reading.actor <= set(pair)
            and not (reading.type in _CONFLICT_TYPES and non_state_subject(reading.token))
        )
        suffers = (
            reading.type in ("use_of_force", "sanction")
            and len(reading.target) == 1
            and not reading.actor
            and reading.target <= set(pair)
            # "duties were imposed on Australian wine", "the British ambassador was briefly detained": a
            # sanction's imposer, an arrest's or a seizure's maker left unsaid is a state
            and (
                state_actor(reading.token)
                or (reading.agentless and (reading.type == "sanction" or reading.plover == "COERCE"))
            )
            and not self._own_leader_held(at, reading)
        )
        # "Polish Ambassador Artur Michalski was recalled for consultations": a relations step of the envoy's
        # side, or of the side that expelled them, with the pair either way
        envoy = (
            reading.type == "diplomatic_relations"
            and reading.agentless
            and not reading.actor
            and len(reading.target) == 1
            and reading.target <= set(pair)
        )
        return (acts or suffers or envoy or spoken) and self._clause_countries(at, reading, date) <= set(pair)

    def _own_leader_held(self, at: _At, reading: Reading) -> bool:
        """An arrest or detention whose maker is unsaid, of a side whose head of state or government (in
        office or before) the sentence names ("after Castillo ... was removed from office, he was arrested"):
        the side's own police or courts hold its leader, no act of the other side."""
        if reading.plover != "COERCE" or reading.actor:
            return False
        return any(
            m.kind == "person"
            and str(m.attrs.get("role", "")).replace(" ", "_") in _HEADS
            and m.attrs.get("iso3") in reading.target
            for m in at.mentions
        )

    def _in_kind(self, at: _At, events: list[Event]) -> None:
        """ "Japan responded in kind", "Moscow took reciprocal measures": the other side's last act of the
        pair, done back by this side (an expulsion answered is an expulsion)."""
        found = IN_KIND.search(at.sentence.text)
        if not found or not at.pair or at.parse is None:
            return
        span = subject_span(at.parse, found.start())
        if span is None:
            return
        sides = self._codes_within(at, span[0], span[1], None)
        if len(sides) != 1 or not sides <= set(at.pair):
            return
        responder = sides.pop()
        answerable = [
            e
            for e in events
            if e.type in _ANSWERED
            and e.initiator not in (None, responder)
            and set(e.participants) == set(at.pair)
        ]
        if not answerable:
            return
        # the latest sentence's main act: an expulsion told with the accusation behind it is the expulsion
        latest = max(e.source.start for e in answerable)
        answered = min(
            (e for e in answerable if e.source.start == latest), key=lambda e: _ANSWERED.index(e.type)
        )
        hit = Span(found.start(), found.end())
        timexes = own_phrase_first(
            at.parse, at.sentence, hit, owned_timexes(at.parse, at.sentence, at.timexes, hit.start)
        )
        date = event_date(at.doc, at.sentence, hit, timexes, at.earlier, at.anchor, at.occasion, at.section)
        date = date or answered.date
        key = (answered.type, date.edtf if date else None)
        if any(
            e.source.start == at.sentence.start
            and e.initiator == responder
            and (e.type, e.date.edtf if e.date else None) == key
            for e in events
        ):
            return
        at.dated.add(key)
        events.append(
            replace(
                answered,
                date=date,
                summary=_summary(answered.type, answered.participants, at.sentence.text, hit),
                source=Source(at.doc.name, at.sentence.text, at.sentence.start, at.sentence.end),
                actors=_actors(at.mentions),
                trigger=found.group(0),
                initiator=responder,
                status="occurred",
            )
        )

    def _implicit_target(self, at: _At, reading: Reading, date: TimeValue | None) -> bool:
        """Force, a sanction, a refusal, an accusation, a protest or a threat by one of the pair, with no
        target named and no third country in the sentence ("Azerbaijani forces took the town of Shusha",
        "Eritrea rejects talks before demarcation"), is aimed at the other of the pair; so is relief sent."""
        pair = at.pair
        if pair and reading.type == "aid" and len(reading.actor) == 1 and reading.predicate.pos == "verb":
            # "Japan dispatched relief material on two special flights": relief sent goes to someone else,
            # and a story of the pair whose sentence names no other country sends it to the other side.
            # Only humanitarian aid (CAMEO 073): money lent or given ("lent $1.3 billion for the railway")
            # may be a project's finance, and aid "provided" may be a side's own programme.
            relief = reading.cameo == _HUMANITARIAN_AID
            return relief and reading.actor <= set(pair) and self._countries(at, date) <= reading.actor
        if not pair or reading.type not in _CONFLICT_TYPES or len(reading.actor) != 1:
            return False
        if _on_its_own(reading.token):
            return False  # "the Ortega government was imprisoning its own critics": an act at home
        # a noun only for an assault whose side is named on it ("a major Ethiopian offensive")
        noun_assault = reading.predicate.pos == "noun" and reading.predicate.lemma in _CAMPAIGNS
        # "Chile sent a note of protest", "Belgrade delivers a protest note": its sender protests
        sent = reading.type == "dispute" and reading.token is not None and delivered(reading.token)
        if (
            reading.predicate.pos != "verb" and not noun_assault and not sent
        ) or reading.plover not in _AIMED_PLOVER:
            return False  # "an internal armed conflict", "Western sanctions", a court order: not the pair
        named = self._clause_countries(at, reading, date)
        if sent:
            state = True  # delivered by a subject that may act for a state (checked in delivered)
        else:
            state = state_act_noun(reading.token) if noun_assault else state_actor(reading.token)
        return reading.actor <= set(pair) and named <= set(pair) and state

    def _third_party_speaks(self, at: _At, start: int, date: TimeValue | None) -> bool:
        """Is the subject of the statement or protest at ``start`` a body or country outside the pair ("the
        UN Security Council urged", "the OAS Permanent Council adopted a resolution calling on both")?"""
        if at.parse is None or at.pair is None:
            return False
        word, found = word_at(at.parse, start), subject_span(at.parse, start)
        for _ in range(3):  # "urged Chile and Japan to resume talks", "a resolution calling on both": up
            if found is not None or word is None or word.head is word:
                break
            word = word.head
            found = subject_span(at.parse, word.idx)
        if found is None:
            return False
        lo, hi = at.sentence.start + found[0], at.sentence.start + found[1]
        codes = self._codes_within(at, found[0], found[1], date)
        body = any(lo <= m.start and m.end <= hi and m.kind in ("organisation", "forum") for m in at.mentions)
        return (body or bool(codes - set(at.pair))) and not codes & set(at.pair)

    def _with_a_third(self, at: _At, reading: Reading) -> bool:
        """Does the parse show one of the pair doing a cooperative act with a third country only ("Kathmandu
        signed a memorandum with China", "signed an agreement with Somalia, Ethiopia's neighbour")? The
        other country the sentence names is context, not the partner a trigger pattern would take it for."""
        pair = at.pair
        if not pair or at.parse is None or reading.type in _CONFLICT_TYPES or reading.type in _VERBAL:
            return False
        if not reading.actor or not reading.actor <= set(pair) or reading.token is None:
            return False
        # "signed a memorandum with China": the partner hangs from the verb or from what was signed
        heads = [reading.token, *(c for c in reading.token.children if c.dep_ == "dobj")]
        partners = [
            g
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() not in _NO_PARTNER
            and not any(a.dep_ == "acl" for a in g.children)  # "with Jimmy Carter looking on"
        ]
        as_role = [c for h in heads for c in (*h.children, *(c for p in partners for c in p.children))]
        if not partners or any(c.dep_ == "prep" and c.lower_ == "as" for c in as_role):
            return False  # "signed a declaration with the US president as witness"
        # the partner's own name, not an apposition on it ("Somalia, Ethiopia's neighbour")
        words = [w for g in partners for w in (g, *g.conjuncts) for w in (*w.lefts, w) if w.dep_ != "det"]
        codes = {c for w in words for c in self._codes_within(at, w.idx, w.idx + len(w.text), at.anchor)}
        return bool(codes) and not codes & set(pair)

    def _acting_together(self, at: _At, reading: Reading) -> bool:
        """Are both of the pair among the coordinated subjects of a one-way conflict act ("Greece, Cyprus
        and Egypt criticised the deal between Ankara and Tripoli", "Modi and the Saudi crown prince
        condemned the attack")? Those who condemn, sanction or strike together act on a third or on a deed;
        neither is the other's target ("accused each other" names the other as target, and mutual acts such
        as clashes are the two sides' own)."""
        pair = at.pair
        if not pair or reading.type not in _CONFLICT_TYPES or reading.mutual or reading.token is None:
            return False
        if reading.predicate.direction != "subj>obj" or reading.pair_target or reading.target & set(pair):
            return False
        stretches = coordinated_subjects(reading.token)
        sides = [self._codes_within(at, lo, hi, at.anchor) & set(pair) for lo, hi in stretches]
        return sum(1 for codes in sides if codes) >= 2 and set(pair) <= set().union(*sides)

    def _third_party_meets(self, at: _At, reading: Reading, date: TimeValue | None) -> bool:
        """ "Commissioner X had spoken to Vucic and Milanovic by telephone", "the OAS, whose Secretary
        General travelled to both capitals": one named outside the pair who talks to or visits both sides
        meets each of them, and the two sides do not meet each other."""
        if at.parse is None or at.pair is None or reading.type not in ("meeting", "visit") or reading.actor:
            return False
        if reading.predicate.lemma.split()[0] in _BRING_TOGETHER:
            return False  # "Charles Michel hosted the two leaders in Brussels": they met each other
        if not (reading.pair_target or set(at.pair) <= reading.target):
            return False
        found = subject_span(at.parse, reading.start)
        if found is None:
            return False
        lo, hi = at.sentence.start + found[0], at.sentence.start + found[1]
        if any(m.kind == "pair" and lo <= m.start < hi for m in at.mentions):
            return False  # "the two prime ministers held talks"
        words = [w for w in at.parse if found[0] <= w.idx < found[1]]
        named = any(w.pos_ == "PROPN" for w in words)
        return named and not self._codes_within(at, found[0], found[1], date) & set(at.pair)

    def _border_closed(self, at: _At, reading: Reading) -> bool:
        """ "The border has been closed", "the crossing was shut": in a document about two neighbours, with
        no third country named, their shared border, closed by one of them."""
        if not at.pair or reading.type != "sanction" or not reading.agentless or reading.actor:
            return False
        closed = [c for c in reading.token.children if c.dep_ == "nsubjpass"]
        named = {m.value for m in at.mentions if m.kind == "country"}  # "the border with Iran": not theirs
        return any(c.lemma_.lower() in _BORDERS for c in closed) and named <= set(at.pair)

    def _clause_countries(self, at: _At, reading: Reading, date: TimeValue | None) -> set[str]:
        """The countries named as possible sides in the clause of a subordinate act ("It was only after
        Azerbaijani forces took Shusha that Russia brokered the statement": Russia brokered, it took nothing);
        for a main clause's act, in the whole sentence."""
        token = reading.token
        if (
            at.parse is None
            or token is None
            or token.pos_ not in ("VERB", "AUX")
            or token.dep_ not in _SUBORDINATE
        ):
            return self._countries(at, date)
        words = list(token.subtree)
        lo = at.sentence.start + words[0].idx
        hi = at.sentence.start + words[-1].idx + len(words[-1].text)
        return {
            c
            for m in at.mentions
            if m.kind == "country"
            and lo <= m.start
            and m.end <= hi
            and (c := self._code(m, at.sentence, at.pair, date))
        }

    def _countries(self, at: _At, date: TimeValue | None) -> set[str]:
        """The countries the sentence names as possible sides (not as context or venue)."""
        return {
            c for m in at.mentions if m.kind == "country" and (c := self._code(m, at.sentence, at.pair, date))
        }

    def _parties(self, at: _At, date: TimeValue | None) -> set[str]:
        """The countries the sentence names, but for one named only as the place of an act ("met three
        times in Belarus", "at talks in Türkiye"): a venue is no party."""
        venues: set[tuple[int, int]] = set()
        if at.parse is not None:
            for w in at.parse:
                if w.dep_ == "pobj" and w.head.lower_ in ("in", "at") and w.head.dep_ == "prep":
                    venues.update((t.idx, t.idx + len(t.text)) for t in w.subtree)
        lo = at.sentence.start
        return {
            c
            for m in at.mentions
            if m.kind == "country"
            and not any(s <= m.start - lo and m.end - lo <= e for s, e in venues)
            and (c := self._code(m, at.sentence, at.pair, date))
        }

    def _reading_event(
        self, at: _At, reading: Reading, participants: tuple[str, ...], date: TimeValue | None
    ) -> Event:
        doc, sentence = at.doc, at.sentence
        default_code, default_dimension = self.k.type_defaults[reading.type]
        code = self.k.code(reading.cameo) or default_code
        hit = Span(reading.start, reading.end)
        actors = _actors(at.mentions)
        return Event(
            type=reading.type,
            participants=participants,
            date=date,
            dimension=reading.predicate.dimension or default_dimension,
            cameo=code.code,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            status=reading.status,
            summary=_summary(reading.type, participants, sentence.text, hit),
            source=Source(doc.name, sentence.text, sentence.start, sentence.end),
            actors=actors,
            trigger=sentence.text[reading.start : reading.end],
            confidence=0.6 + (0.2 if date and date.basis == "explicit" else 0.1 if date else 0.0),
            plover=reading.plover,
            initiator=_initiator(reading, participants),
        )

    # -- date ------------------------------------------------------------------------------------------

    # -- participants ----------------------------------------------------------------------------------

    def _code(
        self,
        m: Mention,
        sentence: Sentence,
        pair: tuple[str, str] | None,
        date: TimeValue | None,
        *,
        place: bool = False,
    ) -> str | None:
        """The country a mention stands for as a participant (``place``: also as the place of a visit)."""
        before = sentence.text[: m.start - sentence.start]
        after = sentence.text[m.end - sentence.start :]
        if _GO_BETWEEN_AFTER.search(after) or _GO_BETWEEN_BEFORE.search(before):
            return None
        if m.kind == "country":
            if _CONTEXT_BEFORE.search(before):
                return None
            located = m.form == "metonym" and (
                (not place and _LOCATION_BEFORE.search(before)) or _NAMES_INSTRUMENT.search(after)
            )
            if located and (not pair or m.value not in pair):
                return None  # "climate talks in Paris" in a Peru–Russia story: where, not who
            return resolve_descriptor(m, pair) if m.form == "descriptor" else m.value
        if m.kind == "person":
            if m.attrs.get("official"):
                return m.attrs.get("iso3")
            found = person_country(self.k, m.value, date)
            return found.iso3 if found else None
        if m.kind == "organisation" and m.form != "media":
            return m.attrs.get("iso3")
        return None

    def _participants(
        self,
        sentence: Sentence,
        hit: _Hit,
        s_mentions: list[Mention],
        pair: tuple[str, str] | None,
        date: TimeValue | None,
    ) -> tuple[str, ...] | None:
        span = (sentence.start + hit.start, sentence.start + hit.end)
        ranked: dict[str, int] = {}
        for m in s_mentions:
            if m.kind == "pair" and pair:
                for code in pair:
                    ranked.setdefault(code, distance(span, (m.start, m.end)))
                continue
            found = self._code(m, sentence, pair, date)
            if found:
                d = distance(span, (m.start, m.end))
                ranked[found] = min(d, ranked.get(found, d))
        if hit.trigger.type == "visit":
            visit = self._visit_sides(sentence, hit, s_mentions, pair, date)
            if visit:
                return visit
        if not ranked and pair and hit.trigger.type == "diplomatic_relations":
            return tuple(sorted(pair))  # "Diplomatic relations were restored": relations are between the pair
        codes = sorted(ranked, key=ranked.__getitem__)
        if pair and hit.trigger.type in _CONFLICT_TYPES and _a_thirds_fight(sentence, span, s_mentions, pair):
            return None  # "concern about the war against Ukraine": a third's war, though "both sides" speak
        if pair and hit.trigger.type in _CONFLICT_TYPES and codes and codes[0] not in pair:
            return None  # "… in retaliation for the invasion of Ukraine": the act nearest is a third's
        if (
            pair
            and hit.trigger.type == "use_of_force"
            and self._fought_at_home(sentence, span, s_mentions, date)
        ):
            return None  # "war broke out between the Sudanese Armed Forces and the RSF": a civil war
        if pair and set(pair) <= set(codes):
            return tuple(sorted(pair))
        if len(codes) >= 2:
            return tuple(sorted(codes[:2]))
        if len(codes) == 1 and pair and codes[0] in pair:
            return tuple(sorted(pair))
        return None

    def _fought_at_home(
        self, sentence: Sentence, span: tuple[int, int], s_mentions: list[Mention], date: TimeValue | None
    ) -> bool:
        """Is the fight told right after the trigger as one "between" forces of one country ("war broke out
        between the Sudanese Armed Forces and the Rapid Support Forces")? A civil war, not the pair's: the
        phrase runs to the first comma or place word, and every country it names is the same one."""
        after = sentence.text[span[1] - sentence.start :]
        between = _BETWEEN.match(after)
        if not between:
            return False
        lo, hi = span[1] + between.start(1), span[1] + between.end(1)
        named = {
            c
            for m in s_mentions
            if lo <= m.start
            and m.end <= hi
            and m.kind != "pair"
            and (c := self._code(m, sentence, None, date))
        }
        return len(named) == 1

    def _visit_sides(
        self,
        sentence: Sentence,
        hit: _Hit,
        s_mentions: list[Mention],
        pair: tuple[str, str] | None,
        date: TimeValue | None,
    ) -> tuple[str, ...] | None:
        """A visit is visitor → destination: the first country after "to"/"in" following the trigger."""
        after = sentence.start + hit.end
        destination = None
        for m in s_mentions:
            gap = sentence.text[hit.start : m.start - sentence.start]
            if m.start >= after and m.start - after <= 60 and re.search(r"\b(to|in)\s+(the\s+)?$", gap):
                destination = self._code(m, sentence, pair, date, place=True)
                if destination:
                    break
        if destination is None:
            return None
        # The visitor: people first, then countries named as actors; a place "in Lima" is a location.
        ranked = sorted(s_mentions, key=lambda m: (m.kind != "person", m.form == "metonym"))
        visitors = [
            c
            for m in ranked
            if not re.search(r"\bin\s+(the\s+)?$", sentence.text[: m.start - sentence.start])
            and (c := self._code(m, sentence, pair, date))
            and c != destination
        ]
        if any(m.kind == "pair" for m in s_mentions) and pair and destination in pair:
            visitors.append(pair[0] if pair[1] == destination else pair[1])
        if not visitors:
            return None
        if pair and destination in pair and set(pair) - {destination} <= set(visitors):
            return tuple(sorted(pair))
        return tuple(sorted({visitors[0], destination}))

    # -- the record ------------------------------------------------------------------------------------

    def _event(
        self,
        doc: Document,
        sentence: Sentence,
        hit: _Hit,
        participants: tuple[str, ...],
        date: TimeValue | None,
        s_mentions: list[Mention],
    ) -> Event:
        etype = hit.trigger.type
        default_code, default_dimension = self.k.type_defaults[etype]
        code = self.k.code(hit.trigger.cameo or "") or default_code
        around = sentence.text[max(0, hit.start - 40) : hit.end + 20]
        status = "planned" if _PLANNED.search(around) else "occurred"
        actors = _actors(s_mentions)
        location = next(
            (
                m.text
                for m in s_mentions
                if m.form == "metonym" and re.search(r"\bin\s+$", sentence.text[: m.start - sentence.start])
            ),
            None,
        )
        confidence = (
            0.5
            + (0.2 if date and date.basis == "explicit" else 0.1 if date else 0.0)
            + (0.1 if len(hit.trigger.pattern.pattern) > 40 else 0.0)
        )
        return Event(
            type=etype,
            participants=participants,
            date=date,
            dimension=hit.trigger.dimension or default_dimension,
            cameo=code.code,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            status=status,
            summary=_summary(etype, participants, sentence.text, hit),
            source=Source(doc.name, sentence.text, sentence.start, sentence.end),
            actors=actors,
            location=location,
            trigger=sentence.text[hit.start : hit.end],
            confidence=round(min(confidence, 0.95), 2),
            plover=self.k.plover(code.code) or self.k.type_plover.get(etype, ""),
        )


def _without_restatements(events: list[Event], title: str | None = None) -> list[Event]:
    """An act dated only by the story's week (a headline, "Peru and Russia sign fisheries accord") that the
    story dates exactly elsewhere (same type and pair, a day in that week; for a conflict act, of the same
    kind) is that act, told again; the headline's act is not a planned act of the body ("has decided to
    break relations") told again."""

    def headline(e: Event) -> bool:
        return title is not None and title in e.source.text

    def restated(e: Event) -> bool:
        d = e.date
        if d is None or d.basis != "inferred" or d.granularity != "interval" or not (d.start and d.end):
            return False
        return any(
            o is not e
            and o.type == e.type
            and o.participants == e.participants
            # the other side's act of that day is not this one told again ("Serbia protested on Sunday";
            # "the Croatian prime minister said the decision was absurd")
            and (o.initiator is None or e.initiator is None or o.initiator == e.initiator)
            # nor is a conflict act of another kind: "Moscow dismissed the allegation" (a rejection) does not
            # tell again the protest "lodged on Tuesday" that it answers
            and (e.type not in ACTS_OF_KINDS or str(o.cameo)[:2] == str(e.cameo)[:2])
            # "has decided to break relations" (planned) does not tell the headline's "rupture" again
            and not (headline(e) and o.status == "planned" and e.status == "occurred")
            and o.date is not None
            and o.date.granularity == "day"
            and o.date.start is not None
            and d.start <= o.date.start <= d.end
            for o in events
        )

    return [e for e in events if not restated(e)]


# Who rules on a case, and the verbs of its ruling: "the Court found that ...", "the tribunal held that ...".
_COURT_WORDS = frozenset(
    ("court", "tribunal", "judge", "judges", "ruling", "judgment", "judgement", "verdict", "arbitrator")
)
_FINDING_VERBS = frozenset(("find", "hold", "rule", "conclude", "determine", "declare"))


def _a_courts_finding(token: Any) -> bool:
    """Is the act at ``token`` told in what a court or tribunal found ("the Court found that Nicaragua had
    breached Costa Rican sovereignty")? The act is the ruling's finding on a case, not an attack of its
    day; "the Court found" with no clause of force under it, or force a court did not find, is read as
    before."""
    head = token
    for _ in range(6):
        if head is None or head.head is head:
            return False
        head = head.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _FINDING_VERBS:
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return any(c.lower_ in _COURT_WORDS for c in subjects)
    return False


def _on_its_own(token: Any) -> bool:
    """Is the act's object the actor's own people ("imprisoning its own critics", "expelled their own
    citizens")? An act at home, aimed at no other side."""
    return token is not None and any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(g.lower_ == "own" for g in c.children if g.dep_ == "amod")
        and any(g.dep_ == "poss" for g in c.children)
        for c in token.children
    )


def _told(reading: Reading) -> bool:
    """Is the event noun told as happening (a subject or object: "talks began", "held talks") rather
    than only referred to ("people familiar with the talks", "on the negotiation of the agreement")?"""
    token = reading.token
    return token is not None and token.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT")


def _occasion(doc: Document, timexes: list[TimeExpression], anchor: TimeValue | None) -> TimeValue | None:
    """A readout, joint statement or report about one occasion: not news (whose undated acts take the
    week before the story), dated by the days its title gives, or to a day or month by its publisher or
    at its top with most of its dates in that year. Its undated acts take its date; a backgrounder whose
    dates range over decades, or a paper's abstract (its acts are not of its publication date), leaves
    them undated."""
    if doc.kind in _NOT_ONE_OCCASION:
        return None
    if (titled := title_days(doc, timexes)) is not None:
        return titled  # "Visit of the Minister to Nepal (January 04-05, 2024)"
    if anchor is not None and _told_against_its_year(anchor, timexes):
        return anchor
    if anchor is None or anchor.granularity not in ("day", "month"):
        return None
    if not anchor.start:
        return None
    stated = anchor.basis == "explicit" or any(
        t.start < HEADING and t.value.edtf == anchor.edtf and t.value.basis == "explicit" for t in timexes
    )
    if not stated:  # an estimate from the body's dates is not sure enough to date every undated act
        return None
    years = [t.value.start.year for t in timexes if t.value.start and t.value.granularity in ("day", "month")]
    issuers = bool(doc.title and ISSUER_TITLE.search(doc.title))  # the record of its day, whatever it recalls
    if not issuers and years and sum(1 for y in years if y == anchor.start.year) < 0.6 * len(years):
        return None
    return occasion_days(
        doc, TimeValue(anchor.edtf, anchor.start, anchor.end, anchor.granularity, "inferred")
    )


def _told_against_its_year(anchor: TimeValue, timexes: list[TimeExpression]) -> bool:
    """Is the page, dated only to the year its content gives, a report of its own days: does it tell an act
    against them ("on Sunday", "last week"), and are most of its days and months in that year?"""
    if anchor.granularity != "year" or anchor.basis != "inferred" or anchor.start is None:
        return False
    if not any(t.value.basis == "relative" and t.value.edtf == anchor.edtf for t in timexes):
        return False
    years = [t.value.start.year for t in timexes if t.value.start and t.value.granularity in ("day", "month")]
    return not years or sum(1 for y in years if y == anchor.start.year) >= 0.6 * len(years)


def _called_off(parse: Any, text: str, reading: Reading) -> bool:
    """Was the act read "postponed", "cancelled", "called off"? The word must be the act's own fate: a word
    above it or below it in the parse ("the visit, first planned for May, was postponed"), not another
    clause's ("called the visit a provocation and postponed the meeting" still calls it one)."""
    window = text[reading.end : reading.end + 2 * _WINDOW]
    found = _CALLED_OFF.search(window)
    if found is None:
        return False
    token = reading.token
    if parse is None or token is None:
        return True
    word = word_at(parse, reading.end + found.start())
    if word is None:
        return True
    return _tied(token, word) or _tied(word, token)


def _tied(low: Any, high: Any) -> bool:
    """Is ``high`` above ``low`` in the parse within one clause: no verb coordinated on the way has a subject
    of its own ("… and Singapore postponed the meeting" is another clause)?"""
    current = low
    while current.head.i != current.i:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        if current.dep_ == "conj" and own_subject:
            return False
        current = current.head
        if current.i == high.i:
            return True
    return False


def _a_thirds_fight(
    sentence: Sentence, span: tuple[int, int], s_mentions: list[Mention], pair: tuple[str, str]
) -> bool:
    """Is a third country the one the fight or quarrel is with, right after the trigger ("the war against
    Ukraine", "the conflict with Armenia")? Such a country is context, no participant, and the act is not the
    pair's."""
    for m in s_mentions:
        if m.kind != "country" or m.value in pair or not 0 <= m.start - span[1] <= _NEXT_TO:
            continue
        if _CONTEXT_BEFORE.search(sentence.text[: m.start - sentence.start]):
            return True
    return False


def _has_sum(text: str, scope: tuple[int, int]) -> bool:
    """Is a sum of money part of the phrase at ``scope``?"""
    return any(q.is_money and scope[0] <= q.start < scope[1] for q in find_quantities(text))


def _habitual(text: str, token: Any) -> bool:
    """Is the act a habit ("has repeatedly criticised", "in recent years the two sides have supported each
    other") rather than one act?"""
    if token is not None and any(str(c.lower_) in _HABIT_WORDS for c in token.children if c.dep_ == "advmod"):
        return True
    return bool(_HABIT_SPANS.search(text))


def _other_side_acts(
    sentence: Sentence, events: list[Event], key: tuple[str, str | None], initiator: str | None
) -> bool:
    """A sentence where each side acts ("Chile banned Japanese goods and Japan banned Chilean cars"): the
    sentence's event of this type and date was the other side's act, so this one is an act of its own."""
    made = [
        e
        for e in events
        if e.source.start == sentence.start and (e.type, e.date.edtf if e.date else None) == key
    ]
    return initiator is not None and bool(made) and all(e.initiator not in (None, initiator) for e in made)


def _initiator(reading: Reading, participants: tuple[str, ...]) -> str | None:
    """The side that acts on the other ("Russia expelled 23 British diplomats"), when the parse names one:
    tit-for-tat acts of a day are two events, not one."""
    if reading.mutual or reading.predicate.direction != "subj>obj":
        return None
    acting = reading.actor & set(participants)
    return next(iter(acting)) if len(acting) == 1 else None


def _actors(s_mentions: list[Mention]) -> list[str]:
    """The people and organisations named in the sentence (not the news agency reporting it)."""
    named = (m for m in s_mentions if m.kind == "person" or (m.kind == "organisation" and m.form != "media"))
    return list(dict.fromkeys(m.value for m in named))


def _summary(etype: str, participants: tuple[str, ...], sentence: str, hit: Span) -> str:
    """The type, the pair, and the words around the trigger (the whole sentence when it is short)."""
    text = sentence
    if len(sentence) > 160:
        start = max(0, hit.start - 60)
        start = sentence.find(" ", start) + 1 if start else 0
        end = min(len(sentence), hit.end + 80)
        end = sentence.rfind(" ", 0, end) if end < len(sentence) else end
        text = (
            ("…" if start else "") + sentence[start:end].strip(" ,;") + ("…" if end < len(sentence) else "")
        )
    return f"{etype.replace('_', ' ')} ({'–'.join(participants)}): {text}"
