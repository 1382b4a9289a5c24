"""Bytes → text: byte-order marks, strict UTF-8, then a legacy-encoding guess; binary data is refused.

Order of attempts:

1. a byte-order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32 LE's);
2. BOM-less UTF-16 when NUL bytes sit on one parity only (Windows "Unicode" text saved without a BOM);
3. strict UTF-8, or UTF-8 with a few stray cp1252 bytes when valid multi-byte sequences dominate;
4. charset-normalizer restricted to the legacy encodings that text about our countries comes in
   (cp1252 for Spanish/Portuguese/French/German, cp1251/KOI8-R for Russian, the CJK multi-byte ones).
   Central-European code pages are left out on purpose: on short Western text charset-normalizer prefers
   cp1250 and turns "año" into "ańo";
5. strict cp1252 (a superset of Latin-1's printable range, as the WHATWG Encoding standard treats
   "latin1").

Whatever decodes is then checked for control characters, so binary data cannot pass as text.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from dyad.errors import IngestError

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


def decode_bytes(name: str, data: bytes) -> str:
    """Decode a file's bytes to text with "\\n" newlines and no leading BOM; raise ``IngestError``."""
    text, encoding = _decode(name, data)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise IngestError(
            f"{name}: binary data (many control characters after decoding as {encoding}), not text; "
            "convert it to text, HTML, PDF or JSON first"
        )
    LOGGER.debug("%s: decoded as %s", name, encoding)
    return normalize_newlines(text)


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


def _decode(name: str, data: bytes) -> tuple[str, str]:
    encoding = bom_encoding(data)
    if encoding:
        return _decode_strict(name, data[len(_bom_for(encoding)) :], encoding), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if not encoding:
            raise IngestError(
                f"{name}: binary data (NUL bytes), not text; convert it to text, HTML, PDF or JSON first"
            )
        return _decode_strict(name, data, encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors=MIXED_HANDLER), "utf-8 with cp1252 stray bytes"
    return _decode_legacy(name, data)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray legacy bytes (text pasted together from several sources)."""
    valid = len(UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return valid > 0 and valid >= invalid


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252 (Latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    try:
        return bad.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return bad.decode("latin-1"), exc.end


codecs.register_error(MIXED_HANDLER, _cp1252_fallback)


def _decode_strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"cannot decode {name}: invalid {encoding} at byte {exc.start}; re-save it as UTF-8"
        ) from None


def _decode_legacy(name: str, data: bytes) -> tuple[str, str]:
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is not None:
        return str(best), best.encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise IngestError(
            f"cannot decode {name}: not UTF-8, UTF-16 or a legacy encoding such as cp1252/Latin-1; "
            "re-save it as UTF-8"
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
