"""Extract stage: facts of one clean document — time expressions, mentions, events, figures.

Order: mentions → explicit time expressions → the document's reference date (published, or estimated from
a summit, leaders' terms or the latest date) → relative time expressions → events and figures.
"""

from __future__ import annotations

import json
import re
import time
from bisect import bisect_right
from functools import lru_cache

from dyad.extract.actors import ActorFinder, refer_surnames
from dyad.extract.context import (
    choose_namesakes,
    document_pair,
    known_holders,
    person_country,
    titled_holders,
)
from dyad.extract.docdate import estimate_document_date, year_beyond_text
from dyad.extract.events import EventExtractor
from dyad.extract.figures import extract_figures
from dyad.extract.mentions import Mention, mention_finder
from dyad.extract.official_sides import settle_counterparts, settle_countries
from dyad.extract.pair_refs import pair_references
from dyad.extract.parse import mend_verbs_read_as_nouns, parse_sentences
from dyad.extract.predicates import could_hold_predicate, could_unmake
from dyad.extract.tables import cite_rows, table_sentences
from dyad.extract.timex import find_time_expressions
from dyad.extract.timex_rules import names_month
from dyad.knowledge import Knowledge, load_knowledge
from dyad.models import Document, Figure, ProcessedDocument, Sentence, TimeExpression, TimeValue

__all__ = ["extract_facts"]


@lru_cache(maxsize=4)
def _event_extractor(extra_dirs: tuple[str, ...]) -> EventExtractor:
    return EventExtractor(load_knowledge(extra_dirs))


@lru_cache(maxsize=4)
def _actor_finder(extra_dirs: tuple[str, ...]) -> ActorFinder:
    return ActorFinder(load_knowledge(extra_dirs))


# Sentences worth a parse: they name someone who can act (a country, a person, an organisation, "the two
# sides"). The rest cannot hold a dyadic event, and the parse is the costliest step.
_ACTING = ("country", "person", "organisation", "pair")
# Sentences of a pair's document that may hold the pair's act with neither side named: an instrument
# ("the Lombok Treaty entered into force", "IA-CEPA enters into force"), a relations step ("ambassadors
# were exchanged", "relations were restored in 1952"), talks ("a new round of talks began in Geneva") or
# fighting ("heavy fighting broke out around Tsorona").
_PAIR_ACT = re.compile(
    r"\b(?:treat(?:y|ies)|agreements?|accords?|pacts?|memorand(?:um|a|ums)|conventions?|protocols?|documents|"
    r"ceasefires?|truces?|into\s+force|borders?|crossings?|"
    r"ambassadors|embassies|(?:diplomatic\s+)?relations|talks|negotiations|consultations|"
    r"delegations|negotiators|fighting|clash(?:es|ed)|skirmish(?:es)?|firefights?)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)


def _parse_candidates(
    doc: Document, mentions: list[Mention], knowledge: Knowledge, pair: tuple[str, str] | None
) -> dict[int, object]:
    """The parses of the sentences that can hold a dyadic act read from structure: two actors named (or
    "the two sides", or one of the document's pair, or one actor and "he"/"she"), or one actor and a word
    that may unmake a trigger's act ("threatened", "did not"); and a word that can be a predicate."""
    starts = [s.start for s in doc.sentences]
    actors: dict[int, set[str]] = {}
    for m in mentions:
        if m.kind in _ACTING and m.form != "media":
            actors.setdefault(max(0, bisect_right(starts, m.start) - 1), set()).add(m.value)
    if pair:  # "a ceasefire agreed in Moscow": an instrument or talks with no side named may be the pair's
        for i, sentence in enumerate(doc.sentences):
            if _PAIR_ACT.search(sentence.text):
                actors.setdefault(i, set()).add("pair")
    indexes = []
    for i, named in sorted(actors.items()):
        if i >= len(doc.sentences):
            continue
        text = doc.sentences[i].text
        # one of the pair may act on the other unnamed ("Japan condemned the decision"): parsed too
        enough = (
            len(named) >= 2
            or "pair" in named
            or bool(pair and named & set(pair))
            or bool(_PRONOUN.search(text))
            or could_unmake(text, knowledge)
        )
        if enough and could_hold_predicate(text, knowledge):
            indexes.append(i)
    parses = parse_sentences([doc.sentences[i].text for i in indexes])
    for parse in parses:
        mend_verbs_read_as_nouns(parse, lambda lemma: (lemma, "verb") in knowledge.predicates)
    return dict(zip(indexes, parses, strict=True))


def _not_covered(mentions: list[Mention], officials: list[Mention]) -> list[Mention]:
    """The knowledge mentions that no official's mention overlaps ("Ana Lúcia Prado" is not Manuel Prado)."""
    spans = [(o.start, o.end) for o in officials]
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]


def _leaders_offices(mentions: list[Mention], knowledge: Knowledge, when: TimeValue | None) -> None:
    """A known leader's office and country as of the document's date, for the actors list; not for one the
    text introduced with a title of its own ("UN Secretary-General X")."""
    introduced = {m.value for m in mentions if m.kind == "person" and m.attrs.get("official")}
    for m in mentions:
        if m.kind == "person" and m.value not in introduced:
            found = person_country(knowledge, m.value, when)
            if found is not None:
                m.attrs.setdefault("iso3", found.iso3)
                m.attrs.setdefault("role", found.role.replace("_", " "))


def _mention_rows(doc: Document, mentions: list[Mention]) -> list[dict[str, object]]:
    starts = [s.start for s in doc.sentences]
    return [
        {
            "sentence_idx": max(0, bisect_right(starts, m.start) - 1),
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": m.kind,
            "value": m.value,
            "attrs": json.dumps({"form": m.form, **m.attrs}, ensure_ascii=False),
        }
        for m in mentions
        if m.kind in ("country", "person", "organisation", "forum")
    ]


def _narrower(value: TimeValue, reference: TimeValue) -> bool:
    """Is ``value`` finer than ``reference`` ("yesterday" in a story dated to a month)? A month is not
    finer than another month, nor a year than a leap year ("next year" in a story of 2024 is 2025)."""
    if not (value.start and value.end and reference.start and reference.end):
        return False
    if value.granularity == reference.granularity and value.granularity in ("month", "year"):
        return False
    return (value.end - value.start) < (reference.end - reference.start)


def _relative_expressions(
    text: str, reference: TimeValue, kind: str = "news", own_year: bool = False
) -> list[TimeExpression]:
    """Time expressions with relative ones resolved against ``reference``; none finer than it.

    A story dated only to a month ("the summit next month") gives "yesterday" that month, not a day; one
    dated only to the year its office-holders give it (``own_year``) gives "on Sunday" that year. A year
    the story names is too coarse: it is often only the latest year of its background.
    """
    # dated from its content, or a reference page or paper (whose dates are its subject's, whatever the
    # date it was published): a year-less date takes the year the text is speaking of
    narrative = reference.basis != "explicit" or kind in ("other", "paper")
    if reference.granularity == "day" and reference.start:
        return find_time_expressions(text, anchor=reference.start, narrative=narrative)
    coarse = ("month", "interval", "year") if own_year else ("month", "interval")
    if reference.granularity not in coarse or not (reference.start and reference.end):
        # a year is too coarse to resolve days and weeks against; a year-less date still takes the year
        # the text is speaking of ("In March 2024 ... had agreed at a meeting in February")
        return find_time_expressions(text, narrative=narrative)
    middle = reference.start + (reference.end - reference.start) / 2
    out = []
    for t in find_time_expressions(text, anchor=middle, narrative=narrative):
        # "yesterday" is no finer than the story's date; "on June 18" is that day of the year it is in
        if t.value.basis == "relative" and _narrower(t.value, reference) and not names_month(t.text):
            t = TimeExpression(
                t.text,
                t.start,
                t.end,
                TimeValue(reference.edtf, reference.start, reference.end, reference.granularity, "relative"),
            )
        out.append(t)
    return out


class _Clock:
    """Seconds spent in each step, added into ``timings`` when one is given (the benchmark's breakdown)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings, self.last = timings, time.perf_counter()

    def lap(self, step: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[step] = self.timings.get(step, 0.0) + now - self.last
            self.last = now


def _table_figures(
    doc: Document, figures: list[Figure], pair: tuple[str, str] | None, knowledge_dirs: tuple[str, ...]
) -> list[Figure]:
    """Figures in the document's tables, each cell read as the sentence it stands for (extract/tables.py),
    unless the text already gave the same figure."""
    out: list[Figure] = []
    seen = {(f.kind, f.value, f.year.edtf if f.year else None) for f in figures}
    for text, start, end in table_sentences(doc.text):
        cell = Document(id=doc.id, name=doc.name, path=doc.path, format="text", kind=doc.kind)
        cell.text = text
        cell.sentences = [Sentence(0, 0, len(text), text)]
        mentions = mention_finder(knowledge_dirs).find(text)
        read = extract_figures(cell, mentions, find_time_expressions(text), pair)
        fresh = [f for f in read if (f.kind, f.value, f.year.edtf if f.year else None) not in seen]
        out += cite_rows(doc, fresh, [(start, end)] * len(fresh))
    return out


def _undated_twin(figure: Figure, tabled: list[Figure]) -> bool:
    """A figure the text reader took from a table row without its year ("| Peru's exports to Chile |
    US$1.5 billion | US$1.7 billion |" read as a sentence), which the table reader read with the year of
    its column."""
    return figure.year is None and any(
        t.kind == figure.kind
        and t.value == figure.value
        and t.source.start < figure.source.end
        and figure.source.start < t.source.end
        for t in tabled
    )


def extract_facts(
    doc: Document,
    *,
    dyad: tuple[str, ...] = (),
    knowledge_dirs: tuple[str, ...] = (),
    timings: dict[str, float] | None = None,
) -> ProcessedDocument:
    """All facts of one clean document, each with its source sentence. Pure."""
    clock = _Clock(timings)
    knowledge = load_knowledge(knowledge_dirs)
    mentions = mention_finder(knowledge_dirs).find(doc.text)
    officials = _actor_finder(knowledge_dirs).find(doc.text, mentions)
    mentions = sorted(_not_covered(mentions, officials) + officials, key=lambda m: m.start)
    mentions = refer_surnames(mentions)
    clock.lap("mentions and officials")
    explicit = find_time_expressions(doc.text)
    reference = estimate_document_date(doc, mentions, explicit, knowledge)
    if reference is not None:
        doc.date_estimate, doc.date_estimate_basis = reference.edtf, reference.basis
    timexes = (
        _relative_expressions(doc.text, reference, doc.kind, year_beyond_text(reference, explicit))
        if reference is not None
        else explicit
    )
    pair = document_pair(mentions, dyad)
    mentions = choose_namesakes(knowledge, mentions, reference, doc.text)
    mentions = _actor_finder(knowledge_dirs).unseat_namesakes(doc.text, mentions, reference)
    mentions = titled_holders(knowledge, doc.text, mentions, reference, pair)
    _leaders_offices(mentions, knowledge, reference)  # first: an official's counterpart may be a leader
    settle_countries(doc, mentions, pair, _actor_finder(knowledge_dirs).title_words)
    settle_counterparts(doc, mentions, pair, knowledge, _actor_finder(knowledge_dirs).title_words)
    mentions = known_holders(knowledge, mentions, reference)
    clock.lap("time expressions and document date")
    # "the two ministers", "both parliaments": the pair, for the events only
    acting = sorted(mentions + pair_references(doc, mentions, pair), key=lambda m: m.start)
    parsed = _parse_candidates(doc, acting, knowledge, pair)
    clock.lap("parse")
    events = _event_extractor(knowledge_dirs)(doc, acting, timexes, pair, reference, parsed)
    clock.lap("events")
    figures = extract_figures(doc, mentions, timexes, pair)
    tabled = _table_figures(doc, figures, pair, knowledge_dirs)
    figures = [f for f in figures if not _undated_twin(f, tabled)] + tabled
    clock.lap("figures")
    return ProcessedDocument(
        document=doc,
        time_expressions=timexes,
        mentions=_mention_rows(doc, mentions),
        events=events,
        figures=figures,
    )
