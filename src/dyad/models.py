"""Records passed between pipeline stages.

Offsets (``start``/``end``) are always character offsets into a document's *clean* text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

DocKind = Literal["news", "blog", "paper", "record", "other"]
Basis = Literal["explicit", "relative", "inferred"]
Granularity = Literal["day", "month", "season", "year", "decade", "century", "interval", "open"]

EVENT_TYPES = (
    "diplomatic_relations",
    "visit",
    "meeting",
    "agreement",
    "arms_transfer",
    "trade",
    "investment",
    "aid",
    "cooperation",
    "statement",
    "dispute",
    "sanction",
    "use_of_force",
    "other",
)
# The types whose kind (CAMEO root: an accusation, a rejection, a protest, an expulsion) tells one act from
# another of the same day and pair: extraction does not take one for the other told again, and the record
# does not merge one story's acts of different kinds.
ACTS_OF_KINDS = frozenset(("dispute", "sanction", "use_of_force", "diplomatic_relations"))
# Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
CONFLICT_QUADS = (3, 4)
STATUSES = ("occurred", "planned")
DIMENSIONS = ("political", "economic", "military", "science_education_culture", "multilateral")
FIGURE_KINDS = ("export", "import", "trade_total", "investment", "arms_value", "growth_rate", "other")
QUALIFIERS = ("exact", "more_than", "less_than", "about")


@dataclass(slots=True, frozen=True)
class TimeValue:
    """A normalised date: an EDTF string plus the first and last day it covers.

    ``start``/``end`` are ``None`` only for the open side of an open interval ("since 2008" → ``2008/``).
    """

    edtf: str
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity
    basis: Basis = "explicit"

    def overlaps(self, other: TimeValue) -> bool:
        lo_a, hi_a = self.start or dt.date.min, self.end or dt.date.max
        lo_b, hi_b = other.start or dt.date.min, other.end or dt.date.max
        return lo_a <= hi_b and lo_b <= hi_a


@dataclass(slots=True, frozen=True)
class TimeExpression:
    """A stretch of text that names a time, with its normalised value."""

    text: str
    start: int
    end: int
    value: TimeValue


@dataclass(slots=True, frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """One ingested file: metadata, raw text (for audit) and clean text with sentences."""

    id: str  # sha256 of the file's bytes, hex, first 16 chars
    name: str  # base name as ingested
    path: str
    format: str  # text, markdown, html, pdf, json
    kind: DocKind = "other"
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None  # EDTF day/month/year
    published_basis: Basis | None = None
    # The reference date for relative expressions: ``published``, or an estimate from the content.
    date_estimate: str | None = None
    date_estimate_basis: Basis | None = None
    language: str | None = None
    doi: str | None = None
    raw_text: str = ""
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    size_bytes: int = 0
    # Doubts about how the file was read (an encoding guessed with low confidence, bytes replaced); the
    # document is stored and the warnings are listed by ``dyad errors``.
    warnings: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True, frozen=True)
class Source:
    """Where a fact was read: a document and the sentence (with its offsets in the clean text)."""

    doc: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Figure:
    kind: str
    value: float
    unit: str
    year: TimeValue | None
    from_: str | None
    to: str | None
    qualifier: str
    source: Source
    text: str = ""  # the quantity as written, e.g. "more than 230 million dollars"
    confidence: float = 0.5
    value_max: float | None = None  # the upper bound of a range ("$500–800 million")
    status: str = "occurred"  # occurred | planned (a forecast, target or ceiling)


@dataclass(slots=True)
class Event:
    type: str
    participants: tuple[str, ...]
    date: TimeValue | None
    dimension: str
    cameo: str
    goldstein: float
    quad_class: int
    status: str  # occurred | planned
    summary: str
    source: Source
    actors: list[str] = field(default_factory=list)
    location: str | None = None
    trigger: str = ""
    confidence: float = 0.5
    plover: str = ""
    initiator: str | None = None  # the side that acts, when one acts on the other ("Japan expelled")


@dataclass(slots=True)
class IngestFailure:
    path: str
    reason: str


@dataclass(slots=True, frozen=True)
class StoredFile:
    """What a Dask worker wrote of one file into a server store itself: each document's (name, id, whether
    this write added it), and the file's warnings. Small, so that only this travels back to the client."""

    documents: tuple[tuple[str, str, bool], ...]
    warnings: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class IngestWarning:
    """A file that was stored, but read with a doubt worth checking."""

    path: str
    reason: str


@dataclass(slots=True)
class ProcessedDocument:
    """Everything the per-document stages produce for one file; written to the store in one go."""

    document: Document
    time_expressions: list[TimeExpression] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
