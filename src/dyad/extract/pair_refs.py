"""Words that stand for the document's pair without naming either side.

A plural of those who speak for a government, counted as two or said of both ("the two ministers",
"both parliaments", "the two NATO allies"), is one of each side in a document about two countries,
unless its sentence names a third country. Each becomes a mention of kind "pair", which the event reader
already takes as both sides; the figures reader does not see them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dyad.extract.mentions import Mention, within
from dyad.models import Document, Sentence

# Plural nouns of those who act for a state: counted two or said of both, one is each side's.
_AGENTS = (
    r"ministers|secretaries|governments|administrations|cabinets|ministries|parliaments|legislatures|"
    r"leaders|presidents|premiers|chancellors|monarchs|kings|heads|envoys|ambassadors|"
    r"delegations|negotiators|allies|foreign\s+offices|foreign\s+ministries"
)
# "the two foreign ministers", "both NATO allies", "the two countries' leaders": up to two words between.
_COUNTED = re.compile(
    r"\b(?:the\s+two|both(?:\s+the)?)\s+(?:(?!and\b|or\b|of\b)[\w'’.-]+\s+){0,2}?(?:" + _AGENTS + r")\b",
    re.IGNORECASE,
)
# Words after the plural that make its members one side's ("the two ministers of Chile", "from Peru").
_ONE_SIDE_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z]")


def pair_references(doc: Document, mentions: list[Mention], pair: tuple[str, str] | None) -> list[Mention]:
    """The mentions of the pair that the knowledge phrases did not find: counted plurals of state agents
    in sentences that name no country outside the pair."""
    if not pair:
        return []
    starts = [m.start for m in mentions]
    s_starts = [s.start for s in doc.sentences]
    found: list[Mention] = []
    for hit in _COUNTED.finditer(doc.text):
        lo, hi = hit.start(), hit.end()
        inside = within(mentions, starts, lo, hi)
        if any(m.start < hi and lo < m.end and m.kind in ("country", "pair", "person") for m in inside):
            continue  # "both Chilean ministers", "the two countries": one side, or found already
        if _ONE_SIDE_AFTER.match(doc.text, hi):
            continue
        i = bisect_right(s_starts, lo) - 1
        if i >= 0 and _names_a_third(doc.sentences[i], mentions, starts, pair):
            continue  # "the two ministers" beside a third country may be that country's and one side's
        found.append(Mention(lo, hi, hit.group(0), "pair", "pair", "pair"))
    return found


def _names_a_third(
    sentence: Sentence, mentions: list[Mention], starts: list[int], pair: tuple[str, str]
) -> bool:
    inside = within(mentions, starts, sentence.start, sentence.end)
    return any(m.kind == "country" and m.value not in pair for m in inside)
