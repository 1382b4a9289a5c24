"""Decoding: every common encoding read right and without a warning; a guessed or damaged reading
stored with a warning that `dyad errors` lists; bytes that are not text refused with one line."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad import pipeline
from dyad.cli import app
from dyad.errors import IngestError
from dyad.ingest import read_document
from dyad.ingest.decode import decode_bytes
from dyad.ingest.plausibility import unlikely_share
from dyad.store import Store

RUSSIAN = (
    "Россия и Перу подписали соглашение о военно-техническом сотрудничестве в 2008 году. "
    "Министр иностранных дел заявил об этом в понедельник."
)
JAPANESE = "日本とペルーは経済連携協定に署名した。外務大臣が月曜日に発表した。"
CHINESE = "中国和秘鲁签署了自由贸易协定。外交部长星期一宣布了这一消息。APEC会议在利马举行。"
SPANISH = (
    "Perú y Rusia firmaron un acuerdo de cooperación técnico-militar en 2008. El ministro Muñoz "
    "viajó a Moscú y dijo que el acuerdo durará diez años."
)
ENGLISH = (
    "Peru and Russia signed an agreement on military cooperation in 2008. The minister said the deal "
    "would last ten years, and that talks in Lima would go on."
)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (SPANISH, SPANISH.encode("utf-8")),
        (RUSSIAN, RUSSIAN.encode("utf-8")),
        (SPANISH, SPANISH.encode("utf-16")),
        (JAPANESE, codecs.BOM_UTF16_LE + JAPANESE.encode("utf-16-le")),
        (SPANISH, SPANISH.encode("cp1252")),
        (
            "“Peru and Russia,” the minister said — “a first.”",
            "“Peru and Russia,” the minister said — “a first.”".encode("cp1252"),
        ),
        (SPANISH, SPANISH.encode("latin-1")),
        (RUSSIAN, RUSSIAN.encode("koi8_r")),
        (RUSSIAN, RUSSIAN.encode("cp1251")),
        (JAPANESE, JAPANESE.encode("shift_jis")),
        (CHINESE, CHINESE.encode("gb18030")),
    ],
    ids=[
        "utf-8",
        "utf-8 ru",
        "utf-16 bom",
        "utf-16 ja",
        "cp1252",
        "cp1252 quotes",
        "latin-1",
        "koi8-r",
        "cp1251",
        "shift_jis",
        "gb18030",
    ],  # fmt: skip
)
def test_common_encodings_read_right_without_warning(text: str, data: bytes) -> None:
    document = read_document("doc.txt", data)
    assert document.raw_text == text
    assert document.warnings == []


def _corrupt(data: bytes, positions: dict[int, int]) -> bytes:
    damaged = bytearray(data)
    for at, byte in positions.items():
        damaged[at] = byte
    return bytes(damaged)


@pytest.mark.parametrize(
    ("data", "intact"),
    [
        (_corrupt(SPANISH.encode(), {50: 0x9D, 90: 0xA4}), "viajó a Moscú y dijo"),
        (_corrupt(RUSSIAN.encode(), {11: 0x41, 60: 0xFF}), "Министр иностранных дел заявил"),
        # English with one accent and three damaged bytes: once read as cp1251 ("Rяssia"), stored as fine
        (_corrupt((ENGLISH + " Perú.").encode(), {10: 0xFF, 50: 0x9D, 90: 0xC3}), "The minister said"),
    ],
    ids=["spanish", "russian", "english"],
)
def test_damaged_utf8_is_stored_with_replacements_and_a_warning(data: bytes, intact: str) -> None:
    document = read_document("damaged.txt", data)
    assert "\ufffd" in document.raw_text and intact in document.raw_text
    assert unlikely_share(document.raw_text) < 0.05  # no mojibake around the damage
    [warning] = document.warnings
    assert warning.startswith("damaged.txt: ") and "U+FFFD" in warning and "\n" not in warning


def test_stray_cp1252_bytes_in_utf8_are_read_with_a_warning() -> None:
    data = "Perú y Rusia: cooperación técnico-militar. ".encode() + "Señora Muñoz don’t".encode("cp1252")
    decoded = decode_bytes("mixed.txt", data)
    assert decoded.text == "Perú y Rusia: cooperación técnico-militar. Señora Muñoz don’t"
    assert decoded.warning and "3 read as cp1252" in decoded.warning


def _random_bytes(seed: int, pool: list[int], size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.choice(pool) for _ in range(size))


HIGH = list(range(0x80, 0x100))
HIGH_AND_SPACES = list(range(0xC0, 0x100)) + [0x20] * 20  # word-like: letters in cp1251/cp1252
HIGH_AND_ASCII = [b for b in range(0x20, 0x100) if b != 0x7F] + [0x0A, 0x20, 0x20]
DOUBLE_BYTE = list(range(0xA1, 0xFF))  # lead and trail bytes of the CJK encodings


@pytest.mark.parametrize("pool", [HIGH, HIGH_AND_SPACES, HIGH_AND_ASCII, DOUBLE_BYTE])
@pytest.mark.parametrize("size", [60, 400, 5000])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_without_nul_are_refused_as_not_text(pool: list[int], size: int, seed: int) -> None:
    data = _random_bytes(seed, pool, size)
    with pytest.raises(IngestError) as info:
        read_document("noise.txt", data)
    assert str(info.value).startswith("noise.txt: not readable text") and "\n" not in str(info.value)


def test_mojibake_saved_as_valid_utf8_is_refused() -> None:
    # Russian read as cp1252 once and saved as UTF-8: every byte valid, every word wrong
    mojibake = RUSSIAN.encode("koi8_r").decode("cp1252").encode("utf-8")
    with pytest.raises(
        IngestError, match=r"^twice\.txt: not readable text \(\d+% unlikely characters read as utf-8"
    ):
        read_document("twice.txt", mojibake)


def test_unlikely_share_of_real_text_and_mojibake() -> None:
    for text in (SPANISH, RUSSIAN, JAPANESE, CHINESE, ENGLISH, '{"publicationDate": "2021"}'):
        assert unlikely_share(text) == 0.0, text
    assert unlikely_share(RUSSIAN.encode("koi8_r").decode("cp1251")) > 0.1  # "тПУУЙС", case turns in words
    assert unlikely_share("Peru and Rяssia signed") > 0.2  # a word in two scripts


def test_pipeline_and_cli_list_a_warning_and_store_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "damaged.txt").write_bytes(_corrupt(SPANISH.encode(), {50: 0x9D}))
    (folder / "clean.txt").write_text(ENGLISH, encoding="utf-8")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--workers", "1"])
    assert result.exit_code == 3, result.output
    assert "stored 2 new document(s), 0 unchanged, 0 file(s) failed, 1 warning(s)" in result.output
    listed = json.loads(CliRunner().invoke(app, ["errors", "--db", db, "--json"]).output)
    assert [(Path(e["path"]).name, e["level"]) for e in listed] == [("damaged.txt", "warning")]
    assert "U+FFFD" in listed[0]["reason"]
    table = CliRunner().invoke(app, ["errors", "--db", db]).output
    assert "warning" in table and "damaged.txt" in table
    with Store(f"sqlite:///{db}") as store:
        assert {d["name"] for d in store.documents()} == {"damaged.txt", "clean.txt"}
        # ingesting the same file again keeps its warning listed; a failure of another file is an error
        (folder / "noise.txt").write_bytes(_random_bytes(1, HIGH, 400))
        report = pipeline.ingest(store, [folder])
        assert report.unchanged == ["clean.txt", "damaged.txt"] and len(report.failed) == 1
        levels = {Path(e["path"]).name: e["level"] for e in store.errors()}
    assert levels == {"damaged.txt": "warning", "noise.txt": "error"}


def test_a_store_of_schema_2_gains_the_error_level(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        store.record_error("/x/a.bin", "a.bin: binary data")
        with store.engine.begin() as conn:  # make it look like a store written before warnings existed
            conn.exec_driver_sql("ALTER TABLE ingest_errors DROP COLUMN level")
            conn.exec_driver_sql("UPDATE dyad_meta SET value = '2' WHERE key = 'schema'")
    with Store(url) as store:
        assert [(e["path"], e["level"]) for e in store.errors()] == [("/x/a.bin", "error")]


def test_a_toss_up_between_encodings_is_a_low_confidence_warning() -> None:
    # two Chinese characters read as well in big5, euc-jp, euc-kr and gb18030: whichever is chosen, say so
    document = read_document("hello.txt", "你好".encode("gb18030"))
    [warning] = document.warnings
    assert "low-confidence guess" in warning and "reads as plausibly" in warning


def test_stray_symbols_in_legacy_text_are_a_low_confidence_warning() -> None:
    # the three bytes after the sentence are symbols in cp1252, kana in Shift JIS, letters in cp1251 and
    # box drawing in KOI8-R: no reading is sure, so the one chosen comes with a warning
    text = "Peru and Russia signed the accord in Lima; the minister said it was a good day. ¨¸´"
    decoded = decode_bytes("odd.txt", text.encode("cp1252"))
    assert decoded.text.startswith(text[:-3])
    assert decoded.warning and "low-confidence guess" in decoded.warning
