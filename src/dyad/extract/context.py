"""Per-document context shared by the event and figure extractors: the pair, people's countries, dates."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from dyad.extract.mentions import Mention
from dyad.knowledge import Knowledge
from dyad.models import TimeValue

# Country forms that name a country as an actor; descriptors ("the Andean nation") need the pair.
_ACTOR_FORMS = ("name", "adjective", "metonym", "historical")
# Courtesy and royal titles written before a name, no part of it.
_HONORIFICS = frozenset(
    ["Prince", "Princess", "Sheikh", "Sheikha", "Emir", "King", "Queen", "Dr.", "Dr", "Mr.", "Mr"]
)
# Which office a leader's country is read from first, when a person held several.
_ROLE_ORDER = {"head_of_state": 0, "party_leader": 1, "head_of_government": 2, "foreign_minister": 3}


def document_pair(mentions: list[Mention], fixed: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The document's main pair of countries: the configured dyad, else the two most mentioned."""
    if len(fixed) == 2:
        return (fixed[0], fixed[1])
    counts = Counter(m.value for m in mentions if m.kind == "country" and m.form in _ACTOR_FORMS)
    top = [code for code, n in counts.most_common(2) if n >= 2]
    if len(top) < 2:
        # a side named mostly by the body that acts for it ("the Taliban and Pakistan", "Hezbollah")
        bodies = [m for m in mentions if m.kind == "organisation" and m.form != "media"]
        counts.update(m.attrs["iso3"] for m in bodies if m.attrs.get("iso3"))
        top = [code for code, n in counts.most_common(2) if n >= 2]
    return (top[0], top[1]) if len(top) == 2 else None


@dataclass(slots=True)
class PersonCountry:
    iso3: str
    role: str


def person_country(k: Knowledge, name: str, when: TimeValue | None) -> PersonCountry | None:
    """The country (and office) of a leader, preferring a term that covers the date."""
    terms = k.terms_of(name)
    if not terms:
        return None
    if when is not None and when.start is not None:
        day_end = when.end or when.start
        covering = [t for t in terms if t.covers(when.start, day_end)]
        if covering:
            terms = covering
    best = min(terms, key=lambda t: _ROLE_ORDER.get(t.role, len(_ROLE_ORDER)))
    return PersonCountry(best.iso3, best.role)


def resolve_descriptor(mention: Mention, pair: tuple[str, str] | None) -> str | None:
    """A descriptor ("the Andean nation") names the pair country it can stand for, if exactly one."""
    candidates = set(mention.attrs.get("candidates", [mention.value]))
    if pair:
        inside = candidates & set(pair)
        if len(inside) == 1:
            return inside.pop()
    return mention.value if len(candidates) == 1 else None


def known_holders(k: Knowledge, mentions: list[Mention], when: TimeValue | None) -> list[Mention]:
    """An official the text introduced by a title and a country is the person the knowledge files know in
    that office, for that country, on the document's date, when the text gives one word of the name
    (after a courtesy title) and that person's name has it ("Saudi Foreign Minister Prince Faisal" is
    Faisal bin Farhan): every mention of the official takes the known name. A full name stays as the text
    spells it; without a date, or with two such people, the mentions stay."""
    if when is None or when.start is None:
        return mentions
    day_end = when.end or when.start
    named: dict[str, str] = {}
    for m in mentions:
        role, iso3 = str(m.attrs.get("role") or ""), m.attrs.get("iso3")
        if m.form != "official" or not iso3 or m.value in named or role.replace(" ", "_") not in _ROLE_ORDER:
            continue
        words = [w for w in m.value.split() if w not in _HONORIFICS]
        if len(words) != 1:
            continue  # a full name is kept as the text spells it ("Ramdane Lamamra")
        word = words[0]
        holders = {
            t.name
            for t in k.terms
            if t.iso3 == iso3
            and t.role == role.replace(" ", "_")
            and t.covers(when.start, day_end)
            and any(word in n.split() for n in (t.name, *t.aliases))
        }
        if len(holders) == 1:
            named[m.value] = holders.pop()
    if not named:
        return mentions
    return [
        replace(m, value=named[m.value]) if m.kind == "person" and m.value in named else m for m in mentions
    ]


# A leader's title right before a name, and the office of the knowledge files it names.
_LEADER_TITLE = re.compile(
    r"(?P<former>\b(?:former|late|ex-|then)\s+)?\b(?P<title>President|Prime\s+Minister|Premier|Chancellor|"
    r"Foreign\s+Minister|Foreign\s+Secretary|Secretary\s+of\s+State|Secretary)\s+$"
)
_TITLE_OFFICE = {
    "president": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister",
    "secretary": "foreign_minister",
}


def _title_before(text: str, start: int) -> tuple[str | None, bool]:
    """The office a leader's title right before ``start`` names, and whether "former" or "late" precedes
    it ("former President Clinton")."""
    hit = _LEADER_TITLE.search(text, max(0, start - 45), start)
    if hit is None:
        return None, False
    return _TITLE_OFFICE[" ".join(hit.group("title").lower().split())], bool(hit.group("former"))


def choose_namesakes(
    k: Knowledge, mentions: list[Mention], when: TimeValue | None, text: str
) -> list[Mention]:
    """A known name that several people of the knowledge files share ("Clinton") is the one whose office
    the title before it names ("Secretary Clinton" is the secretary of state, "President Clinton" the
    president), else the one in office on the document's date; otherwise the first listed, as before."""
    out = []
    for m in mentions:
        people = m.attrs.get("people") or []
        if m.kind != "person" or m.form != "person" or len(people) < 2:
            out.append(m)
            continue
        office, former = _title_before(text, m.start)
        chosen = [p for p in people if office and any(t.role == office for t in k.terms_of(p))]
        if len(chosen) != 1 and not former and when is not None and when.start is not None:
            pool = chosen or people
            day_end = when.end or when.start
            chosen = [p for p in pool if any(t.covers(when.start, day_end) for t in k.terms_of(p))]
        if len(chosen) == 1 and chosen[0] != m.value:
            m = replace(m, value=chosen[0], attrs={**m.attrs, "people": chosen})
        out.append(m)
    return out


# A leader's title and one capitalised word after it, the word not followed by another capitalised one.
_TITLED_WORD = re.compile(
    r"\b(?P<title>President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Minister|Foreign\s+Secretary|"
    r"Secretary\s+of\s+State)[^\S\n]+(?P<word>[A-Z][\w'’-]+)\b(?![^\S\n]+[A-Z])"
)


def titled_holders(
    k: Knowledge,
    text: str,
    mentions: list[Mention],
    when: TimeValue | None,
    pair: tuple[str, str] | None,
) -> list[Mention]:
    """A leader's title and one word of a name that no one listed or introduced bears ("Prime Minister
    Chinh", with no country) is the person the knowledge files know in that office on the document's date
    for one of the document's pair, when exactly one such has that word in the name and no person the text
    names bears it. Mentions added."""
    if when is None or when.start is None or pair is None or not text:
        return mentions
    day_end = when.end or when.start
    taken = [(m.start, m.end) for m in mentions if m.kind in ("person", "organisation", "country")]
    added = []
    serving = [t for t in k.terms if t.iso3 in pair and t.covers(when.start, day_end)]
    # a word of a person the text names in full is that person's ("President Lee Myong-bak ... President
    # Lee"), read as before
    named = {w for m in mentions if m.kind == "person" for w in (*m.value.split(), *m.text.split())}
    for hit in _TITLED_WORD.finditer(text):
        start, end = hit.span("word")
        if any(s < end and start < e for s, e in taken) or _FORMER.search(
            text, max(0, hit.start() - 12), hit.start()
        ):
            continue
        office = _TITLE_OFFICE[" ".join(hit.group("title").lower().split())]
        word = hit.group("word")
        if word in named:
            continue
        holders = {
            t.name
            for t in serving
            if t.role == office
            and any(word in n.split() or word in _fold(n).split() for n in (t.name, *t.aliases))
        }
        if len(holders) == 1:
            name = holders.pop()
            added.append(Mention(start, end, word, "person", name, "person", {"people": [name]}))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_FORMER = re.compile(r"\b(?:former|late|ex-|then)\s+$")


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
