"""Which sources are independent: documents by the same author or outlet count once."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def _person_key(name: str) -> str:
    """'Sebastien ADINS', 'S. Adins' and 'Adins, S.' → 'adins s'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
    else:
        parts = text.replace(".", " ").split()
        if not parts:
            return ""
        last, first = parts[-1], " ".join(parts[:-1])
    return f"{re.sub(r'[^a-z]', '', last)} {first[:1]}"


def _outlet_key(publisher: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (publisher or "").lower().removeprefix("the "))


def source_keys(doc: dict[str, Any]) -> set[str]:
    """What makes two documents one source: their authors' and outlet's keys ("a:adins s", "o:reuters")."""
    keys = {"a:" + _person_key(a) for a in doc.get("authors") or [] if _person_key(a).strip()}
    if _outlet_key(doc.get("publisher")):
        keys.add("o:" + _outlet_key(doc.get("publisher")))
    return keys


def independence_groups(documents: list[dict[str, Any]]) -> dict[str, int]:
    """Document name → group number; documents sharing an author or an outlet share a group."""
    parent = list(range(len(documents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owners: dict[str, int] = {}
    for i, doc in enumerate(documents):
        for key in source_keys(doc):
            if key in owners:
                parent[find(i)] = find(owners[key])
            else:
                owners[key] = i
    return {doc["name"]: find(i) for i, doc in enumerate(documents)}
