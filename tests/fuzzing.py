"""Inputs for fuzzing the readers, and the checks every fuzzed batch must pass.

Shared by ``tests/test_fuzz_readers.py`` (a short, derandomized run in CI) and ``bench/fuzz_ingest.py``
(the long run). Seeds are the real documents under ``src/dyad/examples`` and ``tests/data``, the same texts
in other encodings, and PDFs made from them; mutations truncate, splice, flip bits, add NUL or random
bytes. Pathological inputs are built here too, so that both runs try the same ones.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from dyad.store import Store, schema

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = (ROOT / "src" / "dyad" / "examples", ROOT / "tests" / "data")
MB = 1024 * 1024
NOT_SEEDS = ("gold.json", "manifest.json", "README.md", "SOURCES.md", "seeds.json")
RUSSIAN = (
    "Россия и Перу подписали соглашение о торговле в Лиме 3 марта 2015 года. Министр иностранных дел "
    "заявил, что товарооборот вырос на 12 процентов.\n"
)
SPANISH = (
    "El presidente de Perú viajó a Moscú en marzo de 2015; la reunión duró dos días y firmó tres acuerdos.\n"
)


@dataclass(slots=True, frozen=True)
class Seed:
    name: str  # the file name it is written under: its extension picks the reader
    data: bytes
    reader: str  # text, html, pdf, json


def reader_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {".html": "html", ".htm": "html", ".pdf": "pdf", ".json": "json", ".jsonl": "json"}.get(
        suffix, "text"
    )


def real_seeds() -> list[Seed]:
    """Every real document bundled with dyad or kept for its tests, as it is on disk."""
    files = sorted(
        p for folder in SEED_DIRS for p in folder.rglob("*") if p.is_file() and p.name not in NOT_SEEDS
    )
    files = [
        p for p in files if "/text/" not in p.as_posix() and p.suffix in (".txt", ".md", ".html", ".json")
    ]
    return [Seed(p.name, p.read_bytes(), reader_of(p.name)) for p in files]


def seeds() -> list[Seed]:
    """The real documents, plus text in every encoding the decoder reads, JSON Lines and PDFs."""
    real = real_seeds()
    text = next(s for s in real if s.name.endswith(".txt")).data.decode("utf-8")
    made = [
        Seed("utf16-bom.txt", text.encode("utf-16"), "text"),
        Seed("utf16le-nobom.txt", text.encode("utf-16-le"), "text"),
        Seed("utf16be-bom.txt", b"\xfe\xff" + text.encode("utf-16-be"), "text"),
        Seed("utf32-bom.txt", text.encode("utf-32"), "text"),
        Seed("utf8-bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"), "text"),
        Seed("latin1.txt", (SPANISH * 5).encode("latin-1"), "text"),
        Seed("cp1252.txt", ("“" + SPANISH + "” – ").encode("cp1252") * 5, "text"),
        Seed("cp1251.txt", (RUSSIAN * 5).encode("cp1251"), "text"),
        Seed("koi8r.txt", (RUSSIAN * 5).encode("koi8_r"), "text"),
        Seed("records.jsonl", _json_lines(real), "json"),
        Seed("paper.pdf", make_pdf(text[:3000], title="Peru and Russia"), "pdf"),
        Seed("short.pdf", make_pdf(SPANISH * 3), "pdf"),
    ]
    return real + made


def _json_lines(real: list[Seed]) -> bytes:
    records = [json.loads(s.data) for s in real if s.name.endswith(".json")][:3]
    return b"\n".join(json.dumps(r).encode() for r in records if isinstance(r, dict)) + b"\n"


def make_pdf(text: str, *, title: str = "", stream: bytes | None = None) -> bytes:
    """A one-page PDF showing ``text`` (Latin-1) in Helvetica; ``stream`` replaces its content stream's
    compressed bytes (for a decompression bomb)."""
    lines = [line[i : i + 90] for line in text.splitlines() for i in range(0, max(len(line), 1), 90)][:60]
    ops = "BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(f"({_pdf_string(line)}) Tj T*" for line in lines) + " ET"
    content = stream if stream is not None else zlib.compress(ops.encode("latin-1", "replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (%s) >>" % _pdf_string(title).encode("latin-1", "replace"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer << /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# -- mutations -------------------------------------------------------------------------------------------

MUTATIONS = ("truncate", "flip", "splice", "nul", "random", "repeat", "none")


def mutate(data: bytes, op: str, rng: random.Random, other: bytes) -> bytes:
    """``data`` changed by one mutation; ``other`` is a second seed for splicing."""
    if op == "truncate":
        return data[: rng.randrange(len(data) + 1)]
    if op == "flip":
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 64)):
            if flipped:
                flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        return bytes(flipped)
    at = rng.randrange(len(data) + 1)
    if op == "splice":
        return data[:at] + other[rng.randrange(len(other) + 1) :]
    if op == "nul":
        return data[:at] + b"\x00" * rng.randint(1, 4096) + data[at:]
    if op == "random":
        return data[:at] + rng.randbytes(rng.randint(1, 512)) + data[at:]
    if op == "repeat":
        return data * rng.randint(2, 4)
    return data


# -- pathological inputs ---------------------------------------------------------------------------------


def pathological(*, big: bool = True) -> dict[str, bytes]:
    """File name → bytes of inputs that have broken readers elsewhere; ``big=False`` leaves out the
    ones that take minutes to extract (a 10 MB line, a megabyte word, a huge JSON array)."""
    sentence = b"Peru and Russia signed a trade agreement in Lima. "
    bomb = (1024 if big else 96) * MB  # what the bombs inflate to
    inputs = {
        "nested-divs.html": b"<html><body>"
        + b"<div>" * 100_000
        + sentence
        + b"</div>" * 100_000
        + b"</body></html>",
        "unclosed-divs.html": b"<html><body>" + (b"<div><p>" + sentence + b"</p>") * 20_000,
        "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "nested-objects.json": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        "nul-only.txt": b"\x00" * 100_000,
        "nul-inside.html": b"<html><body><p>" + sentence + b"\x00\x01\x0b" + sentence + b"</p></body></html>",
        "bomb.gz": deflated_zeros(bomb, wbits=31),  # gzip
        "bomb.zip": _zip_bomb(bomb),
        "bomb-inside.pdf": make_pdf("", stream=deflated_zeros(bomb, wbits=15)),  # a FlateDecode stream
        "bom-only.txt": b"\xff\xfe",
        "lone-surrogates.txt": b"\xed\xa0\x80 Peru and Russia \xed\xbf\xbf" * 50,
    }
    if big:
        inputs["one-word.txt"] = b"a" * 1_000_000
        inputs["ten-mb-line.txt"] = sentence * (10 * 1024 * 1024 // len(sentence))
        records = [{"title": f"Record {i}", "abstract": sentence.decode()} for i in range(100_000)]
        inputs["huge-array.json"] = json.dumps(records).encode()
    return inputs


def deflated_zeros(size: int, *, wbits: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = bytes(MB)
    return b"".join(compressor.compress(chunk) for _ in range(size // MB)) + compressor.flush()


def _zip_bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("zeros.txt", "w") as f:
        for _ in range(size // MB):
            f.write(bytes(MB))
    return buffer.getvalue()


ODD_NAMES = (
    "new\nline.txt",
    "tab\tand space .txt",
    "\u202eright-to-left\u202c.txt",
    "zero\u200bwidth.html",
    "emoji-🙂.json",
    "ñandú-ü.txt",
    "-starts-with-dash.txt",
    "quote\"and'apostrophe.txt",
    "x" * 240 + ".txt",
    "back\\slash.txt",
)


def odd_name(index: int) -> str:
    return ODD_NAMES[index % len(ODD_NAMES)]


def undecodable_name() -> bytes:
    """A file name that is not UTF-8 (Linux allows any bytes but / and NUL)."""
    return b"latin1-caf\xe9-\xff.txt"


# -- the property ----------------------------------------------------------------------------------------


def check_batch(store: Store, paths: list[str]) -> dict[str, str]:
    """Every path stored whole (or its identical content already stored, under another path) or listed
    with a one-line reason, and the store consistent; returns path → "stored" or the reason. Raises
    AssertionError with what is wrong."""
    documents = {row["path"] for row in store.documents()}
    ids = {row["id"] for row in store.documents()}
    errors = {row["path"]: row["reason"] for row in store.errors() if row["level"] == "error"}
    outcome: dict[str, str] = {}
    for path in paths:
        stored = path in documents or _content_stored(path, ids)
        where = f"{path!r}: stored={stored}, listed={errors.get(path)!r}"
        assert stored != (path in errors), where
        if path in errors:
            reason = errors[path]
            assert reason and "\n" not in reason and "Traceback" not in reason, f"{path!r}: {reason!r}"
            assert "please report" not in reason and "internal error" not in reason, f"{path!r}: {reason!r}"
        outcome[path] = errors.get(path, "stored")
    problems = store_problems(store)
    assert not problems, problems
    return outcome


def _content_stored(path: str, ids: set[str]) -> bool:
    """A document (or the first record of a file of records) with the same bytes is stored."""
    try:
        data = Path(path).read_bytes()
    except OSError:  # a name stored with its undecodable bytes escaped
        return False
    return any(hashlib.sha256(data + suffix).hexdigest()[:16] in ids for suffix in (b"", b"#0"))


def store_problems(store: Store) -> list[str]:
    """Half-written documents and rows whose document is gone: what a consistent store never holds."""
    problems = []
    d, s = schema.documents, schema.sentences
    with store.engine.connect() as conn:
        counted = (
            select(d.c.id, d.c.n_sentences, func.count(s.c.idx).label("found"))
            .select_from(d.outerjoin(s, s.c.doc_id == d.c.id))
            .group_by(d.c.id, d.c.n_sentences)
        )
        for row in conn.execute(counted):
            if row.n_sentences != row.found:
                problems.append(f"document {row.id}: {row.found} of {row.n_sentences} sentences stored")
        for table in schema.metadata.sorted_tables:
            if "doc_id" in table.c and table is not d:
                orphans = select(func.count()).select_from(table).where(~table.c.doc_id.in_(select(d.c.id)))
                found = conn.execute(orphans).scalar_one()
                if found:
                    problems.append(f"{table.name}: {found} row(s) of documents that are not stored")
    return problems


def summary(outcome: dict[str, str]) -> dict[str, Any]:
    stored = sum(1 for reason in outcome.values() if reason == "stored")
    return {"inputs": len(outcome), "stored": stored, "listed": len(outcome) - stored}
