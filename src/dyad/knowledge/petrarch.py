"""Import CAMEO/PETRARCH actor dictionaries into dyad's leaders.tsv format.

PETRARCH actor entries look like::

    VLADIMIR_PUTIN_                 # a name, words joined by "_"
    +PUTIN_                         # synonyms
    [RUSGOV 000507-080507]          # a code with an optional yymmdd-yymmdd period
    [RUSGOV 120507-]

or on one line: ``DMITRY_MEDVEDEV_ [RUSGOV 080507-120507]``. Each dated code becomes one term; the first
three letters of the code are the country. Roles in the code (GOV, MIL, ...) are kept as ``official``
since a code does not say which office a person held.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from dyad.errors import KnowledgeError

_CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*(?:(\d{6})?\s*-\s*(\d{6})?)?\]")
_HEADER = ("name", "aliases", "iso3", "role", "start", "end")


@dataclass(slots=True)
class _Actor:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # iso3, start, end


def _words(token: str) -> str:
    return " ".join(part.capitalize() for part in token.strip().strip("_").split("_") if part)


def _day(yymmdd: str | None, where: str) -> str:
    if not yymmdd:
        return ""
    century = 2000 if int(yymmdd[:2]) <= (dt.date.today().year % 100) + 5 else 1900
    try:
        return dt.date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])).isoformat()
    except ValueError as exc:
        raise KnowledgeError(f"{where}: bad date {yymmdd!r} (want yymmdd)") from exc


def parse_actor_dictionary(lines: Iterable[str], source: str = "actors") -> list[_Actor]:
    actors: list[_Actor] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        where = f"{source} line {number}"
        head = line.strip()
        if head.startswith("+"):
            if not actors:
                raise KnowledgeError(f"{where}: a synonym before any actor name")
            actors[-1].aliases.append(_words(head[1:].split("[", 1)[0]))
        elif not head.startswith("["):
            actors.append(_Actor(_words(head.split("[", 1)[0])))
        for code in _CODE.finditer(head):
            if not actors:
                raise KnowledgeError(f"{where}: a code before any actor name")
            actors[-1].codes.append((code.group(1), _day(code.group(3), where), _day(code.group(4), where)))
    return actors


def to_leaders_tsv(actors: list[_Actor]) -> str:
    """Rows for a user's ``leaders.tsv``; actors without a dated code get a term from 1900."""
    rows = ["\t".join(_HEADER)]
    for actor in actors:
        surname = actor.name.split()[-1] if " " in actor.name else ""
        aliases = "|".join(dict.fromkeys(a for a in (*actor.aliases, surname) if a and a != actor.name))
        for iso3, start, end in actor.codes:
            rows.append("\t".join((actor.name, aliases, iso3, "official", start or "1900-01-01", end)))
    return "\n".join(rows) + "\n"
