"""Answering from the structured record: resolved events (with their actors) and figures.

A fact is a candidate only when it meets every constraint the question states: the event type (and the
CAMEO code for actions such as breaking relations), occurred rather than planned, the countries among its
participants (or, for a figure, its two sides, in the asked direction), a date overlapping the asked time,
the named object, modifiers and organisations in one of its source sentences, the people among its actors
or sources, and an anchor event ("during X's visit") it overlaps. Candidates are scored by how many of the
question's words their sources share; superlatives pick the first/last/largest among them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from dyad import query
from dyad.ask import compose
from dyad.ask import lexicon as lx
from dyad.ask.evidence import (
    SUPERLATIVE_STEMS,
    Reader,
    Sentence,
    extract_count,
    extract_place,
    extract_thing,
    organisations_ok,
    overlap,
    phrase_in,
    pick_people,
)
from dyad.ask.question import Question
from dyad.edtf import parse_edtf
from dyad.models import TimeValue
from dyad.store import Store
from dyad.store.record import EventQuery, FigureQuery

_DIRECTED = {
    "export": ("origin", "destination"),
    "import": ("destination", "origin"),
    "investment": ("origin", "destination"),
    "arms_value": ("origin", "destination"),
}
_EXTREMES = {
    "first": ("earliest", "first"),
    "last": ("latest", "last"),
    "max": ("largest", "record"),
    "min": ("smallest", "lowest"),
}


@dataclass(slots=True)
class Record:
    """The facts a question can be answered from, read by index (``load_record``): the events and figures
    that may meet its constraints (``match_event`` and ``match_figure`` decide), in the export's order, and
    the events an anchor ("during X's visit") or a person's presence is checked against, read when needed.
    """

    store: Store
    pair: str | None  # "PER,RUS" when the question is about one pair
    document_count: int  # the documents about the pair (all documents without one)
    events: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    _anchors: list[dict[str, Any]] | None = None
    _acting: dict[tuple[Any, ...], list[dict[str, Any]]] = field(default_factory=dict)

    def anchors(self, q: Question) -> list[dict[str, Any]]:
        """Dated events of the anchor's types that the question's countries take part in."""
        if self._anchors is None:
            types = q.anchor.types if q.anchor else ()
            found = EventQuery(pair=self.pair, types=types, countries=tuple(q.countries))
            self._anchors = _events(self.store, found) if types else []
        return self._anchors

    def acting(self, pair: str, person: str, day: TimeValue) -> list[dict[str, Any]]:
        """Dated events of ``pair`` that ``person`` is an actor of and whose dates may meet ``day``: their
        actors, participants and date. Read by the pair's date index, once per pair, person and day: what
        is read follows the events near that day, not the person's whole record in the pair."""
        key = (pair, person, day.start, day.end)
        if key not in self._acting:
            near = EventQuery(pair=pair, naming=person, meets=(day.start, day.end))
            _, found = self.store.events_page(near)
            self._acting[key] = [
                {"actors": o["actors"], "participants": o["participants"], "date": o["date_edtf"]}
                for o in found
                if person in o["actors"]
            ]
        return self._acting[key]


def _events(store: Store, found: EventQuery) -> list[dict[str, Any]]:
    return [query.event_view(e) for e in query.resolved_events(store, found).items]


@dataclass(slots=True)
class Candidate:
    kind: str  # event, figure, actor, sentence
    answer: str
    score: float
    facts: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    note: str = ""  # why the confidence is lower, e.g. "earliest in the record"


# Events checked one by one for a question that names no time: when more than this many meet its type,
# status and countries, the ones whose sources name most of its names (then words) are read, so that the
# answer's cost does not grow with the pair's record. Every test corpus has fewer candidates than this.
CANDIDATES = 30


def event_candidates(store: Store, q: Question, pair: str | None) -> EventQuery | None:
    """Which events may answer ``q`` (None: no event can): those of its type, status, countries and time;
    without a time, the ``CANDIDATES`` that name most of its names (people, named things, organisations)
    and then of its words in their sources, or the earliest or latest of them for "first" and "last"."""
    if not q.event_types and q.expects != "any":  # match_event: any other question has no event to match
        return None
    time = (q.time.start, q.time.end) if q.time is not None else None
    found = EventQuery(
        pair=pair,
        types=q.event_types[:1],
        countries=tuple(q.countries),
        planned=q.planned,
        meets=time,
        dated=time is not None,
    )
    if time is not None:
        return found
    names = (*q.people, *q.named, *q.organisations)
    if q.superlative in ("first", "last"):
        ids = store.ranked_event_ids(found, (names,), CANDIDATES, by_date=q.superlative)
    else:
        ids = store.ranked_event_ids(found, (names, q.keywords), CANDIDATES)
    return found if ids is None else replace(found, ids=tuple(ids))


def load_record(store: Store, q: Question, dyad: tuple[str, ...] = ()) -> tuple[Record, Reader]:
    """The facts that may answer ``q`` about the pair ``dyad`` (all pairs when empty), read by index:
    events of the asked type, status, countries and time (``event_candidates``); figures of the asked
    kind, sides and year."""
    pair = ",".join(sorted(set(dyad))) or None
    time = (q.time.start, q.time.end) if q.time is not None else None
    found = event_candidates(store, q, pair)
    events = _events(store, found) if found is not None else []
    figures: list[dict[str, Any]] = []
    if q.expects in ("value", "rank"):  # answer_from_figures answers only these
        mirror = q.figure_kind in ("export", "import") and q.origin and q.destination
        kinds = ("export", "import") if mirror else (q.figure_kind,) if q.figure_kind else ()
        wanted = FigureQuery(
            codes=tuple(sorted(set(dyad))),
            kinds=() if q.figure_kind == "rank" else kinds,
            units=("rank",) if q.figure_kind == "rank" else (),
            countries=tuple(q.countries),
            meets=time,
        )
        figures = [query.figure_view(f) for f in query.resolved_figures(store, wanted).items]
    count = store.count_documents(tuple(sorted(set(dyad))))
    return Record(store, pair, count, events, figures), Reader(store)


def _date(edtf: str | None) -> TimeValue | None:
    try:
        return parse_edtf(edtf) if edtf else None
    except ValueError:
        return None


def _width(v: TimeValue) -> int:
    return ((v.end or dt.date.max) - (v.start or dt.date.min)).days


def _sources(fact: dict[str, Any]) -> list[Sentence]:
    return [Sentence(s["doc"], s["text"], s["start"], s["end"]) for s in fact["sources"]]


def _object_sentences(q: Question, sources: list[Sentence], reader: Reader) -> list[Sentence]:
    """The sources that name the question's object (named phrase, modifiers, organisations)."""
    return [
        s
        for s in sources
        if all(phrase_in(p, reader.stems(s.text)) for p in q.named)
        and set(q.modifiers) | set(q.objects) <= set(reader.stems(s.text))
        and organisations_ok(q, s.text, reader)
    ]


def _host_ok(q: Question, sources: list[Sentence], reader: Reader) -> bool:
    """For a visit to a named country: no source places the visit in another country."""
    if q.destination is None:
        return True
    hosts = set()
    for s in sources:
        for m in reader.mentions(s.text):
            before = s.text[max(0, m.start - 12) : m.start].lower().split()
            if m.kind == "country" and before and before[-1] in ("to", "in", "visited", "visit", "visiting"):
                hosts.add(m.value)
    return not hosts or q.destination in hosts


def _people(s: Sentence, reader: Reader) -> list[Any]:
    return [m for m in reader.mentions(s.text) if m.kind == "person"]


def _anchored(q: Question, e: dict[str, Any], record: Record, reader: Reader, people: set[str]) -> bool:
    """The event happened during the anchor event, and people the question names took part in either."""
    day = _date(e["date"])
    if q.anchor is None:
        if set(q.people) <= people:
            return True
        return day is not None and all(_acts(p, e, day, record) for p in q.people)
    if day is None:
        return False
    for a in record.anchors(q):
        a_day = _date(a["date"])
        if a["type"] not in q.anchor.types or a_day is None or not a_day.overlaps(day):
            continue
        a_people = set(a["actors"]) | {m.value for s in _sources(a) for m in reader.mentions(s.text)}
        if set(q.anchor.people) <= a_people and set(q.countries) <= set(a["participants"]):
            return True
    return False


def _acts(person: str, e: dict[str, Any], day: TimeValue, record: Record) -> bool:
    """The person is an actor of another event of the same pair at the same time."""
    pair = ",".join(sorted(set(e["participants"])))
    return any(
        set(o["participants"]) == set(e["participants"])
        and (d := _date(o["date"])) is not None
        and d.overlaps(day)
        for o in record.acting(pair, person, day)
    )


def _direction_ok(q: Question, e: dict[str, Any]) -> bool:
    """The event's acting side, when its sources name one, is not the other side than the question asks
    about ("Did Russia expel…" is not answered by Britain's expulsion of Russians)."""
    acting = e.get("initiator")
    return not acting or (q.acting in (None, acting) and q.target != acting)


def match_event(q: Question, e: dict[str, Any], record: Record, reader: Reader) -> Candidate | None:
    if (e["type"] != q.event_types[0]) if q.event_types else q.expects != "any":
        return None
    if (e["status"] == "planned") != q.planned or not set(q.countries) <= set(e["participants"]):
        return None
    if not _direction_ok(q, e):
        return None
    wanted_cameo = lx.ACTION_CAMEO.get(q.action or "")
    breaking = wanted_cameo or e["cameo"] in lx.ACTION_CAMEO.values()
    if breaking and e["cameo"] != wanted_cameo and e["type"] not in lx.DIRECTED_TYPES:
        return None  # (an expulsion is coded as reducing relations, but it is asked as a sanction)
    day = _date(e["date"])
    if q.time is not None and (day is None or not day.overlaps(q.time)):
        return None
    if q.era is not None and day is not None and not day.overlaps(q.era):
        return None
    sources = _sources(e)
    good = _object_sentences(q, sources, reader)
    if not good or (e["type"] == "visit" and not _host_ok(q, sources, reader)):
        return None
    people = set(e["actors"]) | {m.value for s in sources for m in _people(s, reader)}
    if not _anchored(q, e, record, reader, people):
        return None
    texts = [s.text for s in sources]
    share = overlap(q, texts, reader)
    asks_something = q.keywords or q.time or q.people or q.named or q.organisations
    if not q.event_types and (share < 0.75 or not asks_something):
        return None  # an open question ("what did X do …") needs words or a time the sources match
    score = 0.5 + 0.4 * share + 0.1 * min(1.0, (len(sources) - 1) / 2)
    if q.time is not None and day is not None and _width(day) > 2 * _width(q.time):
        score -= 0.1  # "the 1970s to the 1990s" answers "in 1985" less well than "in 1985"
    ordered = good + [s for s in sources if s not in good]
    return Candidate("event", "", round(score, 3), [e["id"]], ordered)


def _event_answer(q: Question, e: dict[str, Any], c: Candidate, reader: Reader) -> str | None:
    what = compose.event_words(e)
    if q.expects == "date":
        undated = compose.event_words(e, dated=False)
        return f"{compose.date_words(e['date'])} ({undated})" if e["date"] else None
    if q.expects == "yesno":
        return f"Yes: {what}"
    if q.expects == "person" and q.whom and e.get("initiator"):  # "Who expelled whom?"
        return f"{compose.sides_words(e)} ({compose.event_words(e, sides=False)})"
    if q.expects == "person":
        known = [m.value for s in c.sentences for m in _people(s, reader)]
        names = list(e["actors"]) + known
        found = pick_people(q, names, _date(e["date"]))
        if not found and e.get("initiator"):  # no person named: the side that acted answers "who"
            return f"{compose.country_name(e['initiator'])} ({what})"
        c.kind = "actor"
        return f"{', '.join(found)} ({what})" if found else None
    if q.expects == "place" and q.focus_head == _COUNTRY and e.get("initiator") in e["participants"]:
        return f"{compose.country_name(_asked_side(q, e))} ({what})"  # "Which country expelled …?"
    if q.expects == "place":
        places = (extract_place(q, s.text, reader) for s in c.sentences)
        place = e.get("location") or next((p for p in places if p), None)
        return f"{place} ({what})" if place else None
    extract = {"thing": extract_thing, "count": extract_count}.get(q.expects)
    if extract is not None:
        span = next((x for s in c.sentences if (x := extract(q, s.text))), None)
        return f"{span} ({what})" if span else None
    if q.expects == "any":
        return f"{compose.date_words(e['date'])}: {e['summary']}"
    return None


_COUNTRY = lx.stem("country")


def _asked_side(q: Question, e: dict[str, Any]) -> str:
    """The side a "which country" question asks for in a directed act: the one that acted ("Which country
    expelled Russian diplomats?"), or, when the question names the acting side, the other ("Which country
    did Britain expel diplomats of?")."""
    acting = e["initiator"]
    if q.acting != acting:
        return str(acting)
    return next(c for c in e["participants"] if c != acting)


def _superlative(q: Question, cands: list[tuple[Candidate, dict[str, Any]]], key: Any) -> list[Any]:
    """Candidates ordered for a superlative: those whose sources say it first ('the first …'), then by
    ``key`` (date or value); the note marks an answer that is only the extreme of the record."""
    words = SUPERLATIVE_STEMS[q.superlative or "first"]
    stated = [x for x in cands if any(set(lx.stems(s.text)) & words for s in x[0].sentences[:1])]
    reverse = q.superlative in ("last", "max")
    rest = [x for x in cands if x not in stated and key(x[1]) is not None]
    ranked = sorted(rest, key=lambda x: key(x[1]), reverse=reverse)
    extreme, word = _EXTREMES[q.superlative or "first"]
    for c, _ in ranked:
        c.note = f"{extreme} in the record; no source calls it the {word}"
    return sorted(stated, key=lambda x: -x[0].score) + ranked


def answer_from_events(q: Question, record: Record, reader: Reader) -> Candidate | None:
    cands = [(c, e) for e in record.events if (c := match_event(q, e, record, reader))]
    if not cands and q.expects == "yesno" and (q.acting or q.target):
        return _reverse_answer(q, record, reader)
    if q.superlative in ("first", "last"):
        cands = _superlative(q, cands, lambda e: (_date(e["date"]) or _NONE).start)
    else:
        cands.sort(key=lambda x: -x[0].score)
    if q.whom:  # "Who expelled whom?": the best acts of the kind (up to 3), each with its sides
        acts = [(c, e) for c, e in cands if e.get("initiator")][:3]
        if acts:
            first = acts[0][0]
            first.answer = "; ".join(_event_answer(q, e, c, reader) or "" for c, e in acts)
            first.facts = [e["id"] for _, e in acts]
            return first
    for c, e in cands:
        text = _event_answer(q, e, c, reader)
        if text:
            c.answer = text + (f" — {c.note}" if c.note else "")
            return c
    return None


def _reverse_answer(q: Question, record: Record, reader: Reader) -> Candidate | None:
    """For "Did Russia expel British diplomats?" when the sources tell only of Britain expelling Russians:
    that act, said to be the other way round."""
    flipped = replace(q, acting=q.target, target=q.acting)
    found = [(c, e) for e in record.events if (c := match_event(flipped, e, record, reader))]
    directed = [(c, e) for c, e in found if e.get("initiator")]
    if not directed:
        return None
    c, e = max(directed, key=lambda x: x[0].score)
    c.answer = f"No: the sources tell of the reverse, {compose.event_words(e)}"
    return c


_NONE = TimeValue("", None, None, "open")


def _start(edtf: str | None) -> dt.date:
    return (_date(edtf) or _NONE).start or dt.date.min


def _sides_ok(q: Question, f: dict[str, Any]) -> bool:
    sides = {f["from"], f["to"]} - {None}
    if not set(q.countries) <= sides:
        return False
    roles = _DIRECTED.get(f["kind"])
    if roles is None or not (q.origin and q.destination):
        return True
    return (f["from"], f["to"]) == (getattr(q, roles[0]), getattr(q, roles[1]))


def match_figure(q: Question, f: dict[str, Any], reader: Reader) -> Candidate | None:
    # A flow asked in one direction is also answered by the partner's mirror figure: Peru's imports from
    # Russia are Russia's exports to Peru (the sides are checked in the figure's own convention).
    mirror = q.figure_kind in ("export", "import") and q.origin and q.destination
    if q.figure_kind == "rank":
        if f["unit"] != "rank":
            return None
    elif q.figure_kind and f["kind"] != q.figure_kind and not (mirror and f["kind"] in ("export", "import")):
        return None
    if not _sides_ok(q, f):
        return None
    year = _date(f["year"])
    if q.time is not None and (year is None or not year.overlaps(q.time)):
        return None
    if q.era is not None and year is not None and not year.overlaps(q.era):
        return None
    sources = _sources(f)
    good = _object_sentences(q, sources, reader)
    named = {m.value for s in good for m in _people(s, reader)}
    if not good or not set(q.people) <= named:
        return None
    share = overlap(q, [s.text for s in sources], reader)
    if q.figure_kind is None and share < 0.5:
        return None
    score = 0.5 + 0.4 * share + 0.1 * min(1.0, (len(sources) - 1) / 2) - 0.1 * (f["kind"] != q.figure_kind)
    return Candidate("figure", compose.figure_words(f), round(score, 3), [f["id"]], good)


def answer_from_figures(q: Question, record: Record, reader: Reader) -> Candidate | None:
    if q.expects not in ("value", "rank"):
        return None
    cands = [(c, f) for f in record.figures if (c := match_figure(q, f, reader))]
    if not cands:
        return None
    if q.superlative in ("max", "min"):
        cands = _superlative(q, cands, lambda f: f["value"])
    else:
        cands.sort(key=lambda x: (-x[0].score, -_start(x[1]["year"]).toordinal()))
    best = cands[0][0]
    alone = q.time is not None or q.superlative is not None
    others = [] if alone else [c for c, _ in cands[1:3] if c.score >= best.score - 0.1]
    if others:
        best.answer += "; also " + "; ".join(c.answer for c in others)
        best.facts += [i for c in others for i in c.facts]
    if best.note:
        best.answer += f" — {best.note}"
    return best


def answer_from_record(q: Question, record: Record, reader: Reader) -> Candidate | None:
    """The best answer the events and figures give, or None."""
    return answer_from_figures(q, record, reader) or answer_from_events(q, record, reader)
