"""The trigger prefilter is sound: a pattern never matches a sentence that lacks all its required words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.clean import clean_text
from dyad.knowledge import load_knowledge
from dyad.knowledge.literals import required_literals

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsign(ed|s|ing)?\b", {"sign"}),
        (r"\b(state|official)\s+visit\b", {"state", "official"}),
        (r"\bexports?\s+to\b", {"export"}),
        (r"\b(met|meets)\s+with\b", {"with"}),  # "me" + t/ets is too short; the word after is required
        (r"\b(?:a|the)\s+\w+", None),
        (r"(?-i:[A-Z])\w+\s+Treaty", {"treaty"}),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


def _sentences() -> list[str]:
    folders = [ROOT / "src" / "dyad" / "examples" / "seeds", *(ROOT / "tests" / "data").glob("heldout*")]
    texts = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".html") and path.name != "README.md":
                texts.extend(clean_text(path.read_text(encoding="utf-8", errors="replace")))
    return [s for paragraph in texts for s in re.split(r"(?<=[.!?])\s+", paragraph)]


def test_prefilter_never_hides_a_match() -> None:
    sentences = _sentences()
    assert len(sentences) > 300
    for trigger in load_knowledge().triggers:
        if trigger.needs is None:
            continue
        for sentence in sentences:
            if trigger.pattern.search(sentence):
                assert any(word in sentence.lower() for word in trigger.needs), (
                    trigger.pattern.pattern,
                    sentence,
                )
