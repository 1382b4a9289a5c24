"""The record's actors: people, organisations, forums and countries named, with role and country."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any


def list_actors(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """People, organisations and countries mentioned, with role, country, and the documents naming them.

    ``mentions`` are mention rows with their document's file name, in the order they were read
    (``Store.mentions``). A person's role and country come from how the text introduced them (an official) or
    from the knowledge files (a leader in office); the latest reading wins where they differ.
    """
    counts: Counter[tuple[str, str]] = Counter()
    docs: dict[tuple[str, str], set[str]] = {}
    details: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions:
        key = (m["kind"], m["value"])
        counts[key] += 1
        docs.setdefault(key, set()).add(m["doc"])
        read_mention(details.setdefault(key, {"role": None, "country": None}), m)
    return [
        {
            "kind": kind,
            "name": value,
            **details[(kind, value)],
            "mentions": n,
            "documents": len(docs[(kind, value)]),
            "document_names": sorted(docs[(kind, value)]),
        }
        for (kind, value), n in sorted(counts.items(), key=lambda kv: (-len(docs[kv[0]]), -kv[1], kv[0]))
    ]


def read_mention(found: dict[str, Any], mention: dict[str, Any]) -> None:
    """Update an actor's ``role`` and ``country`` with one more mention of it: the latest reading wins."""
    attrs = json.loads(mention["attrs"] or "{}")
    found["role"] = attrs.get("role") or found["role"]
    found["country"] = attrs.get("iso3") or attrs.get("country") or found["country"]
    if mention["kind"] == "country":
        found["country"] = mention["value"]
