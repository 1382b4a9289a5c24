"""Knowledge files: countries, leaders and their terms, organisations, summit calendars, CAMEO, triggers.

The bundled TSV files live beside this module; a user adds rows with files of the same name in their own
folders (``knowledge_dirs`` setting): those rows are read after the bundled ones. Loaded once, cached.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dyad.errors import KnowledgeError
from dyad.knowledge.literals import required_literals


@dataclass(slots=True, frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str
    metonyms: tuple[str, ...]
    descriptors: tuple[str, ...]
    historical: tuple[tuple[str, int, int], ...]  # (name, first year, last year)
    region: str


@dataclass(slots=True, frozen=True)
class Term:
    """One person in one office for one period."""

    name: str
    aliases: tuple[str, ...]
    iso3: str
    role: str  # head_of_state, head_of_government, foreign_minister, party_leader
    start: dt.date
    end: dt.date | None  # None: still in office

    def covers(self, day_start: dt.date, day_end: dt.date) -> bool:
        return self.start <= day_end and (self.end is None or self.end >= day_start)


@dataclass(slots=True, frozen=True)
class Summit:
    forum: str
    edition: str
    start: dt.date
    end: dt.date
    city: str
    country: str
    aliases: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    kind: str
    iso3: str | None
    dimension: str


@dataclass(slots=True, frozen=True)
class Trigger:
    type: str
    pattern: re.Pattern[str]
    cameo: str | None
    dimension: str | None
    # Lower-case strings one of which any match contains; None: no prefilter (see literals.py).
    needs: frozenset[str] | None = None


@dataclass(slots=True, frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int


@dataclass(slots=True, frozen=True)
class Predicate:
    """A verb or event noun that names an event (predicates_en.tsv)."""

    lemma: str  # "sign", "break off", "phone call" (for a noun, the last word is the head)
    pos: str  # verb | noun
    objects: frozenset[str]  # lemmas one of which must head the object; empty = any or none
    type: str
    cameo: str
    plover: str
    dimension: str | None
    direction: str  # subj>obj | mutual | subj


@dataclass(slots=True, frozen=True)
class Role:
    """A title that makes a named person an official (roles_en.tsv)."""

    phrase: str
    role: str
    rank: str


# Words that begin European family names and are also family names written first elsewhere ("Le", "Do").
_PARTICLES = frozenset(["le", "la", "de", "di", "du", "da", "do", "dos", "des", "van", "von", "del"])


@dataclass(slots=True, frozen=True)
class NameOrigin:
    """A naming tradition's family names and the countries whose officials mostly bear them
    (name_origins_en.tsv)."""

    tradition: str
    countries: frozenset[str]
    where: str  # first, last or any: where the family name stands in a name
    names: frozenset[str]
    suffixes: tuple[str, ...]

    def fits(self, name: str) -> bool:
        words = name.replace(".", " ").split()
        if len(words) < 2:
            return False
        first, last = words[0], words[-1]
        # "Le Drian", "Do Couto": a European particle before one word starts a family name, not one that
        # comes first ("Le Thanh Long" has the given names after it)
        particle = len(words) == 2 and first.lower() in _PARTICLES
        if self.where in ("first", "any") and first in self.names and not particle:
            return True
        if self.where in ("last", "any") and last in self.names:
            return True
        return self.where == "last" and any(
            last.lower().endswith(s) and len(last) > len(s) + 2 for s in self.suffixes
        )


@dataclass(slots=True)
class Knowledge:
    countries: dict[str, Country] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    summits: list[Summit] = field(default_factory=list)
    forums: dict[str, tuple[str, ...]] = field(default_factory=dict)  # forum key → generic names
    organisations: list[Organisation] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    type_defaults: dict[str, tuple[CameoCode, str]] = field(default_factory=dict)  # type → (code, dimension)
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    type_plover: dict[str, str] = field(default_factory=dict)  # type → default PLOVER type
    plover_prefixes: dict[str, str] = field(default_factory=dict)  # CAMEO prefix → PLOVER type
    # (lemma, pos) → predicates; a phrasal verb or compound noun is keyed by its head word too
    predicates: dict[tuple[str, str], list[Predicate]] = field(default_factory=dict)
    modality: dict[str, str] = field(default_factory=dict)  # lemma → planned|threat|refusal|...
    tone: dict[str, frozenset[str]] = field(default_factory=dict)  # praise|pledge|blame → words (tone_en.tsv)
    modality_pos: dict[str, set[str]] = field(default_factory=dict)  # lemma → the parts of speech it has
    roles: dict[str, Role] = field(default_factory=dict)  # lower-case phrase → role
    occupations: dict[str, str] = field(default_factory=dict)  # lower-case phrase → occupation, no office
    national_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phrase → countries using it
    name_origins: list[NameOrigin] = field(default_factory=list)
    # Irregular forms and the stems of every predicate's head word: the words a sentence must contain
    # for any predicate to match (the parse prefilter).
    irregular: dict[str, str] = field(default_factory=dict)  # form → lemma
    predicate_stems: frozenset[str] = frozenset()
    unmaking_stems: frozenset[str] = frozenset()  # stems of modality words other than "planned"

    terms_by_name: dict[str, list[Term]] = field(default_factory=dict)  # filled beside ``terms``

    def add_term(self, term: Term) -> None:
        self.terms.append(term)
        self.terms_by_name.setdefault(term.name, []).append(term)

    def terms_of(self, name: str) -> list[Term]:
        return self.terms_by_name.get(name, [])

    def origins_of(self, name: str, family_first: bool = False) -> frozenset[str] | None:
        """The countries whose naming traditions the name fits; None when it fits none listed. With
        ``family_first``, only when it fits a tradition that writes the family name first ("Wang Wenbin"),
        and then every tradition it fits."""
        fitting = [o for o in self.name_origins if o.fits(name)]
        if not fitting or (family_first and not any(o.where == "first" for o in fitting)):
            return None
        return frozenset().union(*(o.countries for o in fitting))

    def code(self, cameo: str) -> CameoCode | None:
        """A CAMEO code's row, or its root's (a code not listed keeps its own number)."""
        for prefix in (cameo, cameo[:3], cameo[:2]):
            found = self.cameo.get(prefix)
            if found is not None:
                return (
                    found
                    if prefix == cameo
                    else CameoCode(cameo, found.label, found.goldstein, found.quad_class)
                )
        return None

    def plover(self, cameo: str) -> str | None:
        """The PLOVER type of a CAMEO code, by its longest listed prefix."""
        for size in range(len(cameo), 1, -1):
            found = self.plover_prefixes.get(cameo[:size])
            if found:
                return found
        return None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _date(cell: str | None, where: str) -> dt.date | None:
    if not cell or not cell.strip():
        return None
    try:
        return dt.date.fromisoformat(cell.strip())
    except ValueError as exc:
        raise KnowledgeError(f"{where}: bad date {cell!r} (want YYYY-MM-DD)") from exc


def _rows(name: str, extra_dirs: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of the bundled file ``name`` and of same-named files in ``extra_dirs``, '#' lines skipped."""
    sources: list[tuple[str, str]] = []
    bundled = resources.files("dyad.knowledge").joinpath(name)
    if bundled.is_file():
        sources.append((f"knowledge/{name}", bundled.read_text(encoding="utf-8")))
    for folder in extra_dirs:
        path = Path(folder) / name
        if path.is_file():
            sources.append((str(path), path.read_text(encoding="utf-8")))
    for label, text in sources:
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for number, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise KnowledgeError(f"{label} row {number}: wrong number of columns")
            yield f"{label} row {number}", row


def _historical(cell: str, where: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    for item in _split(cell):
        name, _, span = item.partition("@")
        try:
            first, _, last = span.partition("/")
            out.append((name.strip(), int(first), int(last)))
        except ValueError as exc:
            raise KnowledgeError(f"{where}: bad historical entry {item!r} (want Name@YYYY/YYYY)") from exc
    return tuple(out)


def _load_countries(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for where, r in _rows("countries.tsv", dirs):
        k.countries[r["iso3"]] = Country(
            r["iso3"],
            r["name"],
            _split(r["aliases"]),
            _split(r["adjectives"]),
            r["capital"],
            _split(r["metonyms"]),
            _split(r["descriptors"]),
            _historical(r["historical"], where),
            r["region"],
        )


def _load_terms(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for where, r in _rows("leaders.tsv", dirs):
        start = _date(r["start"], where)
        if start is None:
            raise KnowledgeError(f"{where}: a term needs a start date")
        k.add_term(Term(r["name"], _split(r["aliases"]), r["iso3"], r["role"], start, _date(r["end"], where)))


def _load_summits(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for where, r in _rows("summits.tsv", dirs):
        start, end = _date(r["start"], where), _date(r["end"], where)
        if start is None:
            raise KnowledgeError(f"{where}: a summit needs a start date")
        k.summits.append(
            Summit(
                r["forum"], r["edition"], start, end or start, r["city"], r["country"], _split(r["aliases"])
            )
        )
    for _where, r in _rows("forums.tsv", dirs):
        k.forums[r["forum"]] = _split(r["aliases"])


def _load_name_origins(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for where, r in _rows("name_origins_en.tsv", dirs):
        if r["where"] not in ("first", "last", "any"):
            raise KnowledgeError(f"{where}: 'where' must be first, last or any, not {r['where']!r}")
        k.name_origins.append(
            NameOrigin(
                r["tradition"],
                frozenset(_split(r["countries"])),
                r["where"],
                frozenset(_split(r["names"])),
                tuple(s.lower() for s in _split(r["suffixes"])),
            )
        )


def _load_organisations(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for _where, r in _rows("organisations.tsv", dirs):
        k.organisations.append(
            Organisation(r["name"], _split(r["aliases"]), r["kind"], r["iso3"] or None, r["dimension"])
        )


def _load_events(k: Knowledge, dirs: tuple[str, ...]) -> None:
    for where, r in _rows("cameo_codes.tsv", dirs):
        try:
            k.cameo[r["cameo"]] = CameoCode(
                r["cameo"], r["label"], float(r["goldstein"]), int(r["quad_class"])
            )
        except ValueError as exc:
            raise KnowledgeError(f"{where}: {exc}") from exc
    for _where, r in _rows("cameo.tsv", dirs):
        code = CameoCode(r["cameo"], r["label"], float(r["goldstein"]), int(r["quad_class"]))
        k.cameo.setdefault(code.code, code)
        k.type_defaults[r["type"]] = (code, r["dimension"])
        k.type_plover[r["type"]] = r["plover"]
    for _where, r in _rows("plover.tsv", dirs):
        k.plover_prefixes[r["prefix"]] = r["plover"]
    for where, r in _rows("triggers.tsv", dirs):
        if r["type"] not in k.type_defaults:
            raise KnowledgeError(f"{where}: unknown event type {r['type']!r}")
        try:
            pattern = re.compile(r["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise KnowledgeError(f"{where}: bad pattern {r['pattern']!r}: {exc}") from exc
        k.triggers.append(
            Trigger(
                r["type"],
                pattern,
                r["cameo"] or None,
                r["dimension"] or None,
                required_literals(r["pattern"]),
            )
        )


PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
_DIRECTIONS = ("subj>obj", "mutual", "subj")
TONES = ("praise", "pledge", "blame")


def _objects(cell: str, tone: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    """A predicate's object lemmas; "@praise" (a tone of ``tone_en.tsv``) stands for its words and is kept
    as a mark that they are read in the reported clause."""
    words = {w.lower() for w in _split(cell)}
    for mark in [w for w in words if w.startswith("@") and w != "@name"]:
        if mark[1:] not in tone:
            raise KnowledgeError(f"{where}: unknown tone {mark!r} (want one of {', '.join(TONES)})")
        words |= tone[mark[1:]]
    return frozenset(words)


def _load_lexicons(k: Knowledge, dirs: tuple[str, ...]) -> None:
    tone: dict[str, set[str]] = {t: set() for t in TONES}
    for where, r in _rows("tone_en.tsv", dirs):
        if r["tone"].strip() not in tone:
            raise KnowledgeError(f"{where}: unknown tone {r['tone']!r} (want one of {', '.join(TONES)})")
        tone[r["tone"].strip()].add(r["word"].strip().lower())
    k.tone = {t: frozenset(words) for t, words in tone.items()}
    for where, r in _rows("predicates_en.tsv", dirs):
        lemma, pos = r["lemma"].strip().lower(), r["pos"].strip().lower()
        if r["type"] not in k.type_defaults or pos not in ("verb", "noun"):
            raise KnowledgeError(f"{where}: unknown event type {r['type']!r} or part of speech {pos!r}")
        if r["plover"] not in PLOVER_TYPES or r["direction"] not in _DIRECTIONS:
            raise KnowledgeError(f"{where}: unknown PLOVER type {r['plover']!r} or direction")
        pred = Predicate(
            lemma,
            pos,
            _objects(r["object"], k.tone, where),
            r["type"],
            r["cameo"].strip(),
            r["plover"],
            r["dimension"] or None,
            r["direction"],
        )
        head = lemma.split()[0] if pos == "verb" else lemma.split()[-1]
        k.predicates.setdefault((head, pos), []).append(pred)
    for _where, r in _rows("inflections_en.tsv", dirs):
        k.irregular[r["form"].strip().lower()] = r["lemma"].strip().lower()
    k.predicate_stems = frozenset(
        stem(head)
        for (head, _pos), preds in k.predicates.items()
        if any(not p.cameo.startswith("01") for p in preds)
    )
    for _where, r in _rows("modality_en.tsv", dirs):
        lemma, pos = r["lemma"].strip().lower(), r["pos"].strip().lower()
        k.modality.setdefault(lemma, r["effect"].strip())
        k.modality_pos.setdefault(lemma, set()).add(pos)
    k.unmaking_stems = frozenset(
        stem(w) for w, effect in k.modality.items() if effect != "planned" and len(w) > 2
    )
    for _where, r in _rows("roles_en.tsv", dirs):
        phrase = r["phrase"].strip().lower()
        k.roles.setdefault(phrase, Role(phrase, r["role"].strip(), r["rank"].strip()))
    for _where, r in _rows("occupations_en.tsv", dirs):
        k.occupations.setdefault(r["phrase"].strip().lower(), r["occupation"].strip())
    for _where, r in _rows("titles_national_en.tsv", dirs):
        k.national_titles.setdefault(r["phrase"].strip().lower(), _split(r["countries"]))


def stem(lemma: str) -> str:
    """What every regular form of a lemma starts with: agree → agre (agreed), deny → den (denied)."""
    if lemma.endswith("y") and len(lemma) > 3:
        return lemma[:-1]
    if lemma.endswith("e") and len(lemma) > 3:
        return lemma[:-1]
    return lemma


@lru_cache(maxsize=8)
def load_knowledge(extra_dirs: tuple[str, ...] = ()) -> Knowledge:
    """All knowledge files, bundled first, then the user's folders. Cached per folder list."""
    k = Knowledge()
    for loader in (
        _load_countries,
        _load_terms,
        _load_summits,
        _load_organisations,
        _load_name_origins,
        _load_events,
        _load_lexicons,
    ):
        loader(k, extra_dirs)
    return k
