"""Bytes → text: byte-order marks, strict UTF-8, then a legacy-encoding guess; binary data and text that
reads as mojibake are refused, uncertain readings carry a warning.

Order of attempts:

1. a byte-order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32 LE's);
2. BOM-less UTF-16 when NUL bytes sit on one parity only (Windows "Unicode" text saved without a BOM);
3. strict UTF-8;
4. UTF-8 with a few invalid bytes when valid multi-byte sequences dominate: stray bytes that read as cp1252
   letters or typographic punctuation ("Muñoz", "don’t" pasted from a legacy source) are read so when
   that gives more plausible text than U+FFFD in their place (damaged bytes in Russian do not);
5. otherwise a guess: each decoding charset-normalizer proposes among the legacy encodings that text
   about our countries comes in (cp1252 for Spanish/Portuguese/French/German, cp1251/KOI8-R for Russian,
   the CJK multi-byte ones), strict cp1252 (a superset of Latin-1's printable range, as the WHATWG
   Encoding standard treats "latin1") when it proposes none, and UTF-8 with U+FFFD for its invalid bytes;
   the one with the fewest unlikely characters (see ``plausibility``) and the least chaos (charset-
   normalizer's measure, which knows common CJK characters) wins, and a close rival makes it a warning.
   Central-European code pages are left out on purpose: on short Western text charset-normalizer prefers
   cp1250 and turns "año" into "ańo".

Steps 1–3 are certain; after steps 4–5, bytes replaced, some unlikely characters or a close rival reading
are stored with a warning that ``dyad errors`` lists. Whatever decodes is then checked: many control
characters (binary data) or mostly unlikely characters (random bytes, mojibake, even mojibake saved as
valid UTF-8) is refused.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from dyad.errors import IngestError
from dyad.ingest.plausibility import unlikely_share

LOGGER = logging.getLogger(__name__)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"]
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.05
SNIFF_BYTES = 64 * 1024
MIXED_HANDLER = "dyad.cp1252_fallback"
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# cp1252 punctuation that text pasted from Windows sources carries: ‚ „ … ‘ ’ “ ” • – —
CP1252_PUNCTUATION = frozenset("‚„…‘’“”•–—")
# Unlikely characters (share of the non-whitespace ones) above which a reading is not text, and above which
# a guessed one is stored with a warning. Right decodings of real text stay under 1%.
REFUSE_SHARE = 0.10
WARN_SHARE = 0.02
RIVAL_MARGIN = 0.02  # two legacy readings whose scores differ by less are a toss-up


@dataclass(slots=True, frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and a warning when that reading is uncertain."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(name: str, data: bytes) -> Decoded:
    """Decode a file's bytes to text with "\\n" newlines and no leading BOM; raise ``IngestError``."""
    decoded = _decode(name, data)
    if control_share(decoded.text) > MAX_CONTROL_SHARE:
        raise IngestError(
            f"{name}: binary data (many control characters after decoding as {decoded.encoding}), not text; "
            "convert it to text, HTML, PDF or JSON first"
        )
    share = unlikely_share(decoded.text)
    if share > REFUSE_SHARE:  # random bytes, or mojibake (even mojibake saved as valid UTF-8)
        raise IngestError(
            f"{name}: not readable text ({share:.0%} unlikely characters read as {decoded.encoding}: random "
            "bytes or mojibake); if it is text, re-save it as UTF-8"
        )
    LOGGER.debug("%s: decoded as %s", name, decoded.encoding)
    return Decoded(normalize_newlines(decoded.text), decoded.encoding, decoded.warning)


def sniff_text(data: bytes, limit: int = SNIFF_BYTES) -> str:
    """A lenient decoding of the first ``limit`` bytes, for format detection only (never raises)."""
    head = data[:limit]
    encoding = bom_encoding(head) or _utf16_without_bom(head) or "utf-8"
    if not encoding.startswith("utf-8"):
        return normalize_newlines(head.decode(encoding, errors="replace"))
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the limit is not a reason to switch encodings
        cut = exc.start >= len(head) - 3 and len(data) > limit
        text = head[: exc.start].decode("utf-8-sig") if cut else head.decode("cp1252", errors="replace")
    return normalize_newlines(text)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a leading BOM character is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def control_share(text: str) -> float:
    """Share of control characters (other than whitespace controls) among the first 100k characters."""
    sample = text[:100_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch not in ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls / len(sample)


def _decode(name: str, data: bytes) -> Decoded:
    encoding = bom_encoding(data)
    if encoding:
        return Decoded(_decode_strict(name, data[len(_bom_for(encoding)) :], encoding), encoding)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if not encoding:
            raise IngestError(
                f"{name}: binary data (NUL bytes), not text; convert it to text, HTML, PDF or JSON first"
            )
        return Decoded(_decode_strict(name, data, encoding), encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # stray legacy bytes read as cp1252, or damage replaced: whichever reads as more plausible text
        readings = (data.decode("utf-8", errors=MIXED_HANDLER), data.decode("utf-8", errors="replace"))
        return _checked(name, data, _Reading(min(readings, key=unlikely_share), "utf-8", 0.0), None)
    return _checked(name, data, *_guess(data))


@dataclass(slots=True, frozen=True)
class _Reading:
    text: str
    encoding: str
    score: float  # unlikely characters plus charset-normalizer's chaos: the lower, the more like text


def _guess(data: bytes) -> tuple[_Reading, _Reading | None]:
    """The most plausible legacy reading (UTF-8 with U+FFFD when that reads better), and a rival: another
    legacy reading with a different text that is about as plausible (None when there is none)."""
    legacy = [
        _Reading(str(match), match.encoding, unlikely_share(str(match)) + match.chaos)
        for match in from_bytes(data, cp_isolation=LEGACY_ENCODINGS)
    ]
    if not legacy:
        with contextlib.suppress(UnicodeDecodeError):  # bytes cp1252 leaves undefined: not cp1252
            text = data.decode("cp1252")
            legacy.append(_Reading(text, "cp1252", unlikely_share(text)))
    legacy.sort(key=lambda reading: reading.score)  # stable: charset-normalizer's ranking breaks ties
    replaced = data.decode("utf-8", errors="replace")
    utf8 = _Reading(replaced, "utf-8", unlikely_share(replaced))
    if not legacy or utf8.score < legacy[0].score:
        return utf8, None
    best = legacy[0]
    rivals = (r for r in legacy[1:] if r.text != best.text and r.score - best.score < RIVAL_MARGIN)
    return best, next(rivals, None)


def _checked(name: str, data: bytes, reading: _Reading, rival: _Reading | None) -> Decoded:
    """A guessed reading, with a warning about invalid UTF-8, about a legacy reading with some unlikely
    characters, or about one that a rival reads as well."""
    text, encoding = reading.text, reading.encoding
    share = unlikely_share(text)
    if encoding == "utf-8":
        warning = _invalid_utf8_warning(data, text)
    elif share > WARN_SHARE:
        warning = f"decoded as {encoding} by a low-confidence guess ({share:.0%} unlikely characters)"
    elif rival is not None:
        warning = f"decoded as {encoding} by a low-confidence guess ({rival.encoding} reads as plausibly)"
    else:
        return Decoded(text, encoding)
    return Decoded(text, encoding, f"{name}: {warning}; check its text (dyad show) or re-save it as UTF-8")


def _invalid_utf8_warning(data: bytes, text: str) -> str:
    """What became of the invalid sequences of UTF-8 ``data`` in ``text``: read as cp1252 or replaced."""
    literal = data.count("\ufffd".encode())
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - literal
    replaced = text.count("\ufffd") - literal
    kept = f", {invalid - replaced} read as cp1252" if invalid > replaced else ""
    lost = f", {replaced} replaced by U+FFFD" if replaced else ""
    return f"{invalid} invalid UTF-8 sequence(s){kept}{lost}"


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few invalid bytes (stray legacy bytes from text pasted together, or damage)."""
    valid = len(UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return valid > 0 and valid >= invalid


def _stray_byte(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: an invalid sequence in UTF-8 becomes its cp1252 reading when that is letters
    ("Mu\\xf1oz") or typographic punctuation ("don\\x92t"), else U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    try:
        legacy = exc.object[exc.start : exc.end].decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd", exc.end
    if all(ch.isalpha() or ch in CP1252_PUNCTUATION for ch in legacy):
        return legacy, exc.end
    return "\ufffd", exc.end


codecs.register_error(MIXED_HANDLER, _stray_byte)


def _decode_strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"cannot decode {name}: invalid {encoding} at byte {exc.start}; re-save it as UTF-8"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE when NULs fill one byte position of most pairs (mostly-ASCII text), else None."""
    sample = data[:SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_nuls = sample[0 : 2 * pairs : 2].count(0)
    odd_nuls = sample[1 : 2 * pairs : 2].count(0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _bom_for(encoding: str) -> bytes:
    return next(bom for bom, enc in BOMS if enc == encoding)
