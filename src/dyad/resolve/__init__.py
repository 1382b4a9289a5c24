"""Resolve stage: the relationship's record from per-document facts, the way an analyst reconciles sources.

Derived on read from the per-document rows, so adding or re-ingesting documents needs no rebuild and
nothing any source said is overwritten. See ``events`` and ``figures`` for the merge and conflict rules;
``sources`` for which documents count as independent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad.resolve.actors import list_actors
from dyad.resolve.events import event_conflicts, group_events, resolve_event
from dyad.resolve.figures import resolve_figures
from dyad.resolve.headlines import ActorInfo, headline
from dyad.resolve.sources import independence_groups
from dyad.store import Store

__all__ = ["Record", "resolve"]


@dataclass(slots=True)
class Record:
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def resolve(store: Store) -> Record:
    """The resolved record of everything in the store."""
    documents = store.documents()
    names = {d["id"]: d["name"] for d in documents}
    independence = independence_groups(documents)
    groups = group_events(store.rows("events"))
    events = [resolve_event(g, names, independence) for g in groups]
    actors = {a["name"]: ActorInfo(a["kind"], a["role"], a["country"]) for a in list_actors(store)}
    for event in events:
        event["headline"] = headline(event, actors)
    figures, figure_conflicts = resolve_figures(store.rows("figures"), names, independence)
    return Record(documents, events, figures, event_conflicts(groups, events) + figure_conflicts)
