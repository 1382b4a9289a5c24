"""The news agency or outlet a story credits: the agency in its dateline ("LIMA, Nov 24 (Reuters) -",
"MOSCOW, March 3. /TASS/."), its byline ("By Jane Doe, Associated Press"), or a credit line at its end
("— Kyodo News", "Source: Xinhua").

Names are matched against the ``media`` rows of ``knowledge/organisations.tsv`` (bundled rows), so "AP"
becomes "Associated Press" and "Kyodo News" "Kyodo". A dateline's agency that is not listed is kept as
written, since the dateline's shape already says it is one; a credit line must be marked ("—", "Source:")
and name a listed outlet, because a short line at the end of a text can be many other things (a list of
links under an article about the press).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from dyad.ingest.dates import dateline_agency
from dyad.knowledge import load_knowledge

LOGGER = logging.getLogger(__name__)

CREDIT_LINE = re.compile(
    r"^(?:[—–-]{1,2}\s*|(?:sources?|fuente|fonte|credit|via)\s*:\s*)(?P<name>[^\W\d_][\w .&'’-]{1,40}?)\.?$",
    re.I,
)
CREDIT_LINES = 4  # the last lines of a text, where a credit line stands
DATELINE_LINES = 4  # the first lines of the body, where a dateline stands


def find_agency(body_lines: list[str], lines: list[str], byline: str | None = None) -> str | None:
    """The agency credited by a dateline in ``body_lines`` (the first lines after the title), by the
    ``byline`` line, or by a credit line among the last of ``lines``; None when the text credits none."""
    for line in body_lines[:DATELINE_LINES]:
        agency = dateline_agency(line)
        if agency:
            return media_name(agency) or agency
    # what follows the names in a byline, after a comma: "By Jane Doe, Associated Press"
    for part in (byline or "").split(",")[1:]:
        name = media_name(part)
        if name:
            return name
    for line in lines[-CREDIT_LINES:]:
        match = CREDIT_LINE.match(line)
        name = media_name(match.group("name")) if match else None
        if name:
            return name
    return None


def media_name(text: str) -> str | None:
    """The listed name of a news agency or outlet written as ``text`` (its name or an alias, any case)."""
    return _media_names().get(re.sub(r"\s+", " ", text).strip().lower())


@lru_cache(maxsize=1)
def _media_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for org in load_knowledge().organisations:
        if org.kind == "media":
            for written in (org.name, *org.aliases):
                names.setdefault(written.lower(), org.name)
    return names
