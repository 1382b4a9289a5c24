"""Resolve stage: the relationship's record from per-document facts, the way an analyst reconciles sources.

Pure rules over rows: ``events`` and ``figures`` say which mentions are one event or figure and which
disagree, ``sources`` which documents count as independent, ``headlines`` how an event reads. The store
applies them when a document is written or removed (``dyad.store.record``), to the clusters it touches;
``resolve`` applies them to a whole record at once, the reference the stored record is tested against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from dyad.resolve.actors import list_actors
from dyad.resolve.events import event_conflicts, group_events, resolve_event
from dyad.resolve.figures import resolve_figures
from dyad.resolve.headlines import ActorInfo, headline
from dyad.resolve.sources import independence_groups

__all__ = ["Record", "actor_infos", "resolve"]


@dataclass(slots=True)
class Record:
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


class RowSource(Protocol):
    """What whole-record resolution reads (a ``dyad.store.Store``)."""

    def documents(self) -> list[dict[str, Any]]: ...
    def rows(self, table_name: str) -> list[dict[str, Any]]: ...
    def mentions(self, values: Any = None) -> list[dict[str, Any]]: ...


def actor_infos(actors: list[dict[str, Any]]) -> dict[str, ActorInfo]:
    """Name → kind, role and country, as headlines read them (``list_actors`` rows)."""
    return {a["name"]: ActorInfo(a["kind"], a["role"], a["country"]) for a in actors}


def resolve(store: RowSource) -> Record:
    """The resolved record of everything in the store, resolved from scratch."""
    documents = store.documents()
    names = {d["id"]: d["name"] for d in documents}
    independence = independence_groups(documents)
    groups = group_events(store.rows("events"))
    events = [resolve_event(g, names, independence) for g in groups]
    actors = actor_infos(list_actors(store.mentions(), latest=True))  # as the store's summaries fold them
    for event in events:
        event["headline"] = headline(event, actors)
    figures, figure_conflicts = resolve_figures(store.rows("figures"), names, independence)
    return Record(documents, events, figures, event_conflicts(groups, events) + figure_conflicts)
