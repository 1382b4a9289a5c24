"""Words that stand for the document's pair without naming either side.

A plural of those who act for a state, counted as two or said of both ("the two ministers", "both
parliaments", "the two NATO allies"), is one of each side in a document about two countries; so is
"they" right after a sentence whose only countries are the two of the pair ("Bolivia and Peru held their
second binational cabinet. They agreed that …"). Each becomes a mention of kind "pair", which the event
reader already takes as both sides; the figures reader does not see them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dyad.extract.mentions import Mention
from dyad.models import Document

# Plural nouns of those who act for a state: counted two or said of both, one is each side's.
_AGENTS = (
    r"ministers|secretaries|governments|administrations|cabinets|ministries|parliaments|legislatures|"
    r"leaders|presidents|premiers|chancellors|monarchs|kings|heads|envoys|ambassadors|diplomats|"
    r"delegations|negotiators|allies|foreign\s+offices|foreign\s+ministries"
)
# "the two foreign ministers", "both NATO allies", "the two countries' leaders": up to two words between.
_COUNTED = re.compile(
    r"\b(?:the\s+two|both(?:\s+the)?)\s+(?:(?!and\b|or\b|of\b)[\w'’.-]+\s+){0,2}?(?:" + _AGENTS + r")\b",
    re.IGNORECASE,
)
# Words after the plural that make its members one side's ("the two ministers of Chile", "from Peru").
_ONE_SIDE_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z]")
# "They agreed …", "Later, they met …": the subject that opens the sentence carries its topic on.
_THEY = re.compile(r"^(?:[^,;:]{1,40},\s+)?(they)\b", re.IGNORECASE)


def pair_references(doc: Document, mentions: list[Mention], pair: tuple[str, str] | None) -> list[Mention]:
    """The mentions of the pair that the knowledge phrases did not find: counted plurals of state agents
    and "they" after a sentence naming both of the pair and no other country."""
    if not pair:
        return []
    starts = [m.start for m in mentions]
    found: list[Mention] = []
    for hit in _COUNTED.finditer(doc.text):
        lo, hi = hit.start(), hit.end()
        inside = mentions[bisect_right(starts, lo - 1) : bisect_right(starts, hi - 1)]
        if any(m.start < hi and lo < m.end and m.kind in ("country", "pair", "person") for m in inside):
            continue  # "both Chilean ministers", "the two countries": one side, or found already
        if _ONE_SIDE_AFTER.match(doc.text, hi):
            continue
        found.append(Mention(lo, hi, hit.group(0), "pair", "pair", "pair"))
    found += _pair_pronouns(doc, mentions, pair)
    return found


def _pair_pronouns(doc: Document, mentions: list[Mention], pair: tuple[str, str]) -> list[Mention]:
    """ "They" opening a sentence that names no country, right after a sentence of the same paragraph whose
    countries are the two of the pair, both named."""
    sentences = doc.sentences
    countries: list[set[str]] = [set() for _ in sentences]
    paired: list[bool] = [False] * len(sentences)
    s_starts = [s.start for s in sentences]
    for m in mentions:
        i = bisect_right(s_starts, m.start) - 1
        if i < 0:
            continue
        if m.kind == "country":
            countries[i].add(m.value)
        elif m.kind == "pair":
            paired[i] = True
    out: list[Mention] = []
    for i in range(1, len(sentences)):
        before, sentence = sentences[i - 1], sentences[i]
        if countries[i] or paired[i] or "\n\n" in doc.text[before.end : sentence.start]:
            continue
        named = countries[i - 1]
        if not named <= set(pair) or not (named == set(pair) or paired[i - 1]):
            continue
        hit = _THEY.match(sentence.text)
        if hit:
            start = sentence.start + hit.start(1)
            out.append(Mention(start, start + len(hit.group(1)), hit.group(1), "pair", "pair", "pair"))
    return out
