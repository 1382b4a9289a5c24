"""Literal strings a regular expression cannot match without: a cheap prefilter for trigger patterns.

``required_literals(pattern)`` returns a set of lower-case strings such that every match of the pattern
contains at least one of them, or ``None`` when no such set can be read off the pattern. A sentence that
contains none of them cannot match, so the (much slower) regular expression need not run on it.
"""

from __future__ import annotations

from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

MIN_LENGTH = 3


def _needs(items: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains."""
    run = ""
    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg).lower()
            continue
        if len(run) >= MIN_LENGTH:
            return {run}
        run = ""
        found: set[str] | None = None
        if op is c.SUBPATTERN:
            found = _needs(arg[-1])
        elif op is c.BRANCH:
            options = [_needs(alternative) for alternative in arg[1]]
            if all(option is not None for option in options):
                found = set().union(*options)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _needs(arg[2])
        if found:
            return found
    return {run} if len(run) >= MIN_LENGTH else None


def required_literals(pattern: str) -> frozenset[str] | None:
    try:
        found = _needs(parser.parse(pattern))
    except Exception:  # an exotic construct: no prefilter, the pattern always runs
        return None
    return frozenset(found) if found else None
