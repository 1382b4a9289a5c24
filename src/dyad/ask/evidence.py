"""Reading one sentence for one question: does it meet the question's constraints, and what does it answer?

The checks are the "no evidence" rules: a sentence supports an answer only when it names the question's
countries (or belongs to a document about them and names no one else), its people, organisations and named
object, the object's defining modifiers, and the action asked about, without hedging it ("sought to
negotiate", "excludes the possibility"). The extractors pull the asked-for span out of a sentence that passed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from dyad.ask import lexicon as lx
from dyad.ask.lexicon import tokens
from dyad.ask.question import Question
from dyad.extract.mentions import Mention, mention_finder
from dyad.extract.quantities import Quantity, find_quantities
from dyad.extract.timex import find_time_expressions
from dyad.knowledge import load_knowledge
from dyad.models import TimeValue
from dyad.store import Store, schema

_VAGUE = {"decade": 2, "century": 3, "open": 4}
SUPERLATIVE_STEMS = {
    key: frozenset(lx.stems(" ".join(w for w, v in lx.SUPERLATIVES.items() if v == key)))
    for key in ("first", "last", "max", "min")
}
_FLOWS = ("export", "import", "investment", "arms_value")
_CUES = frozenset(lx.TITLES | set(lx.ROLE_NOUNS) | {"by", "counterpart", "under", "with"})
_NAME = re.compile(r"\b[A-Z][\w’'.-]+(?:\s+(?:de|da|del|van|von|bin|al|la)?\s*[A-Z][\w’'-]+){1,3}")
_COUNT = re.compile(
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|dozens?|several)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:and|but|while|which|who|within|during|under|despite|although)\b|\band,|\.\s*$"
)


@dataclass(slots=True, frozen=True)
class Timex:
    start: int  # offsets inside the sentence
    end: int
    text: str
    value: TimeValue


@dataclass(slots=True)
class Sentence:
    """A sentence as evidence: where it is and what a search or a fact scored it."""

    doc: str
    text: str
    start: int
    end: int
    score: float = 0.0
    doc_id: str | None = None


@dataclass(slots=True)
class Reader:
    """Reads sentences for questions, caching mentions, stems and each document's time expressions, and
    what it looked up about the documents cited (by index, only those a question reaches)."""

    store: Store
    _doc_ids: dict[str, str | None] = field(default_factory=dict)
    _doc_pairs: dict[str, set[str]] = field(default_factory=dict)
    _mentions: dict[str, list[Mention]] = field(default_factory=dict)
    _stems: dict[str, list[str]] = field(default_factory=dict)
    _times: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _doc_people: dict[str, set[str]] = field(default_factory=dict)

    def mentions(self, text: str) -> list[Mention]:
        if text not in self._mentions:
            self._mentions[text] = mention_finder().find(text)
        return self._mentions[text]

    def stems(self, text: str) -> list[str]:
        if text not in self._stems:
            self._stems[text] = lx.stems(text)
        return self._stems[text]

    def doc_id(self, name: str) -> str | None:
        """A document's id by its file name (of two documents with one name, the greater id)."""
        if name not in self._doc_ids:
            d = schema.documents
            query = select(d.c.id).where(d.c.name == name).order_by(d.c.id.desc()).limit(1)
            with self.store.engine.connect() as conn:
                self._doc_ids[name] = conn.execute(query).scalar()
        return self._doc_ids[name]

    def doc_pair(self, name: str) -> set[str]:
        """The two countries a document mentions most (ties: the first codes in order)."""
        if name not in self._doc_pairs:
            m = schema.mentions
            counts: Counter[str] = Counter()
            query = (
                select(m.c.value, func.count())
                .where(m.c.doc_id == self.doc_id(name), m.c.kind == "country")
                .group_by(m.c.value)
                .order_by(m.c.value)
            )
            with self.store.engine.connect() as conn:
                counts.update(dict(conn.execute(query).all()))
            self._doc_pairs[name] = {c for c, _ in counts.most_common(2)}
        return self._doc_pairs[name]

    def doc_people(self, name: str) -> set[str]:
        """The people a document names anywhere (the store's mentions of it)."""
        if name not in self._doc_people:
            m = schema.mentions
            query = select(m.c.value).where(m.c.doc_id == self.doc_id(name), m.c.kind == "person").distinct()
            with self.store.engine.connect() as conn:
                self._doc_people[name] = set(conn.execute(query).scalars())
        return self._doc_people[name]

    def times(self, s: Sentence) -> list[Timex]:
        doc_id = s.doc_id or self.doc_id(s.doc)
        if doc_id is None:
            return []
        if doc_id not in self._times:
            t = schema.time_expressions
            with self.store.engine.connect() as conn:
                rows = conn.execute(select(t).where(t.c.doc_id == doc_id)).mappings().all()
            self._times[doc_id] = [dict(r) for r in rows]
        return [
            Timex(r["start"] - s.start, r["end"] - s.start, r["text"], _value(r))
            for r in self._times[doc_id]
            if s.start <= r["start"] and r["end"] <= s.end
        ]


def _day(value: Any) -> dt.date | None:
    return value if value is None or isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _value(row: dict[str, Any]) -> TimeValue:
    start, end = _day(row["day_start"]), _day(row["day_end"])
    return TimeValue(row["edtf"], start, end, row["granularity"], row["basis"])


# -- checks ----------------------------------------------------------------------------------------------


def phrase_in(phrase: str, sentence_stems: list[str]) -> bool:
    """All content words of ``phrase`` in the sentence, close together ('Declaration on' ≈ '… of')."""
    wanted = [s for s in lx.stems(phrase) if s not in lx.STOPWORDS] or lx.stems(phrase)
    positions = [i for i, s in enumerate(sentence_stems) if s in wanted]
    if not set(wanted) <= {sentence_stems[i] for i in positions}:
        return False
    window = 2 * len(wanted) + 2
    return any(
        set(wanted) <= {sentence_stems[j] for j in positions if i <= j < i + window} for i in positions
    )


def countries_ok(q: Question, s: Sentence, reader: Reader) -> float:
    """1.0 when the sentence names the question's countries; 0.8 when its document is about them and it
    names no other country; 0 otherwise."""
    named = {m.value for m in reader.mentions(s.text) if m.kind == "country"}
    wanted = set(q.countries)
    if wanted <= named:
        return 1.0
    if wanted <= named | reader.doc_pair(s.doc) and named <= wanted:
        return 0.8
    return 0.0


def people_ok(q: Question, text: str, reader: Reader) -> bool:
    return set(q.people) <= {m.value for m in reader.mentions(text) if m.kind == "person"}


def organisations_ok(q: Question, text: str, reader: Reader) -> bool:
    named = {m.value for m in reader.mentions(text)} | {m.attrs.get("forum") for m in reader.mentions(text)}
    return set(q.organisations) <= named


def action_at(q: Question, sentence_stems: list[str]) -> int | None:
    """Index of the first word of the question's action family in the sentence (or of its event type)."""
    if q.action:
        family = lx.ACTIONS[q.action]
    elif q.event_types:
        family = lx.EVENT_TYPE_WORDS[q.event_types[0]]
    else:
        return -1
    return next((i for i, s in enumerate(sentence_stems) if s in family), None)


def asserted(sentence_stems: list[str], at: int) -> bool:
    """False when a negation, plan or possibility governs the action word at index ``at``."""
    return not any(s in lx.NOT_ASSERTED for s in sentence_stems[max(0, at - 6) : at + 3])


def meets(q: Question, s: Sentence, reader: Reader) -> float:
    """How well a sentence meets the question's hard constraints: 0 (it does not) to 1."""
    st = reader.stems(s.text)
    if not all(phrase_in(p, st) for p in q.named) or not set(q.modifiers) | set(q.objects) <= set(st):
        return 0.0
    if q.superlative and not set(st) & SUPERLATIVE_STEMS[q.superlative]:
        return 0.0  # a sentence alone cannot show that something was the first or the largest
    share = overlap(q, [s.text], reader)
    if share < (0.4 if q.action or q.event_types else 0.75):
        return 0.0
    if not people_ok(q, s.text, reader) or not organisations_ok(q, s.text, reader):
        return 0.0
    # "during Medvedev's visit": named in the sentence, or in its story, which names him once and tells
    # the visit's acts after
    anchor = set(q.anchor.people) if q.anchor is not None else set()
    if not anchor <= {m.value for m in reader.mentions(s.text)} and not anchor <= reader.doc_people(s.doc):
        return 0.0
    if q.time is not None and not any(t.value.overlaps(q.time) for t in reader.times(s)):
        return 0.0
    at = action_at(q, st)
    if at is None or (at >= 0 and q.expects != "value" and not asserted(st, at)):
        return 0.0
    if q.expects in ("value", "rank") and not _order_ok(q, s, reader):
        return 0.0
    return countries_ok(q, s, reader)


def _order_ok(q: Question, s: Sentence, reader: Reader) -> bool:
    """For a flow asked in one direction, the sentence names the origin before the destination."""
    if not (q.origin and q.destination) or q.figure_kind not in _FLOWS:
        return True
    first: dict[str, int] = {}
    for m in reader.mentions(s.text):
        if m.kind == "country":
            first.setdefault(m.value, m.start)
    if q.origin not in first or q.destination not in first:
        return False
    subject_first = q.origin if q.figure_kind != "import" else q.destination
    other = q.destination if subject_first == q.origin else q.origin
    return first[subject_first] < first[other]


def overlap(q: Question, texts: list[str], reader: Reader) -> float:
    """The share of the question's content words in the texts; any word of the action's family stands
    for the action ("entry" for "join")."""
    if not q.keywords:
        return 1.0
    have = {s for t in texts for s in reader.stems(t)}
    family = lx.ACTIONS.get(q.action or "", frozenset())
    if family & have:
        have |= family
    return len(set(q.keywords) & have) / len(q.keywords)


def proximity(q: Question, s: Sentence, reader: Reader) -> float:
    """1 when the action word sits next to something the question names (a country, person, organisation
    or named object), falling to 0 at ten words apart: 'the Soviet Union was established'."""
    words = tokens(s.text)
    family = lx.ACTIONS.get(q.action or "", frozenset())
    actions = [i for i, w in enumerate(words) if w.stem in family]
    wanted = set(q.countries) | set(q.people) | set(q.organisations)
    spans = [(m.start, m.end) for m in reader.mentions(s.text) if m.value in wanted]
    named = {x for p in q.named for x in lx.stems(p)}
    marks = [i for i, w in enumerate(words) if w.stem in named or any(a <= w.start < b for a, b in spans)]
    if not actions or not marks:
        return 0.0
    gap = min(abs(i - j) for i in actions for j in marks)
    return max(0.0, 1 - (gap - 1) / 10)


# -- extraction ------------------------------------------------------------------------------------------


def _anchor_pos(q: Question, text: str, reader: Reader) -> int:
    """Where in the sentence the question's action or object is (characters), for proximity."""
    words = tokens(text)
    targets = set(q.modifiers) | {s for p in q.named for s in lx.stems(p)}
    if q.action:
        targets |= lx.ACTIONS[q.action]
    hits = [w.start for w in words if w.stem in targets]
    return hits[0] if hits else 0


def extract_date(q: Question, s: Sentence, reader: Reader) -> Timex | None:
    """The time expression closest to the action, preferring precise ones over decades and open spans."""
    pos = _anchor_pos(q, s.text, reader)
    usable = [t for t in reader.times(s) if t.value.start or t.value.end]
    if not usable:
        return None
    return min(usable, key=lambda t: (_VAGUE.get(t.value.granularity, 0), abs(t.start - pos)))


def people_in(text: str, reader: Reader) -> list[tuple[str, int]]:
    """(name, position) of people: known ones by their canonical name, others as capitalised name spans."""
    found = [(m.value, m.start) for m in reader.mentions(text) if m.kind == "person"]
    taken = [(m.start, m.end) for m in reader.mentions(text)]
    for m in _NAME.finditer(text):
        words = m.group().split()
        while words and words[0].lower().strip(".") in lx.TITLES:
            words.pop(0)
        start = m.end() - len(" ".join(words))
        if len(words) < 2 or any(s < m.end() and start < e for s, e in taken) or m.start() == 0:
            continue
        if any(w.lower() in lx.STOPWORDS for w in words):
            continue
        cue = text[: m.start()].split()[-1:] + m.group().split()[:1]
        if not any(c.lower().strip(".,") in _CUES for c in cue):
            continue  # an unknown capitalised span is a name only after a title or "by"
        found.append((" ".join(words), start))
    return sorted(found, key=lambda x: x[1])


def fits_role(q: Question, name: str, when: TimeValue | None) -> bool | None:
    """Does the person hold the asked office for the asked country (at the date)? None: not known."""
    terms = load_knowledge().terms_of(name)
    if not terms:
        return None
    ok = [
        t
        for t in terms
        if (q.role_country is None or t.iso3 == q.role_country) and (q.role is None or t.role == q.role)
    ]
    if when is None and q.present:
        today = dt.date.today()
        when = TimeValue(today.isoformat(), today, today, "day")
    if when is not None and (when.start or when.end):
        ok = [t for t in ok if t.covers(when.start or dt.date.min, when.end or dt.date.max)]
    return bool(ok)


def pick_people(q: Question, names: list[str], when: TimeValue | None) -> list[str]:
    """People who answer a who-question: not those the question names, and in the asked office."""
    out = []
    for name in dict.fromkeys(names):
        if name in q.people:
            continue
        fit = fits_role(q, name, when)
        if fit or (fit is None and q.role is None and q.role_country is None and _personal(name)):
            out.append(name)
    return out


def _personal(name: str) -> bool:
    found = mention_finder().find(name)
    if found:
        return found[0].kind == "person"
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def extract_thing(q: Question, text: str) -> str | None:
    """The asked-about object as the sentence names it: 'Mi17Sh and Mi35 helicopters', 'the Partnership
    Agreement', or the clause that describes it ('military cooperation that provides for …')."""
    head = q.focus_head
    if head is None:
        return None
    heads = {head} | (lx.EVENT_TYPE_WORDS["agreement"] if head in lx.EVENT_TYPE_WORDS["agreement"] else set())
    words = tokens(text)
    asked = {lx.stem(w) for w in q.focus} | {s for p in q.named for s in lx.stems(p)}
    for i, w in enumerate(words):
        if w.stem not in heads:
            continue
        j = i
        while (
            j > 0
            and (
                _model(words[j - 1].text)
                or (words[j - 1].lower in ("and", "or") and j - 2 >= 0 and _model(words[j - 2].text))
            )
            and text[words[j - 1].end : words[j].start].strip() in ("", ",", "-")
        ):
            j -= 1
        if j < i and any(words[k].stem not in asked for k in range(j, i) if _model(words[k].text)):
            return text[words[j].start : w.end]
    first = next((w for w in words if w.stem in q.modifiers), None) if q.modifiers else None
    first = first or next((w for w in words if w.stem in heads), None)
    if first is None:
        return None
    rest = text[first.start :]
    end = _CLAUSE_END.search(rest)
    clause = rest[: end.start()] if end else rest
    if clause.count("(") > clause.count(")") and ")" in rest[len(clause) :]:
        clause = rest[: rest.index(")", len(clause)) + 1]  # keep a parenthesis whole
    clause = " ".join(clause.split()[:25]).rstrip(",.")
    return clause if len(clause.split()) > 2 else None


def _model(word: str) -> bool:
    """A word that names a model or a title: capitalised or with digits (Mi17Sh, Su-30, Partnership)."""
    return word[:1].isupper() or any(c.isdigit() for c in word)


def extract_place(q: Question, text: str, reader: Reader) -> str | None:
    cities = [m for m in reader.mentions(text) if m.kind == "country" and m.form == "metonym"]
    if cities:
        return cities[0].text
    times = [(t.start, t.end) for t in find_time_expressions(text)]
    for m in re.finditer(r"\b(?:in|at)\s+((?:[A-Z][\w-]+\s?){1,4})", text):
        if not any(a < m.end(1) and m.start(1) < b for a, b in times):
            return m.group(1).strip()
    return None


def extract_count(q: Question, text: str) -> str | None:
    head = q.focus_head
    if head is None:
        return None
    words = tokens(text)
    for i, w in enumerate(words):
        if w.stem == head:
            for k in range(i - 1, max(0, i - 4) - 1, -1):
                if _COUNT.fullmatch(words[k].text):
                    return text[words[k].start : w.end]
    return None


def extract_value(q: Question, text: str, reader: Reader) -> Quantity | None:
    """The money (else any) quantity nearest to the question's action in the sentence."""
    found = [x for x in find_quantities(text) if x.unit not in ("count",)]
    if not found:
        return None
    pos = _anchor_pos(q, text, reader)
    return min(found, key=lambda x: (not x.is_money, abs(x.start - pos)))
