"""Answering from ranked sentences when the record lacks the fact, and choosing the sentences to cite.

A sentence answers only when it meets the question's constraints (``evidence.meets``) and the asked-for span
can be read from it: a date near the action, a person (in the asked office), the named model or clause, a
place, a count or a quantity. Its score mixes how directly it names the countries, the share of question
words it holds, how close its action word is to what the question names, and its full-text rank.
"""

from __future__ import annotations

import re

from dyad.ask import compose
from dyad.ask.evidence import (
    Reader,
    Sentence,
    extract_count,
    extract_date,
    extract_place,
    extract_thing,
    extract_value,
    meets,
    overlap,
    people_in,
    pick_people,
    proximity,
)
from dyad.ask.facts import Candidate
from dyad.ask.lexicon import ACTIONS, tokens
from dyad.ask.question import Question
from dyad.ask.search import Hit

MAX_CITATIONS = 5


def _quote(s: Sentence, at: int | None = None) -> str:
    return f"“{compose.clip(s.text, at, 140)}”"


def _person(q: Question, s: Sentence, reader: Reader) -> str | None:
    """The person nearest after the action ('led by Juan Velasco'), known people before unknown names."""
    family = ACTIONS.get(q.action or "", frozenset())
    action = next((w.start for w in tokens(s.text) if w.stem in family), 0)
    found = sorted(people_in(s.text, reader), key=lambda x: (x[1] < action, abs(x[1] - action)))
    names = [n for n, _ in found]
    known = {m.value for m in reader.mentions(s.text)}
    asked = {w for p in q.named for w in p.split()}
    unknown = [n for n in names if n not in known and not set(n.split()) & asked]
    people = pick_people(q, [n for n in names if n in known], q.time) or pick_people(q, unknown, q.time)
    return people[0] if people else None


# Words before the asked act that make it a plan, not something done ("Putin is to visit Lima in 2020").
_PLANNED = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:due\s+|scheduled\s+|expected\s+|set\s+)?to|will|shall|plans?\s+to|"
    r"intends?\s+to|planned|upcoming)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _planned(q: Question, s: Sentence) -> bool:
    family = ACTIONS.get(q.action or "", frozenset())
    return any(w.stem in family and _PLANNED.search(s.text[: w.start]) for w in tokens(s.text))


def sentence_answer(q: Question, s: Sentence, reader: Reader) -> str | None:
    """The answer ``s`` gives to ``q``, worded with the sentence quoted; None when it gives none."""
    if q.expects == "date":
        t = extract_date(q, s, reader)
        return f"{compose.value_date_words(t.value)} — {_quote(s, t.start)}" if t else None
    if q.expects == "person":
        name = _person(q, s, reader)
        return f"{name} — {_quote(s)}" if name else None
    if q.expects in ("value", "rank"):
        x = extract_value(q, s.text, reader)
        if x is None or (q.expects == "rank") != (x.unit == "rank"):
            return None
        return f"{compose.quantity_words(x.value, x.unit, x.qualifier)} — {_quote(s, x.start)}"
    extract = {"thing": extract_thing, "count": extract_count}.get(q.expects)
    if extract is not None:
        span = extract(q, s.text)
        return f"{span} — {_quote(s)}" if span else None
    if q.expects == "place":
        place = extract_place(q, s.text, reader)
        return f"{place} — {_quote(s)}" if place else None
    if q.expects == "yesno":
        if _planned(q, s):
            return f"Planned, not reported as done — {_quote(s)}"
        return f"Yes — {_quote(s)}"
    return _quote(s)


def answer_from_sentences(q: Question, hits: list[Hit], reader: Reader) -> Candidate | None:
    best: Candidate | None = None
    for hit in hits:
        s = Sentence(hit.doc, hit.text, hit.start, hit.end, hit.score, hit.doc_id)
        fit = meets(q, s, reader)
        if not fit:
            continue
        near = proximity(q, s, reader)
        score = round(fit * (0.25 + 0.3 * overlap(q, [s.text], reader) + 0.15 * hit.score + 0.3 * near), 3)
        if best is not None and score <= best.score:
            continue
        text = sentence_answer(q, s, reader)
        if text:
            best = Candidate("sentence", text, score, [], [s])
    return best


def citations(best: Candidate | None, hits: list[Hit]) -> list[compose.Citation]:
    """The supporting sentences first, then the closest search hits; each sentence once."""
    out: dict[tuple[str, int], compose.Citation] = {}
    for s in best.sentences if best else []:
        score = best.score if best else 0.0
        out.setdefault((s.doc, s.start), compose.Citation(s.doc, s.text, s.start, s.end, score))
    for h in hits:
        if len(out) >= MAX_CITATIONS:
            break
        score = round(h.score * 0.5 * (best.score if best else 1.0), 3)  # below every supporting sentence
        out.setdefault((h.doc, h.start), compose.Citation(h.doc, h.text, h.start, h.end, score))
    return list(out.values())[: max(MAX_CITATIONS, len(best.sentences) if best else 0)]


def closeness(q: Question, hits: list[Hit], reader: Reader) -> float:
    """How near the closest sentences came: the largest share of the question's words one of them holds."""
    return max((overlap(q, [h.text], reader) for h in hits[:MAX_CITATIONS]), default=0.0)


def topic(q: Question) -> str:
    """What the question asks about, for "no evidence": 'agreement: free trade agreement (Peru, Russia)'."""
    words = tokens(q.text)
    stems_ = [w.stem for w in words]
    if q.named:
        thing = " and ".join(q.named)
    elif q.modifiers and q.modifiers[0] in stems_:
        first = stems_.index(q.modifiers[0])
        thing = " ".join(w.text for w in words[first : first + len(q.modifiers) + 1])
    else:
        thing = " ".join(q.focus or [w.text for w in words if w.stem in q.objects])
    kind = (q.event_types[0].replace("_", " ") if q.event_types else q.action) or ""
    if q.figure_kind:
        kind = compose.KIND_LABELS.get(q.figure_kind, q.figure_kind) or "ranking"
    subject = ": ".join(x for x in (kind, thing) if x) or "this question"
    limits = [compose.country_name(c) for c in q.countries] + list(q.people) + list(q.organisations)
    if q.time is not None:
        limits.append(compose.value_date_words(q.time))
    if q.anchor is not None:
        limits.append(f"during {q.anchor.text}")
    return subject + (f" ({', '.join(limits)})" if limits else "")
