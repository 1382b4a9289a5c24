"""How much of a decoded text is unlikely to be what its author wrote: the check that tells a right
decoding from mojibake, and text from random bytes.

A wrong decoding of real text, or any decoding of bytes that are not text, leaves traces that real text
in any language seldom has: replacement characters, unassigned or private-use code points, control
characters, lone accents; and words that switch scripts ("Rяssia") or case ("жЭЩ", "ТззеХчЦ") in the
middle. ``unlikely_share`` counts those characters (a bad word counts all its letters) against all the
characters that are not whitespace. Real text scores near 0; mojibake and random bytes well above.

Chinese and Japanese put Latin words inside runs of their own letters ("APEC会议"): such a run is judged
in segments, the CJK part and the alphabetic part each on its own. The case rule looks only at words with
a non-ASCII letter, so that identifiers in code and JSON ("publicationDate") are not counted.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from itertools import groupby

LOGGER = logging.getLogger(__name__)

SAMPLE_CHARS = 50_000
LETTER_RUN = re.compile(r"[^\W\d_]+")
UNLIKELY_CATEGORIES = frozenset(["Cc", "Cn", "Co", "Cs"])
WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")
# Scripts that share words: Japanese writes kanji with kana, Korean sometimes hanja with hangul.
MIXED_SCRIPTS = (
    frozenset(["CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC", "HALFWIDTH"]),
    frozenset(["CJK", "HANGUL"]),
)
# Halfwidth katakana on its own, outside Japanese text, is what Latin text read as Shift JIS looks like.
HALFWIDTH = frozenset(["HALFWIDTH"])
UNSPACED_SCRIPTS = frozenset().union(*MIXED_SCRIPTS)


def unlikely_share(text: str) -> float:
    """Share of the non-whitespace characters of (the start of) ``text`` that are unlikely in real text."""
    sample = text[:SAMPLE_CHARS]
    total = sum(1 for ch in sample if not ch.isspace())
    if not total:
        return 0.0
    odd = sum(1 for ch in sample if is_unlikely_char(ch))
    odd += sum(len(run) for run in LETTER_RUN.findall(sample) if not is_plausible_word(run))
    return odd / total


def is_unlikely_char(ch: str) -> bool:
    """A replacement character, an unassigned, private-use or surrogate code point, a control character
    other than whitespace, or a lone accent (a non-ASCII modifier symbol such as "¨" or "¸")."""
    if ch == "\ufffd":
        return True
    category = unicodedata.category(ch)
    if category in UNLIKELY_CATEGORIES:
        return ch not in WHITESPACE_CONTROLS
    return category == "Sk" and not ch.isascii()


def is_plausible_word(run: str) -> bool:
    """A run of letters in one script (or kanji with kana, hanja with hangul) whose case does not go
    from lower to upper inside a non-ASCII word ("Rusia", "ROSJA", "Россия"; not "Rяssia", "жЭЩ")."""
    for unspaced, group in groupby(run, key=lambda ch: script_of(ch) in UNSPACED_SCRIPTS):
        segment = "".join(group)
        scripts = {script_of(ch) for ch in segment}
        if unspaced:
            if scripts == HALFWIDTH or not any(scripts <= allowed for allowed in MIXED_SCRIPTS):
                return False
        elif len(scripts) > 1 or not segment.isascii() and _case_turns(segment):
            return False
    return True


def _case_turns(word: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The script a letter's Unicode name starts with ("LATIN", "CYRILLIC", "CJK", "HIRAGANA", …);
    halfwidth and fullwidth forms are named by their width ("HALFWIDTH", "FULLWIDTH")."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
