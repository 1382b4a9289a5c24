"""The record's actors: people, organisations, forums and countries named, with role and country."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any


def list_actors(mentions: Iterable[dict[str, Any]], *, latest: bool = False) -> list[dict[str, Any]]:
    """People, organisations and countries mentioned, with role, country, and the documents naming them.

    ``mentions`` are mention rows with their document's file name (``Store.mentions``). A person's role and
    country come from how each document introduced them (an official) or from the knowledge files (a
    leader in office as of the document's date). Where documents differ, each document votes for its own
    reading and the reading most documents give wins (then the one most mentions give, then the first in
    alphabetical order), so the result does not depend on the order the documents were stored in.

    With ``latest``, the latest reading in the order given wins instead: what the per-actor summaries the
    store keeps for event headlines hold (``read_mention``, folded one document at a time as written).
    """
    counts: Counter[tuple[str, str]] = Counter()
    readings: dict[tuple[str, str], dict[str, _Votes]] = {}
    folded: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions:
        key = (m["kind"], m["value"])
        counts[key] += 1
        role, country = mention_reading(m)
        votes = readings.setdefault(key, {}).setdefault(m["doc"], _Votes())
        votes.add(role, country)
        read_mention(folded.setdefault(key, {"role": None, "country": None}), m)
    return [
        {
            "kind": kind,
            "name": value,
            **(folded[(kind, value)] if latest else _winner(readings[(kind, value)].values())),
            "mentions": n,
            "documents": len(readings[(kind, value)]),
            "document_names": sorted(readings[(kind, value)]),
        }
        for (kind, value), n in sorted(counts.items(), key=lambda kv: (-len(readings[kv[0]]), -kv[1], kv[0]))
    ]


class _Votes:
    """One document's readings of an actor: how many of its mentions give each role and each country."""

    __slots__ = ("countries", "roles")

    def __init__(self) -> None:
        self.roles: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()

    def add(self, role: str | None, country: str | None) -> None:
        if role:
            self.roles[role] += 1
        if country:
            self.countries[country] += 1


def _winner(documents: Iterable[_Votes]) -> dict[str, str | None]:
    """The role and the country most documents give (each document for the one most of its mentions
    give), then most mentions, then alphabetical: the same whatever order the documents come in."""
    docs = list(documents)
    return {
        "role": _most_given([d.roles for d in docs]),
        "country": _most_given([d.countries for d in docs]),
    }


def _most_given(per_document: list[Counter[str]]) -> str | None:
    by_docs: Counter[str] = Counter()
    by_mentions: Counter[str] = Counter()
    for counts in per_document:
        if counts:
            top = max(counts.values())
            by_docs[min(v for v, n in counts.items() if n == top)] += 1
            by_mentions.update(counts)
    if not by_docs:
        return None
    return min(by_docs, key=lambda v: (-by_docs[v], -by_mentions[v], v))


def mention_reading(mention: dict[str, Any]) -> tuple[str | None, str | None]:
    """The role and country one mention row gives its actor (a country's own mention gives itself)."""
    attrs = json.loads(mention["attrs"] or "{}")
    country = mention["value"] if mention["kind"] == "country" else attrs.get("iso3") or attrs.get("country")
    return attrs.get("role") or None, country or None


def read_mention(found: dict[str, Any], mention: dict[str, Any]) -> None:
    """Update an actor's ``role`` and ``country`` with one more mention of it: the latest reading wins
    (the per-actor summaries the store keeps for event headlines, folded one document at a time)."""
    role, country = mention_reading(mention)
    found["role"] = role or found["role"]
    found["country"] = country or found["country"]
