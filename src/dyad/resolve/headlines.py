"""A resolved event as a line a person would write, built from its fields, never from a document's words.

"Russia–Peru: state visit of President Dmitry Medvedev to Lima", "Peru–Russia: agreement signed: Joint
Declaration of Strategic Partnership". One template per event type; each part of a template names one
field (the acting person, the people who met, the place, the named instrument) and is left out when the
event does not have it. The acting side's country comes first; a planned event ends in "(planned)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dyad.knowledge import load_knowledge
from dyad.resolve.events import INSTRUMENT

# Event type → the parts of its headline; a part whose {slot} the event lacks is left out.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "diplomatic_relations": ("diplomatic relations", ": {instrument}"),
    "visit": ("{visit}", " of {person}", " to {place}"),
    "meeting": ("meeting", " of {people}", " in {place}"),
    "agreement": ("{agreement}", ": {instrument}", " in {place}"),
    "arms_transfer": ("arms transfer", " under the {instrument}"),
    "trade": ("trade", " in {place}"),
    "investment": ("investment", " by {organisation}", " in {place}"),
    "aid": ("aid", " under the {instrument}"),
    "cooperation": ("cooperation", " under the {instrument}", " in {place}"),
    "statement": ("statement", " by {person}"),
    "dispute": ("dispute", " raised by {person}"),
    "sanction": ("sanction", " in {place}"),
    "use_of_force": ("use of force", " in {place}"),
    "other": ("event", " involving {people}", " in {place}"),
}
_VISIT_KINDS = ("state", "official", "working", "ministerial")
_SLOT = re.compile(r"\{(\w+)\}")
# "the Fisheries Agreement on Monday": a date after an instrument's name is not part of it.
_DATE_TAIL = re.compile(
    r"\s+(?:of|on|for)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b.*$"
)


@dataclass(slots=True, frozen=True)
class ActorInfo:
    kind: str  # person, organisation, forum, country
    role: str | None
    country: str | None


def _person(name: str, info: ActorInfo) -> str:
    """'Foreign Minister Wang Yi'. The knowledge files' generic offices ("head of state", "head of
    government") are not titles a person would write before a name, so those names stand alone."""
    role = (info.role or "").strip()
    if not role or role.startswith("head of"):
        return name
    return f"{role.title()} {name}"


def instrument_name(sentence: str) -> str | None:
    """The longest instrument a sentence names, as written: "Joint Declaration of Strategic Partnership"."""
    names = [_DATE_TAIL.sub("", m.group(0).strip()) for m in INSTRUMENT.finditer(sentence.replace("*", ""))]
    names = [n for n in names if len(n.split()) >= 2]
    return max(names, key=len) if names else None


def _slots(event: dict[str, Any], actors: dict[str, ActorInfo]) -> dict[str, str]:
    trigger = (event.get("trigger") or "").lower()
    people = [n for n in event["actors"] if actors.get(n, ActorInfo("", None, None)).kind == "person"]
    organisations = [n for n in event["actors"] if n in actors and actors[n].kind == "organisation"]
    visit = next((f"{k} visit" for k in _VISIT_KINDS if f"{k} visit" in trigger), "visit")
    signed = "sign" in trigger and event.get("status") != "planned"
    instrument = next(
        (name for s in event.get("sources", []) if (name := instrument_name(s.get("text") or ""))), None
    )
    return {
        "person": _person(people[0], actors[people[0]]) if people else "",
        "people": " and ".join(_person(n, actors[n]) for n in people[:2]),
        "organisation": organisations[0] if organisations else "",
        "place": event.get("location") or "",
        "instrument": instrument or "",
        "visit": visit,
        "agreement": "agreement signed" if signed else "agreement",
    }


def _pair(event: dict[str, Any], actors: dict[str, ActorInfo]) -> str:
    """The participants' names, the acting side first: the event's initiator when its sources name one,
    else the side of the first actor with a known country."""
    codes = list(event["participants"])
    countries = [event.get("initiator")] + [actors[n].country for n in event["actors"] if n in actors]
    acting = next((c for c in countries if c in codes), None)
    if acting:
        codes.sort(key=lambda c: c != acting)
    known = load_knowledge().countries
    return "–".join(known[c].name if c in known else c for c in codes)


def headline(event: dict[str, Any], actors: dict[str, ActorInfo]) -> str:
    """The event as one line: '<pair>: <what, filled from the event's fields>[ (planned)]'."""
    slots = _slots(event, actors)
    parts = TEMPLATES.get(event["type"], TEMPLATES["other"])
    what = "".join(part.format(**slots) for part in parts if all(slots.get(s) for s in _SLOT.findall(part)))
    planned = " (planned)" if event.get("status") == "planned" else ""
    return f"{_pair(event, actors)}: {what}{planned}"
