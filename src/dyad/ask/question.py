"""Question analysis by rules: the kind of answer wanted and the constraints a supporting fact must meet.

``analyse_question(text)`` reads the wh-word, the phrase it asks about (the *focus*: "which helicopters",
"which Russian president"), the event type and action the words point to, the countries (via the mention
finder, so demonyms count) with their roles (origin and destination: "exports *to* Russia"), people and
organisations, the time ("in 2018", "between 2008 and 2013"), named objects (capitalised phrases such as a
treaty's title), the object's defining modifiers ("a *free trade* agreement"), superlatives and a
"during X's visit" anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from dyad.ask import lexicon as lx
from dyad.ask.lexicon import Token, tokens
from dyad.extract.mentions import Mention, mention_finder
from dyad.extract.timex import find_time_expressions
from dyad.models import TimeValue

_WH = {
    "when": "when",
    "who": "who",
    "whom": "who",
    "whose": "who",
    "where": "where",
    "which": "which",
    "what": "what",
    "how": "how",
}
_HOW = {"much": "how_much", "large": "how_much", "big": "how_much", "high": "how_much", "many": "how_many"}
_DETERMINERS = {"the", "a", "an"}
_CONNECTORS = {"of", "the", "on", "for", "and", "de", "del", "la", "des", "du", "von", "van"}
_ANCHOR = re.compile(r"\b(during|in the course of|on the occasion of|at the time of)\s+", re.IGNORECASE)
_TO, _FROM = {"to", "into", "in"}, {"from"}
_ORIGIN_NOUNS = lx.stems("weapons arms exports investments companies firms investors products goods")


@dataclass(slots=True)
class Anchor:
    """Another event the asked one happened during ("during Medvedev's visit")."""

    types: tuple[str, ...]
    people: tuple[str, ...]
    countries: tuple[str, ...]
    text: str


@dataclass(slots=True)
class Question:
    text: str
    wh: str  # when, who, where, which, what, how_much, how_many, how, yesno, other
    expects: str  # date, person, place, thing, value, count, rank, yesno, any
    event_types: tuple[str, ...] = ()  # the first is the type the question is about
    figure_kind: str | None = None
    action: str | None = None  # a family in lexicon.ACTIONS
    countries: tuple[str, ...] = ()
    origin: str | None = None  # where goods, money, weapons or a visitor come from
    destination: str | None = None
    # For an act one side does to the other (lexicon.DIRECTED_TYPES): the side asked about as acting
    # ("Did Russia expel…", "…expelled by Russia") and the side acted on ("…expel British diplomats").
    acting: str | None = None
    target: str | None = None
    whom: bool = False  # "Who expelled whom?": both sides are asked
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    time: TimeValue | None = None
    era: TimeValue | None = None  # the years of a historical name ("the USSR"): no fact outside them
    named: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()  # stems that define the object: "free trade" in "free trade agreement"
    objects: tuple[str, ...] = ()  # specific type nouns the evidence must name: "submarines", "exercises"
    focus: tuple[str, ...] = ()  # the words asked about, without country adjectives and superlatives
    role: str | None = None  # an office ("head_of_state") when the focus is a person by office
    role_country: str | None = None
    superlative: str | None = None  # first, last, max, min
    keywords: tuple[str, ...] = ()  # content stems, for overlap scores
    search_words: tuple[str, ...] = ()  # surface words, for full-text search
    planned: bool = False
    present: bool = False  # "Who is …" without a time: the office holder now
    anchor: Anchor | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def focus_head(self) -> str | None:
        return lx.stem(self.focus[-1]) if self.focus else None


def _covered(tok: Token, spans: list[tuple[int, int]]) -> bool:
    """True when the token overlaps one of the spans ("Peru's" overlaps the mention "Peru")."""
    return any(s < tok.end and tok.start < e for s, e in spans)


def _connects(toks: list[Token], i: int) -> bool:
    """A lower-case connector inside a title: 'Government of the Armed Forces'."""
    j = i
    while j < len(toks) and toks[j].lower in _CONNECTORS:
        j += 1
    return j < len(toks) and j > i and toks[j].text[0].isupper()


def _wh(toks: list[Token]) -> tuple[str, int]:
    """The wh-type and the index of the token after the wh-phrase."""
    for i, tok in enumerate(toks):
        word = tok.lower
        if word in _WH:
            nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
            if word == "how":
                return (_HOW[nxt], i + 2) if nxt in _HOW else ("how", i + 1)
            if word in ("what", "which") and lx.stem(nxt) in lx.DATE_NOUNS:
                return "when", i + 2
            return _WH[word], i + 1
        if i == 0 and word in lx.AUXILIARIES:
            return "yesno", 0
    return "other", 0


def _determiner(tok: Token) -> bool:
    return tok.lower in _DETERMINERS or tok.lower.endswith(("'s", "’s"))


def _focus(toks: list[Token], at: int, wh: str) -> list[Token]:
    """The noun phrase the wh-word asks about: 'Which [Russian president] made…', 'Who was the [first …]'."""
    if wh not in ("which", "what", "who", "how_many"):
        return []
    if wh == "who" and (at >= len(toks) or toks[at].lower not in lx.AUXILIARIES):
        return []  # "Who met …", "Who led …": a verb follows, not a noun phrase
    if at + 1 < len(toks) and toks[at].lower in lx.AUXILIARIES and _determiner(toks[at + 1]):
        at += 1
    while at < len(toks) and _determiner(toks[at]):  # "the", "Peru's"
        at += 1
    out: list[Token] = []
    for tok in toks[at:]:
        s = tok.stem
        if tok.lower in lx.AUXILIARIES or s in lx.STOPWORDS - {lx.stem("first"), lx.stem("last")}:
            break
        if s in lx.GENERIC_VERBS or (out and any(s in family for family in lx.ACTIONS.values())):
            break
        if out and tok.lower.endswith("ed"):  # "Which Russian foreign minister redefined …"
            break
        out.append(tok)
    return out


def _capital(word: str) -> bool:
    """Capitalised, or a model code mixing letters and digits (Mi-17, COP21)."""
    return word[0].isupper() or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def _named(text: str, toks: list[Token], blocked: list[tuple[int, int]]) -> list[str]:
    """Capitalised phrases that are neither mentions nor dates: titles of treaties, bodies, models."""
    phrases: list[list[Token]] = []
    run: list[Token] = []
    for i, tok in enumerate(toks):
        first_word = i == 0 and (tok.lower in _WH or tok.stem in lx.STOPWORDS)
        title = _capital(tok.text) and not _covered(tok, blocked) and not first_word
        if title or (run and tok.lower in _CONNECTORS and _connects(toks, i)):
            run.append(tok)
        else:
            phrases.append(run)
            run = []
    phrases.append(run)
    out = []
    for run in phrases:
        while run and run[-1].lower in _CONNECTORS:
            run.pop()
        # a lone title word, or a lone first word ("Tell me …"), is no name
        if not run or (len(run) == 1 and (run[0].lower in {*lx.ROLE_NOUNS, *lx.TITLES} or run[0] is toks[0])):
            continue
        out.append(text[run[0].start : run[-1].end])
    return out


def _event_types(toks: list[Token], focus: list[Token], named: list[str]) -> list[str]:
    def type_of(stem: str) -> str | None:
        return next((t for t, ws in lx.EVENT_TYPE_WORDS.items() if stem in ws), None)

    named_stems = [s for phrase in named for s in lx.stems(phrase)]
    agreement_words = lx.EVENT_TYPE_WORDS["agreement"]
    ordered = [t.stem for t in reversed(focus)] + [s for s in named_stems if s in agreement_words]
    in_named = set(named_stems)
    ordered += [t.stem for t in toks if t.stem not in in_named or t.stem in agreement_words]
    found = [t for t in (type_of(s) for s in ordered) if t]
    return list(dict.fromkeys(found))


def _modifiers(toks: list[Token], primary: str | None, blocked: list[tuple[int, int]]) -> list[str]:
    """Lower-case words before the object's head noun that name a different object ('free trade'). A
    directed act's words are verbs ("Which country expelled…"): nothing before them is a modifier."""
    if primary is None or primary in lx.DIRECTED_TYPES:
        return []
    heads = [i for i, t in enumerate(toks) if t.stem in lx.EVENT_TYPE_WORDS[primary]]
    nouns = [i for i in heads if not any(toks[i].stem in f for f in lx.ACTIONS.values())]
    if not nouns:  # the type is a verb ("visited"): nothing names an object
        return []
    head = nouns[-1]
    out: list[str] = []
    for tok in reversed(toks[max(0, head - 3) : head]):
        s = tok.stem
        if (
            tok.text[0].isupper()
            or s in lx.PHRASE_BREAKS
            or _covered(tok, blocked)
            or tok.lower in _WH
            or any(s in f for f in lx.ACTIONS.values())
            or tok.lower in lx.SUPERLATIVES
        ):
            break
        if s not in lx.LIGHT_MODIFIERS:
            out.append(s)
    return out[::-1]


def _roles(text: str, toks: list[Token], countries: list[Mention]) -> tuple[str | None, str | None]:
    """(origin, destination) from prepositions and verbs around the country mentions."""
    origin = destination = None
    buy, sell = lx.ACTIONS["buy"] | lx.ACTIONS["import"], lx.ACTIONS["sell"] | lx.ACTIONS["export"]
    for m in countries:
        before = [t for t in toks if t.end <= m.start][-2:]
        before = [t for t in before if t.lower not in _DETERMINERS][-1:]
        after = next((t for t in toks if t.start >= m.end), None)
        if before and (before[0].lower in _TO or before[0].stem in lx.ACTIONS["visit"]):
            destination = destination or m.value
        elif before and before[0].lower in _FROM:
            origin = origin or m.value
        elif after is not None and after.stem in buy:
            destination = destination or m.value
        elif after is not None and (after.stem in sell or after.stem in _ORIGIN_NOUNS):
            origin = origin or m.value
    codes = list(dict.fromkeys(m.value for m in countries))
    if len(codes) == 2:
        if origin and not destination:
            destination = next((c for c in codes if c != origin), None)
        elif destination and not origin:
            origin = next((c for c in codes if c != destination), None)
    return origin, destination


_PASSIVE = {"was", "were", "is", "are", "been", "be", "being"}


def _sides(toks: list[Token], countries: list[Mention], kind: str | None) -> tuple[str | None, str | None]:
    """(acting, target) of a directed act from where the countries stand around its verb: the subject
    acts ("Did Russia expel British diplomats?"), the object is acted on; in the passive ("Were British
    diplomats expelled by Russia?") the side after "by" acts. A side is read only when one country
    stands there ("Did Russia and Britain clash?" asks about neither)."""
    if kind not in lx.DIRECTED_TYPES:
        return None, None
    verb = next((i for i, t in enumerate(toks) if t.stem in lx.EVENT_TYPE_WORDS[kind]), None)
    if verb is None:
        return None, None
    at = toks[verb].start
    before = {m.value for m in countries if m.end <= at}
    after = [m for m in countries if m.start > at]
    agent = {m.value for m in after if _word_before(toks, m) == "by"}
    passive = bool(agent) or (verb > 0 and toks[verb - 1].lower in _PASSIVE)
    subject, obj = (agent, before) if passive else (before, {m.value for m in after})
    acting = next(iter(subject)) if len(subject) == 1 else None
    target = next(iter(obj - subject)) if len(obj - subject) == 1 else None
    return acting, target


def _word_before(toks: list[Token], m: Mention) -> str:
    before = [t for t in toks if t.end <= m.start and t.lower not in _DETERMINERS]
    return before[-1].lower if before else ""


def _action(toks: list[Token]) -> str | None:
    verbs = [t for t in toks if t.lower not in lx.AUXILIARIES]
    for tok in verbs:
        for name, family in lx.ACTIONS.items():
            if tok.stem in family:
                return name
    return None


def _figure_kind(stems: set[str], expects: str) -> str | None:
    if expects not in ("value", "rank"):
        return None
    return next((kind for kind, ws in lx.FIGURE_KIND_WORDS if stems & ws), None)


def _expects(wh: str, focus: list[Token], stems: set[str], role: str | None) -> str:
    head = focus[-1].stem if focus else None
    if wh in ("when", "yesno"):
        return "date" if wh == "when" else "yesno"
    if wh in ("how_much", "how_many"):
        return "count" if wh == "how_many" else ("rank" if stems & lx.RANK_NOUNS else "value")
    if wh == "where":
        return "rank" if stems & lx.ACTIONS["rank"] else "place"
    if wh == "who" or role is not None:
        return "person"
    if head is None:
        return "any"
    for nouns, kind in (
        (lx.DATE_NOUNS, "date"),
        (lx.VALUE_NOUNS, "value"),
        (lx.RANK_NOUNS, "rank"),
        (lx.PLACE_NOUNS, "place"),
    ):
        if head in nouns:
            return kind
    return "thing"


def _role(focus: list[Token]) -> str | None:
    """'prime minister' → head_of_government; 'leader' → 'any'; no person noun → None."""
    text = " ".join(t.lower for t in focus)
    for noun, office in sorted(lx.ROLE_NOUNS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{noun}s?$", text):
            return office or "any"
    return None


def _role_country(main: str, focus: list[Token], countries: list[Mention]) -> str | None:
    """The country of the asked office: 'Russian president', 'president of Peru', "Peru's president"."""
    if not focus:
        return None
    lo, hi = focus[0].start, focus[-1].end
    for m in countries:
        between_after = main[hi : m.start].strip().lower()
        between_before = main[m.end : lo].strip().lower()
        if lo <= m.start < hi or between_after in ("of", "of the") or between_before in ("'s", "’s"):
            return m.value
    return None


def _objects(toks: list[Token], focus: list[Token]) -> list[str]:
    """Type nouns that name one kind of thing (helicopters, exercises), not the asked focus itself."""
    type_words = set().union(*lx.EVENT_TYPE_WORDS.values())
    asked = {t.stem for t in focus}
    return list(
        dict.fromkeys(
            t.stem
            for t in toks
            if t.stem in type_words
            and t.stem not in lx.GENERIC_TYPE_NOUNS
            and t.stem not in asked
            and not any(t.stem in f for f in lx.ACTIONS.values())
        )
    )


def _anchor(text: str) -> tuple[str, Anchor | None]:
    m = _ANCHOR.search(text)
    if not m:
        return text, None
    clause = text[m.end() :]
    found = mention_finder().find(clause)
    types = _event_types(tokens(clause), [], [])
    people = tuple(x.value for x in found if x.kind == "person")
    if not (set(types) & {"visit", "meeting"} or people):
        return text, None
    countries = tuple(dict.fromkeys(x.value for x in found if x.kind == "country"))
    return text[: m.start()], Anchor(tuple(types), people, countries, clause)


def _time(text: str) -> tuple[TimeValue | None, list[tuple[int, int]]]:
    found = find_time_expressions(text)
    spans = [(t.start, t.end) for t in found]
    values = [t.value for t in found if t.value.start or t.value.end]
    if not values:
        return None, spans
    if len(values) == 1:
        return values[0], spans
    lo = min(v.start for v in values if v.start)
    hi = max(v.end for v in values if v.end)
    return TimeValue(f"{lo.year}/{hi.year}", lo, hi, "interval"), spans


def _era(countries: list[Mention]) -> TimeValue | None:
    spans = [m.attrs["span"] for m in countries if m.form == "historical" and "span" in m.attrs]
    if not spans:
        return None
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    return TimeValue(f"{first}/{last}", dt.date(first, 1, 1), dt.date(last, 12, 31), "interval")


def _search_words(toks: list[Token], keywords: set[str], action: str | None) -> list[str]:
    out = [t.lower for t in toks if t.stem in keywords or t.lower.isdigit()]
    if action:
        out += lx.ACTION_WORDS[action].split()
    return list(dict.fromkeys(w for w in out if len(w) > 1))


def _mentions(text: str) -> list[Mention]:
    """Mentions in a question; an organisation written in lower case ("Russian helicopters") is read as
    the words it is made of, so that its country adjective still counts."""
    out: list[Mention] = []
    for m in mention_finder().find(text):
        proper = all(w[:1].isupper() for w in m.text.split() if w.lower() not in _CONNECTORS)
        if m.kind in ("organisation", "forum") and not proper:
            for part in re.finditer(r"\S+", m.text):
                out += [
                    replace(x, start=x.start + m.start + part.start(), end=x.end + m.start + part.start())
                    for x in mention_finder().find(part.group())
                    if x.kind == "country"
                ]
        elif m.kind != "pair":
            out.append(m)
    return out


def analyse_question(text: str) -> Question:
    """Read ``text`` into a :class:`Question`; never fails (an unusual question gets few constraints)."""
    text = " ".join(text.split())
    main, anchor = _anchor(text.rstrip("?"))
    toks = tokens(main)
    found = _mentions(main)
    countries = [m for m in found if m.kind == "country" and "candidates" not in m.attrs]
    time, time_spans = _time(main)
    blocked = [(m.start, m.end) for m in found] + time_spans
    wh, at = _wh(toks)
    focus = _focus(toks, at, wh)
    superlative = next(
        (
            lx.SUPERLATIVES[t.lower]
            for t in toks
            if t.lower in lx.SUPERLATIVES and not _covered(t, time_spans)
        ),
        None,
    )
    role = _role(focus)
    role_country = _role_country(main, focus, countries)
    focus = [t for t in focus if not _covered(t, blocked) and t.lower not in lx.SUPERLATIVES]
    named = _named(main, toks, blocked)
    types = _event_types(toks, focus, named)
    stems = {t.stem for t in toks}
    # Words inside a name do not say what is asked: "the Export-Import Bank" is not about exports.
    org_spans = [(m.start, m.end) for m in found if m.kind in ("organisation", "forum")]
    free_stems = {t.stem for t in toks if not _covered(t, org_spans)}
    expects = _expects(wh, focus, stems, role)
    content = {t.stem for t in toks if not _covered(t, [(m.start, m.end) for m in countries] + time_spans)}
    keywords = content - lx.STOPWORDS - lx.GENERIC_VERBS - set(_WH) - {a.lower() for a in lx.AUXILIARIES}
    action = _action(toks)
    origin, destination = _roles(main, toks, countries)
    acting, target = _sides(toks, countries, types[0] if types else None)
    return Question(
        text=text,
        wh=wh,
        expects=expects,
        event_types=tuple(types),
        figure_kind=_figure_kind(free_stems, expects),
        action=action,
        countries=tuple(dict.fromkeys(m.value for m in countries)),
        origin=origin,
        destination=destination,
        acting=acting,
        target=target,
        whom=any(t.lower == "whom" for t in toks[1:]),
        people=tuple(dict.fromkeys(m.value for m in found if m.kind == "person")),
        organisations=tuple(dict.fromkeys(m.value for m in found if m.kind in ("organisation", "forum"))),
        time=time,
        era=_era(countries),
        named=tuple(named),
        modifiers=tuple(_modifiers(toks, types[0] if types else None, blocked)) if expects != "value" else (),
        objects=tuple(_objects(toks, focus)) if expects != "value" else (),
        focus=tuple(t.text for t in focus),
        role=None if role == "any" else role,
        role_country=role_country,
        superlative=superlative,
        keywords=tuple(sorted(keywords)),
        search_words=tuple(_search_words(tokens(text), keywords, action)),
        planned=bool(stems & lx.FUTURE_WORDS),
        present=time is None and any(t.lower in ("is", "are") for t in toks[:3]),
        anchor=anchor,
        mentions=found,
    )
