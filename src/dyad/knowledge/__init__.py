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

    terms_by_name: dict[str, list[Term]] = field(default_factory=dict)  # filled beside ``terms``

    def add_term(self, term: Term) -> None:
        self.terms.append(term)
        self.terms_by_name.setdefault(term.name, []).append(term)

    def terms_of(self, name: str) -> list[Term]:
        return self.terms_by_name.get(name, [])


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
        k.add_term(
            Term(r["name"], _split(r["aliases"]), r["iso3"], r["role"], start, _date(r["end"], where))
        )


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


@lru_cache(maxsize=8)
def load_knowledge(extra_dirs: tuple[str, ...] = ()) -> Knowledge:
    """All knowledge files, bundled first, then the user's folders. Cached per folder list."""
    k = Knowledge()
    for loader in (_load_countries, _load_terms, _load_summits, _load_organisations, _load_events):
        loader(k, extra_dirs)
    return k
